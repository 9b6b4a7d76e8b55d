import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  DisclosureReport,
  DrillPart,
  DrillResponse,
  DrillTarget,
  MetricDefinition,
  PublicationDetail,
  PublicationSummary,
} from "../../../../src/shared/metrics-api";
import { api } from "../../lib/api";

export function useDefinitions() {
  return useQuery({
    queryKey: ["metric-definitions"],
    queryFn: ({ signal }) => api<{ items: MetricDefinition[] }>("/api/metrics/definitions", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => new Map(data.items.map((d) => [d.id, d])),
  });
}

export function useReport(fy: number, companyId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["disclosure-report", fy, companyId],
    queryFn: ({ signal }) =>
      api<DisclosureReport>("/api/reports/disclosure", { query: { fy, companyId }, signal }),
    enabled,
    // keep the previous year's tables on screen while the next year loads (same scope only)
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[2] === companyId ? previous : undefined,
  });
}

export function usePublications(fy: number, companyId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["publications", fy, companyId],
    queryFn: ({ signal }) =>
      api<{ items: PublicationSummary[] }>("/api/reports/disclosure/publications", {
        query: companyId === null ? { fy, group: true } : { fy, companyId },
        signal,
      }),
    enabled,
  });
}

export function usePublication(id: number | null) {
  return useQuery({
    queryKey: ["publication", id],
    queryFn: ({ signal }) => api<PublicationDetail>(`/api/reports/disclosure/publications/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function usePublish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { fy: number; companyId: number | null; note: string | null }) =>
      api<PublicationSummary>("/api/reports/disclosure/publications", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["publications"] }),
  });
}

export const DRILL_PAGE = 100;

export function useDrill(target: DrillTarget | null, part: DrillPart, pages: number) {
  return useQuery({
    queryKey: ["drill", target, part, pages],
    queryFn: ({ signal }) => {
      const t = target!;
      const scope = t.scope;
      return api<DrillResponse>(`/api/metrics/${t.metric}/people`, {
        query: {
          scope: scope.kind,
          companyId: scope.kind === "company" ? scope.companyId : undefined,
          companyIds: scope.kind === "companies" ? scope.companyIds.join(",") : undefined,
          country: scope.kind === "country" ? scope.country : undefined,
          orgUnitId: scope.kind === "orgUnit" ? scope.orgUnitId : undefined,
          fy: t.fiscalYear,
          by: t.by ?? undefined,
          key: t.key ?? undefined,
          part,
          limit: DRILL_PAGE * pages,
        },
        signal,
      });
    },
    enabled: target !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery &&
      JSON.stringify(previousQuery.queryKey.slice(0, 3)) === JSON.stringify(["drill", target, part])
        ? previous
        : undefined,
  });
}
