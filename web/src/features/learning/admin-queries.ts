/** Data hooks of the HR learning screens: courses and sessions, assignments, OJT pairing, expiring certifications. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Me } from "../../../../src/shared/api";
import type {
  CourseDetail,
  CreateCourseRequest,
  ExpiringCertificationList,
  OjtPair,
  OjtPairDetail,
  Session,
  ZAssignCourseResponse,
  ZOjtTrainerList,
  ZSkillList,
} from "../../../../src/shared/skills-api";
import { api } from "../../lib/api";
import { hasRole } from "../auth/session";

export type AssignResult = z.infer<typeof ZAssignCourseResponse>;
export type TrainerList = z.infer<typeof ZOjtTrainerList>;
export type SkillList = z.infer<typeof ZSkillList>;

/** The companies whose learning the user administers: null = every company (group HR). */
export function hrCompanies(me: Me): number[] | null {
  if (hasRole(me, "group_hr")) return null;
  return me.roles.filter((r) => r.role === "company_hr" && r.companyId !== null).map((r) => r.companyId!);
}

export const isLearningAdmin = (me: Me) => hasRole(me, "group_hr", "company_hr");

function useInvalidate() {
  const client = useQueryClient();
  return (...keys: string[]) => {
    for (const key of keys) void client.invalidateQueries({ queryKey: [key] });
  };
}

export function useSkillLibrary(companyId: number | null) {
  return useQuery({
    queryKey: ["skill-library", companyId],
    queryFn: ({ signal }) => api<SkillList>("/api/skills", { query: { companyId }, signal }),
    staleTime: 5 * 60_000,
  });
}

export type CourseBody = Omit<CreateCourseRequest, "companyId" | "code"> & {
  companyId?: number | null;
  code?: string;
  active?: boolean;
};

export function useSaveCourse(courseId: number | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CourseBody) =>
      courseId === null
        ? api<CourseDetail>("/api/courses", { method: "POST", body })
        : api<CourseDetail>(`/api/courses/${courseId}`, { method: "PATCH", body }),
    onSuccess: () => invalidate("course", "courses"),
  });
}

export interface SessionBody {
  companyId?: number;
  startsOn: string;
  endsOn: string;
  place: string | null;
  url: string | null;
  capacity: number;
  status?: Session["status"];
}

export function useSaveSession(courseId: number, sessionId: number | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SessionBody) =>
      sessionId === null
        ? api<Session>(`/api/courses/${courseId}/sessions`, { method: "POST", body })
        : api<Session>(`/api/sessions/${sessionId}`, { method: "PATCH", body }),
    onSuccess: () => invalidate("course", "courses", "roster"),
  });
}

export interface AssignBody {
  companyId: number;
  orgUnitId?: number;
  gradeIds?: number[];
  sessionId: number | null;
  dueOn: string | null;
  dryRun: boolean;
}

export function useAssignCourse(courseId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: AssignBody) =>
      api<AssignResult>(`/api/courses/${courseId}/assignments`, { method: "POST", body }),
    onSuccess: (result) => {
      if (!result.dryRun) invalidate("course", "overdue", "roster", "person-learning");
    },
  });
}

export function useTrainers(companyId: number | null) {
  return useQuery({
    queryKey: ["ojt-trainers", companyId],
    queryFn: ({ signal }) => api<TrainerList>("/api/ojt/trainers", { query: { companyId }, signal }),
    enabled: companyId !== null,
  });
}

export function useCompanyPairs(companyId: number | null) {
  return useQuery({
    queryKey: ["ojt-pairs", "company", companyId],
    queryFn: ({ signal }) => api<{ items: OjtPair[] }>("/api/ojt/pairs", { query: { companyId }, signal }),
    enabled: companyId !== null,
  });
}

export function useCreatePair() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      traineePersonId: number;
      trainerPersonId: number;
      validFrom: string;
      validTo: string | null;
    }) => api<OjtPairDetail>("/api/ojt/pairs", { method: "POST", body }),
    onSuccess: () => invalidate("ojt-pairs", "ojt-trainers"),
  });
}

export function useExpiringCertifications(companyId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["expiring-certifications", companyId],
    queryFn: ({ signal }) =>
      api<ExpiringCertificationList>("/api/learning/certifications/expiring", {
        query: { companyId },
        signal,
      }),
    enabled,
  });
}
