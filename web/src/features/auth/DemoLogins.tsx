import { Badge, Group, Paper, Text, UnstyledButton } from "@mantine/core";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/locale";

export const DEMO_PASSWORD = "tekizai-demo";

const DEMO_ACCOUNTS: Array<{ email: string; label: MessageKey; color: string }> = [
  { email: "group-hr@demo.tekizai.dev", label: "login.demo.groupHr", color: "grape" },
  { email: "company-hr@demo.tekizai.dev", label: "login.demo.companyHr", color: "indigo" },
  { email: "manager@demo.tekizai.dev", label: "login.demo.manager", color: "teal" },
  { email: "employee@demo.tekizai.dev", label: "login.demo.employee", color: "orange" },
];

/** The demo logins (only when the server says demo data is loaded); a click fills the form. */
export function DemoLogins({ onPick }: { onPick: (email: string, password: string) => void }) {
  const t = useT();
  return (
    <Paper withBorder p="md" data-testid="demo-logins">
      <Text fw={600} size="sm">
        {t("login.demoTitle")}
      </Text>
      <Text size="xs" c="dimmed" mt={2} mb="sm">
        {t("login.demoHint", { password: DEMO_PASSWORD })}
      </Text>
      <Group gap="xs">
        {DEMO_ACCOUNTS.map((account) => (
          <UnstyledButton
            key={account.email}
            onClick={() => onPick(account.email, DEMO_PASSWORD)}
            data-testid="demo-login"
            data-email={account.email}
            title={account.email}
          >
            <Badge variant="light" color={account.color} size="lg" tt="none" style={{ cursor: "pointer" }}>
              {t(account.label)}
            </Badge>
          </UnstyledButton>
        ))}
      </Group>
    </Paper>
  );
}
