import { useEffect, useRef } from "react";
import { useMe } from "../features/auth/session";
import { useLocale } from "../i18n/locale";

/** When a user signs in, their saved locale (if any) becomes the UI language. */
export function LocaleSync() {
  const { data: me } = useMe();
  const [, setLocale] = useLocale();
  const appliedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!me) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    if (me.locale) setLocale(me.locale);
  }, [me, setLocale]);
  return null;
}
