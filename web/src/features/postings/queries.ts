/** Data hooks of the postings and applications pages. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PostingKind } from "../../../../src/shared/mobility-vocab";
import type {
  Application,
  PostingDetail,
  ZApplicationList,
  ZPostingList,
} from "../../../../src/shared/postings-api";
import { api } from "../../lib/api";

export type PostingList = z.infer<typeof ZPostingList>;
export type ApplicationList = z.infer<typeof ZApplicationList>;

export function usePostings(query: {
  view: "board" | "manage";
  q?: string;
  kind?: PostingKind | null;
  companyId?: number | null;
}) {
  return useQuery({
    queryKey: ["postings", query],
    queryFn: ({ signal }) =>
      api<PostingList>("/api/postings", {
        query: { view: query.view, q: query.q, kind: query.kind, companyId: query.companyId, limit: 200 },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function usePosting(id: number | null) {
  return useQuery({
    queryKey: ["posting", id],
    queryFn: ({ signal }) => api<PostingDetail>(`/api/postings/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function usePostingApplications(id: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["posting-applications", id],
    queryFn: ({ signal }) => api<ApplicationList>(`/api/postings/${id}/applications`, { signal }),
    enabled: id !== null && enabled,
  });
}

export function useApplications(view: "mine" | "release" | "confirm") {
  return useQuery({
    queryKey: ["applications", view],
    queryFn: ({ signal }) => api<ApplicationList>("/api/applications", { query: { view }, signal }),
  });
}

export function useApplication(id: number | null) {
  return useQuery({
    queryKey: ["application", id],
    queryFn: ({ signal }) => api<Application>(`/api/applications/${id}`, { signal }),
    enabled: id !== null,
  });
}

function useInvalidateMobility() {
  const client = useQueryClient();
  return () => {
    for (const key of ["postings", "posting", "posting-applications", "applications", "application"])
      void client.invalidateQueries({ queryKey: [key] });
  };
}

/** Any posting mutation: create (POST /api/postings), PATCH, open or close. */
export function usePostingMutation() {
  const invalidate = useInvalidateMobility();
  return useMutation({
    mutationFn: (request: { path: string; method: "POST" | "PATCH"; body?: unknown }) =>
      api<PostingDetail>(request.path, { method: request.method, body: request.body ?? {} }),
    onSuccess: invalidate,
  });
}

export function useApply(postingId: number) {
  const invalidate = useInvalidateMobility();
  return useMutation({
    mutationFn: (motivation: string) =>
      api<Application>(`/api/postings/${postingId}/applications`, { method: "POST", body: { motivation } }),
    onSuccess: invalidate,
  });
}

export type StepAction = "advance" | "reject" | "withdraw" | "decline" | "release" | "confirm";

export function useApplicationStep(applicationId: number) {
  const invalidate = useInvalidateMobility();
  return useMutation({
    mutationFn: (request: { action: StepAction; body: Record<string, unknown> }) =>
      api<Application>(`/api/applications/${applicationId}/${request.action}`, {
        method: "POST",
        body: request.body,
      }),
    onSuccess: invalidate,
  });
}
