import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export interface ReportParams {
  /** null = not chosen yet (the page picks the last completed fiscal year). */
  fy: number | null;
  /** null = the whole group. */
  companyId: number | null;
  /** A published version being looked at. */
  version: number | null;
}

const toInt = (value: string | null): number | null =>
  value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null;

/** The report's scope, year and published version live in the URL (?fy=&company=&version=). */
export function useReportParams(
  defaultCompanyId: number | null,
): [ReportParams, (patch: Partial<ReportParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<ReportParams>(() => {
    const company = search.get("company");
    return {
      fy: toInt(search.get("fy")),
      companyId: company === "group" ? null : (toInt(company) ?? defaultCompanyId),
      version: toInt(search.get("version")),
    };
  }, [search, defaultCompanyId]);
  const update = useCallback(
    (patch: Partial<ReportParams>) => {
      setSearch(
        () => {
          const next = new URLSearchParams(window.location.search);
          if (patch.fy !== undefined) {
            if (patch.fy === null) next.delete("fy");
            else next.set("fy", String(patch.fy));
          }
          if (patch.companyId !== undefined)
            next.set("company", patch.companyId === null ? "group" : String(patch.companyId));
          if (patch.version !== undefined || patch.fy !== undefined || patch.companyId !== undefined) {
            if (patch.version) next.set("version", String(patch.version));
            else next.delete("version");
          }
          return next;
        },
        { replace: false },
      );
    },
    [setSearch],
  );
  return [params, update];
}
