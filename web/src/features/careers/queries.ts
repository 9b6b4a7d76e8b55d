/** Data hooks of the careers pages. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CareerCycle,
  CareerReport,
  CareerReportList,
  CareerReportRow,
  CareerWishes,
  CareerWishOptions,
  MyCareerReports,
  ScoutingConsentState,
  WorkHistory,
  WorkHistoryEntry,
} from "../../../../src/shared/careers-api";
import { api } from "../../lib/api";

export type EntryInput = {
  periodFrom: string;
  periodTo: string | null;
  organisation: string;
  role: string;
  achievements: string;
  skillIds: number[];
};

export function useMyCareerReports() {
  return useQuery({
    queryKey: ["careers", "mine"],
    queryFn: ({ signal }) => api<MyCareerReports>("/api/career-reports/mine", { signal }),
  });
}

/** The group's job categories for the career-report form (a catalogue: kept for a while). */
export function useCareerWishOptions() {
  return useQuery({
    queryKey: ["careers", "wish-options"],
    queryFn: ({ signal }) => api<CareerWishOptions>("/api/career-reports/wish-options", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCareerReport(id: number) {
  return useQuery({
    queryKey: ["careers", "report", id],
    queryFn: ({ signal }) => api<CareerReport>(`/api/career-reports/${id}`, { signal }),
  });
}

export function useSaveCareerReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ cycleId, wishes }: { cycleId: number; wishes: Partial<CareerWishes> }) =>
      api<CareerReport>(`/api/career-cycles/${cycleId}/my-report`, { method: "PUT", body: wishes }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["careers"] }),
  });
}

export function useSubmitCareerReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<CareerReport>(`/api/career-reports/${id}/submit`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["careers"] }),
  });
}

export function useManagerQueue() {
  return useQuery({
    queryKey: ["careers", "queue"],
    queryFn: ({ signal }) =>
      api<{ items: CareerReportRow[] }>("/api/career-reports/manager-queue", { signal }),
  });
}

export function useCommentCareerReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment }: { id: number; comment: string }) =>
      api<CareerReport>(`/api/career-reports/${id}/manager-comment`, { method: "PUT", body: { comment } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["careers"] }),
  });
}

export interface HrFilters {
  companyId: number | null;
  fiscalYear: number | null;
  moveWithinYear: boolean;
  openToOverseas: boolean;
  wantsTransfer: boolean;
}

export function useHrCareerReports(filters: HrFilters) {
  return useQuery({
    queryKey: ["careers", "hr", filters],
    queryFn: ({ signal }) =>
      api<CareerReportList>("/api/career-reports", {
        query: {
          companyId: filters.companyId,
          fiscalYear: filters.fiscalYear,
          moveWithinYear: filters.moveWithinYear ? true : undefined,
          openToOverseas: filters.openToOverseas ? true : undefined,
          wantsTransfer: filters.wantsTransfer ? true : undefined,
          limit: 200,
        },
        signal,
      }),
    enabled: filters.companyId !== null,
    placeholderData: (previous) => previous,
  });
}

export function useCareerCycles(companyId: number | null) {
  return useQuery({
    queryKey: ["careers", "cycles", companyId],
    queryFn: ({ signal }) =>
      api<{ items: CareerCycle[] }>("/api/career-cycles", { query: { companyId }, signal }),
    enabled: companyId !== null,
  });
}

export function useCreateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { companyId: number; fiscalYear: number; opensOn: string; dueOn: string }) =>
      api<CareerCycle>("/api/career-cycles", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["careers"] }),
  });
}

export function useUpdateCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: CareerCycle["status"] }) =>
      api<CareerCycle>(`/api/career-cycles/${id}`, { method: "PATCH", body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["careers"] }),
  });
}

export function useWorkHistory() {
  return useQuery({
    queryKey: ["work-history"],
    queryFn: ({ signal }) => api<WorkHistory>("/api/work-history", { signal }),
  });
}

export function useSaveEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, entry }: { id: number | null; entry: EntryInput }) =>
      api<WorkHistoryEntry>(id === null ? "/api/work-history" : `/api/work-history/${id}`, {
        method: id === null ? "POST" : "PUT",
        body: entry,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["work-history"] }),
  });
}

export function useDeleteEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/work-history/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["work-history"] }),
  });
}

export function useFillFromAssignments() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ created: number; items: WorkHistoryEntry[] }>("/api/work-history/fill-from-assignments", {
        method: "POST",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["work-history"] }),
  });
}

export function useConsent() {
  return useQuery({
    queryKey: ["consent"],
    queryFn: ({ signal }) => api<ScoutingConsentState>("/api/scouting-consent", { signal }),
  });
}

export interface ScopeOptions {
  companies: { id: number; code: string; name: { ja: string; en: string } }[];
  divisions: { id: number; companyId: number; name: { ja: string; en: string } }[];
}

export function useConsentOptions() {
  return useQuery({
    queryKey: ["consent-options"],
    queryFn: ({ signal }) => api<ScopeOptions>("/api/scouting-consent/options", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useGrantConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { allCompanies: boolean; companyIds: number[]; orgUnitIds: number[] }) =>
      api<ScoutingConsentState>("/api/scouting-consent", { method: "PUT", body }),
    onSuccess: (data) => client.setQueryData(["consent"], data),
  });
}

export function useWithdrawConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<ScoutingConsentState>("/api/scouting-consent", { method: "DELETE" }),
    onSuccess: (data) => client.setQueryData(["consent"], data),
  });
}
