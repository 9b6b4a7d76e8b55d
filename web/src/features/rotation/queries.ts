/** Data hooks of rotation planning and the mobility figures. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AddRotationMoveRequest,
  MobilityFiguresResponse,
  RotationPlan,
  UpdateRotationPlanRequest,
  ZRotationPlanList,
} from "../../../../src/shared/matching-api";
import { api } from "../../lib/api";

export type RotationPlanList = z.infer<typeof ZRotationPlanList>;

export function useRotationPlans() {
  return useQuery({
    queryKey: ["rotation-plans"],
    queryFn: ({ signal }) => api<RotationPlanList>("/api/rotation/plans", { signal }),
  });
}

export function useRotationPlan(id: number | null) {
  return useQuery({
    queryKey: ["rotation-plan", id],
    queryFn: ({ signal }) => api<RotationPlan>(`/api/rotation/plans/${id}`, { signal }),
    enabled: id !== null,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return (plan: RotationPlan) => {
    client.setQueryData(["rotation-plan", plan.id], plan);
    void client.invalidateQueries({ queryKey: ["rotation-plans"] });
  };
}

export function useCreatePlan() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: {
      name: string;
      companyId: number | null;
      effectiveOn: string;
      note: string | null;
    }) => api<RotationPlan>("/api/rotation/plans", { method: "POST", body }),
    onSuccess: refresh,
  });
}

/** Renames, re-dates or re-notes a plan (a new date returns an approved plan to draft). */
export function useUpdatePlan(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateRotationPlanRequest) =>
      api<RotationPlan>(`/api/rotation/plans/${planId}`, { method: "PATCH", body }),
    onSuccess: refresh,
  });
}

export function useAddMove(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AddRotationMoveRequest) =>
      api<RotationPlan>(`/api/rotation/plans/${planId}/moves`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useRemoveMove(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (moveId: number) =>
      api<RotationPlan>(`/api/rotation/plans/${planId}/moves/${moveId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}

export function usePlanAction(planId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (action: "approve" | "commit" | "discard") =>
      api<RotationPlan>(`/api/rotation/plans/${planId}/${action}`, { method: "POST" }),
    onSuccess: refresh,
  });
}

export function useMobilityFigures(fy: number, companyId: number | null) {
  return useQuery({
    queryKey: ["mobility-figures", fy, companyId],
    queryFn: ({ signal }) =>
      api<MobilityFiguresResponse>("/api/mobility/figures", { query: { fy, companyId }, signal }),
  });
}
