/** Data hooks of matching and scouting: candidates, postings that fit me, the scouting search and scouts. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CandidatesResponse,
  FittingPostingsResponse,
  Scout,
  ScoutCounts,
  ScoutingSearchResponse,
  ScoutList,
} from "../../../../src/shared/matching-api";
import { api, type QueryValue } from "../../lib/api";

export function useCandidates(postingId: number | null) {
  return useQuery({
    queryKey: ["candidates", postingId],
    queryFn: ({ signal }) =>
      api<CandidatesResponse>(`/api/matching/postings/${postingId}/candidates`, {
        query: { limit: 50 },
        signal,
      }),
    enabled: postingId !== null,
  });
}

export function useFittingPostings(enabled: boolean) {
  return useQuery({
    queryKey: ["fitting-postings"],
    queryFn: ({ signal }) =>
      api<FittingPostingsResponse>("/api/matching/me/postings", { query: { limit: 20 }, signal }),
    enabled,
  });
}

export function useScoutingSearch(query: Record<string, QueryValue> | null) {
  return useQuery({
    queryKey: ["scouting-search", query],
    queryFn: ({ signal }) =>
      api<ScoutingSearchResponse>("/api/scouting/search", { query: query ?? {}, signal }),
    enabled: query !== null,
    placeholderData: (previous) => previous,
  });
}

export function useScoutCounts(enabled: boolean) {
  return useQuery({
    queryKey: ["scout-counts"],
    queryFn: ({ signal }) => api<ScoutCounts>("/api/scouting/postings", { signal }),
    enabled,
  });
}

export function usePostingScouts(postingId: number | null) {
  return useQuery({
    queryKey: ["posting-scouts", postingId],
    queryFn: ({ signal }) => api<ScoutList>(`/api/scouting/postings/${postingId}/scouts`, { signal }),
    enabled: postingId !== null,
  });
}

export function useMyScouts(enabled: boolean) {
  return useQuery({
    queryKey: ["my-scouts"],
    queryFn: ({ signal }) => api<ScoutList>("/api/scouts/mine", { signal }),
    enabled,
  });
}

function useInvalidateScouts() {
  const client = useQueryClient();
  return () => {
    for (const key of ["my-scouts", "posting-scouts", "scout-counts", "candidates", "fitting-postings"])
      void client.invalidateQueries({ queryKey: [key] });
  };
}

export function useSendScout() {
  const invalidate = useInvalidateScouts();
  return useMutation({
    mutationFn: (body: { postingId: number; personId: number; message: string }) =>
      api<Scout>("/api/scouts", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useAnswerScout() {
  const invalidate = useInvalidateScouts();
  return useMutation({
    mutationFn: (input: { id: number; accept: boolean; text: string }) =>
      input.accept
        ? api<Scout>(`/api/scouts/${input.id}/accept`, { method: "POST", body: { motivation: input.text } })
        : api<Scout>(`/api/scouts/${input.id}/decline`, {
            method: "POST",
            body: { note: input.text || null },
          }),
    onSuccess: invalidate,
  });
}

export function useWithdrawScout() {
  const invalidate = useInvalidateScouts();
  return useMutation({
    mutationFn: (id: number) => api<Scout>(`/api/scouts/${id}/withdraw`, { method: "POST" }),
    onSuccess: invalidate,
  });
}
