import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  GroupApplicationDto,
  GroupApplicationInput,
  GroupDashboard,
  MetricSettingsDto,
} from "../../../../src/shared/metrics-reports-api";
import { api } from "../../lib/api";

export function useDashboard(fy: number) {
  return useQuery({
    queryKey: ["group-dashboard", fy],
    queryFn: ({ signal }) => api<GroupDashboard>("/api/reports/dashboard", { query: { fy }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useMetricSettings() {
  return useQuery({
    queryKey: ["metric-settings"],
    queryFn: ({ signal }) => api<MetricSettingsDto>("/api/metrics/settings", { signal }),
  });
}

export function useSaveThreshold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (smallGroupThreshold: number) =>
      api<MetricSettingsDto>("/api/metrics/settings/small-group-threshold", {
        method: "PUT",
        body: { smallGroupThreshold },
      }),
    onSuccess: (data) => client.setQueryData(["metric-settings"], data),
  });
}

export function useSaveApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: GroupApplicationInput }) =>
      id === null
        ? api<GroupApplicationDto>("/api/metrics/group-applications", { method: "POST", body: input })
        : api<GroupApplicationDto>(`/api/metrics/group-applications/${id}`, { method: "PUT", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["metric-settings"] }),
  });
}

export function useDeleteApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<null>(`/api/metrics/group-applications/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["metric-settings"] }),
  });
}
