/** Data hooks of the learning pages (catalog, enrolment, my learning, approvals, rosters, OJT). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CourseDetail,
  CourseKind,
  Enrolment,
  OjtPairDetail,
  PersonLearning,
  ZCourseList,
  ZEnrolmentList,
  ZOjtPairList,
  ZRosterResponse,
} from "../../../../src/shared/skills-api";
import { api } from "../../lib/api";

export type CourseList = z.infer<typeof ZCourseList>;
export type EnrolmentList = z.infer<typeof ZEnrolmentList>;
export type Roster = z.infer<typeof ZRosterResponse>;
export type OjtPairList = z.infer<typeof ZOjtPairList>;

export function useCourses(query: {
  q: string;
  kind: CourseKind | null;
  forMe: boolean;
  includeInactive?: boolean;
}) {
  return useQuery({
    queryKey: ["courses", query],
    queryFn: ({ signal }) =>
      api<CourseList>("/api/courses", {
        query: {
          q: query.q,
          kind: query.kind,
          forMe: query.forMe ? "true" : null,
          includeInactive: query.includeInactive ? "true" : null,
          limit: 200,
        },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useCourse(courseId: number | null) {
  return useQuery({
    queryKey: ["course", courseId],
    queryFn: ({ signal }) => api<CourseDetail>(`/api/courses/${courseId}`, { signal }),
    enabled: courseId !== null,
  });
}

export function usePersonLearning(personId: number | null) {
  return useQuery({
    queryKey: ["person-learning", personId],
    queryFn: ({ signal }) => api<PersonLearning>(`/api/people/${personId}/learning`, { signal }),
    enabled: personId !== null,
  });
}

export function useApprovals(enabled: boolean) {
  return useQuery({
    queryKey: ["approvals"],
    queryFn: ({ signal }) => api<EnrolmentList>("/api/learning/approvals", { signal }),
    enabled,
  });
}

export function useOverdue(companyId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["overdue", companyId],
    queryFn: ({ signal }) => api<EnrolmentList>("/api/learning/overdue", { query: { companyId }, signal }),
    enabled,
  });
}

export function useRoster(sessionId: number | null) {
  return useQuery({
    queryKey: ["roster", sessionId],
    queryFn: ({ signal }) => api<Roster>(`/api/sessions/${sessionId}/roster`, { signal }),
    enabled: sessionId !== null,
  });
}

export function useOjtPairs(personId: number | null) {
  return useQuery({
    queryKey: ["ojt-pairs", personId],
    queryFn: ({ signal }) => api<OjtPairList>("/api/ojt/pairs", { query: { personId }, signal }),
    enabled: personId !== null,
  });
}

export function useOjtPair(pairId: number | null) {
  return useQuery({
    queryKey: ["ojt-pair", pairId],
    queryFn: ({ signal }) => api<OjtPairDetail>(`/api/ojt/pairs/${pairId}`, { signal }),
    enabled: pairId !== null,
  });
}

/** Every change to an enrolment refreshes the lists that show it. */
function useEnrolmentMutation<Vars>(fn: (vars: Vars) => Promise<Enrolment>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const key of [
        "course",
        "person-learning",
        "approvals",
        "overdue",
        "roster",
        "person-skills",
        "courses",
      ]) {
        void client.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}

export function useEnrol() {
  return useEnrolmentMutation((body: { courseId: number; sessionId: number | null; note?: string | null }) =>
    api<Enrolment>("/api/enrolments", { method: "POST", body }),
  );
}

export function useDecide() {
  return useEnrolmentMutation(({ id, approve }: { id: number; approve: boolean }) =>
    api<Enrolment>(`/api/enrolments/${id}/decision`, { method: "POST", body: { approve } }),
  );
}

export function useCancelEnrolment() {
  return useEnrolmentMutation((id: number) =>
    api<Enrolment>(`/api/enrolments/${id}/cancel`, { method: "POST" }),
  );
}

export function useComplete() {
  return useEnrolmentMutation(
    ({
      id,
      completed,
      completedOn,
      score,
    }: {
      id: number;
      completed: boolean;
      completedOn: string;
      score: number | null;
    }) =>
      api<Enrolment>(`/api/enrolments/${id}/completion`, {
        method: "POST",
        body: { completed, completedOn, score },
      }),
  );
}

export function useOjtMutation<Vars>(pairId: number, fn: (vars: Vars) => Promise<OjtPairDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      client.setQueryData(["ojt-pair", pairId], data);
      void client.invalidateQueries({ queryKey: ["ojt-pairs"] });
    },
  });
}
