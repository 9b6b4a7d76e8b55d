import { useMemo } from "react";
import { useCurrentUser } from "../../app/RequireAuth";
import { useLocale } from "../../i18n/locale";
import { localized } from "../../lib/names";
import { useCompanies } from "../people/queries";
import { useImportKinds } from "./queries";

/** The companies the user may import into, and the kinds they may use (group kinds: group HR only). */
export function useImportScope() {
  const me = useCurrentUser();
  const [locale] = useLocale();
  const companies = useCompanies();
  const kinds = useImportKinds();
  const scope = me.permissions.companyScope;
  const companyOptions = useMemo(
    () =>
      (companies.data?.items ?? [])
        .filter((c) => scope === null || scope.includes(c.id))
        .map((c) => ({ value: String(c.id), label: `${c.code} · ${localized(c.name, locale)}` })),
    [companies.data, scope, locale],
  );
  const kindList = useMemo(
    () => (kinds.data?.items ?? []).filter((k) => k.scope === "company" || scope === null),
    [kinds.data, scope],
  );
  const kindOptions = kindList.map((k) => ({ value: k.name, label: k.label[locale] }));
  return { companyOptions, kindList, kindOptions, error: companies.error ?? kinds.error };
}
