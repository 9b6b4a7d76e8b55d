import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { EMPLOYMENT_TYPES, type EmploymentType } from "../../../../src/shared/enums";
import { isIsoDate } from "../../lib/dates";

export const PAGE_SIZE = 50;

export interface PeopleParams {
  q: string;
  companyId: number | null;
  orgUnitId: number | null;
  gradeId: number | null;
  employmentType: EmploymentType | null;
  /** null = today (the server's default). */
  asOf: string | null;
  includeInactive: boolean;
  offset: number;
}

export type PeopleParamsPatch = Partial<Omit<PeopleParams, "offset">> & { offset?: number };

function toId(value: string | null): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

function isEmploymentType(value: string | null): value is EmploymentType {
  return EMPLOYMENT_TYPES.some((t) => t === value);
}

/** The directory's query lives in the URL (?q=&companyId=&…&offset=) so it can be shared and survives reload. */
export function usePeopleParams(): [PeopleParams, (patch: PeopleParamsPatch) => void] {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<PeopleParams>(() => {
    const type = search.get("employmentType");
    const asOf = search.get("asOf");
    const offset = Number(search.get("offset") ?? "0");
    return {
      q: search.get("q") ?? "",
      companyId: toId(search.get("companyId")),
      orgUnitId: toId(search.get("orgUnitId")),
      gradeId: toId(search.get("gradeId")),
      employmentType: isEmploymentType(type) ? type : null,
      asOf: isIsoDate(asOf) ? asOf : null,
      includeInactive: search.get("includeInactive") === "true",
      offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    };
  }, [search]);

  const update = useCallback(
    (patch: PeopleParamsPatch) => {
      setSearch(
        () => {
          // The URL as it is now: the hook's `prev` can be a render behind when two updates come quickly.
          const next = new URLSearchParams(window.location.search);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === "" || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          // Any change of the filters starts again from the first page.
          if (patch.offset === undefined || patch.offset === 0) next.delete("offset");
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return [params, update];
}
