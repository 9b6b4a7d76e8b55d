import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  OrgChartResponse,
  PersonDetail,
  ZCompanyList,
  ZGradeList,
  ZOrgUnitMembersResponse,
  ZPeopleResponse,
  ZPersonSensitive,
} from "../../../../src/shared/api";
import { api, type QueryValue } from "../../lib/api";

export type PeopleResponse = z.infer<typeof ZPeopleResponse>;
export type CompanyList = z.infer<typeof ZCompanyList>;
export type GradeList = z.infer<typeof ZGradeList>;
export type OrgUnitMembers = z.infer<typeof ZOrgUnitMembersResponse>;
export type OrgUnitMember = OrgUnitMembers["items"][number];
export type PersonSensitive = z.infer<typeof ZPersonSensitive>;

function sameExceptOffset(a: unknown, b: Record<string, QueryValue>): boolean {
  if (typeof a !== "object" || a === null) return false;
  const strip = (q: object) => JSON.stringify({ ...q, offset: undefined });
  return strip(a) === strip(b);
}

export function usePeople(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ["people", query],
    queryFn: ({ signal }) => api<PeopleResponse>("/api/people", { query, signal }),
    // Keep the rows while paging; a new search or filter shows a fresh (loading) list, never stale matches.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameExceptOffset(previousQuery.queryKey[1], query) ? previous : undefined,
  });
}

export function usePerson(id: number | null) {
  return useQuery({
    queryKey: ["person", id],
    queryFn: ({ signal }) => api<PersonDetail>(`/api/people/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSensitive(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ["person", id, "sensitive"],
    queryFn: ({ signal }) => api<PersonSensitive>(`/api/people/${id}/sensitive`, { signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useCompanies(enabled = true) {
  return useQuery({
    queryKey: ["companies"],
    queryFn: ({ signal }) => api<CompanyList>("/api/companies", { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useGrades(companyId: number | null) {
  return useQuery({
    queryKey: ["grades", companyId],
    queryFn: ({ signal }) => api<GradeList>("/api/grades", { query: { companyId }, signal }),
    enabled: companyId !== null,
    staleTime: 5 * 60_000,
  });
}

export function useOrgChart(asOf: string, companyId: number | null, enabled = true) {
  return useQuery({
    queryKey: ["org-chart", asOf, companyId],
    queryFn: ({ signal }) => api<OrgChartResponse>("/api/org-chart", { query: { asOf, companyId }, signal }),
    enabled,
    // Keep showing the previous date's chart while a new date loads, but never another company's.
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[2] === companyId ? previous : undefined,
  });
}

export function useOrgUnitMembers(unitId: number | null, asOf: string) {
  return useQuery({
    queryKey: ["org-unit-members", unitId, asOf],
    queryFn: ({ signal }) =>
      api<OrgUnitMembers>(`/api/org-units/${unitId}/members`, { query: { asOf }, signal }),
    enabled: unitId !== null,
  });
}
