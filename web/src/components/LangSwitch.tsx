import { Button, Menu } from "@mantine/core";
import type { Locale } from "../../../src/shared/enums";
import { useMe, useSaveLocale } from "../features/auth/session";
import { useLocale, useT } from "../i18n/locale";

const LOCALES: Locale[] = ["en", "ja"];

/** English / 日本語 menu (each language named in itself, the same in both dictionaries) in the header. The choice is kept in localStorage and, when signed in, on the user. */
export function LangSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  const { data: me } = useMe();
  const save = useSaveLocale();

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (me) save.mutate(next);
  };

  return (
    <Menu position="bottom-end" shadow="md" width={140}>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-sm"
          data-testid="lang-switch"
          aria-label={t("lang.label")}
          title={t("lang.label")}
          rightSection={<span aria-hidden>▾</span>}
        >
          {t(`lang.${locale}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => choose(l)}
            data-testid={`lang-${l}`}
            fw={l === locale ? 700 : 400}
            aria-current={l === locale || undefined}
          >
            {t(`lang.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
