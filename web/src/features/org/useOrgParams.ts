import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { isIsoDate, todayIso } from "../../lib/dates";

export interface OrgParams {
  asOf: string;
  /** null = the whole group. */
  companyId: number | null;
  unitId: number | null;
}

function toId(value: string | null): number | null {
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/** The org chart's date, company and selected unit live in the URL (?asOf=&companyId=&unit=). */
export function useOrgParams(
  defaultCompanyId: number | null,
): [OrgParams, (patch: Partial<OrgParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<OrgParams>(() => {
    const asOf = search.get("asOf");
    const company = search.get("companyId");
    return {
      asOf: isIsoDate(asOf) ? asOf : todayIso(),
      companyId: company === "all" ? null : (toId(company) ?? defaultCompanyId),
      unitId: toId(search.get("unit")),
    };
  }, [search, defaultCompanyId]);

  const update = useCallback(
    (patch: Partial<OrgParams>) => {
      setSearch(
        () => {
          // The URL as it is now: the hook's `prev` can be a render behind when two updates come quickly.
          const next = new URLSearchParams(window.location.search);
          if (patch.asOf !== undefined) {
            if (patch.asOf === todayIso()) next.delete("asOf");
            else next.set("asOf", patch.asOf);
          }
          if (patch.companyId !== undefined) {
            if (patch.companyId === defaultCompanyId) next.delete("companyId");
            else next.set("companyId", patch.companyId === null ? "all" : String(patch.companyId));
            next.delete("unit");
          }
          if (patch.unitId !== undefined) {
            if (patch.unitId === null) next.delete("unit");
            else next.set("unit", String(patch.unitId));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearch, defaultCompanyId],
  );
  return [params, update];
}
