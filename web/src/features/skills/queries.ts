/** Data hooks of the skills pages (skill maps, gaps, heat map, scarcity, assessments). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ZPositionList } from "../../../../src/shared/api";
import type {
  Assessment,
  CreateAssessmentRequest,
  Heatmap,
  JobDescription,
  PersonSkills,
  Scarcity,
  SkillSettings,
  UpdateSkillSettingsRequest,
  ZAssessmentHistory,
  ZPositionCatalog,
} from "../../../../src/shared/skills-api";
import { api } from "../../lib/api";

export type PositionCatalog = z.infer<typeof ZPositionCatalog>;
export type AssessmentHistory = z.infer<typeof ZAssessmentHistory>;
export type PositionList = z.infer<typeof ZPositionList>;

export function usePersonSkills(personId: number | null, aspiredPositionId: number | null) {
  return useQuery({
    queryKey: ["person-skills", personId, aspiredPositionId],
    queryFn: ({ signal }) =>
      api<PersonSkills>(`/api/people/${personId}/skills`, { query: { aspiredPositionId }, signal }),
    enabled: personId !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === personId ? previous : undefined,
  });
}

export function useAssessmentHistory(personId: number, skillId: number | null) {
  return useQuery({
    queryKey: ["assessment-history", personId, skillId],
    queryFn: ({ signal }) =>
      api<AssessmentHistory>(`/api/people/${personId}/skills/${skillId}/assessments`, { signal }),
    enabled: skillId !== null,
  });
}

export function useRecordAssessment(personId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessmentRequest) =>
      api<Assessment>(`/api/people/${personId}/assessments`, { method: "POST", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["person-skills", personId] });
      void client.invalidateQueries({ queryKey: ["assessment-history", personId] });
      void client.invalidateQueries({ queryKey: ["heatmap"] });
    },
  });
}

export function usePositions(companyId: number | null) {
  return useQuery({
    queryKey: ["positions", companyId],
    queryFn: ({ signal }) => api<PositionList>("/api/positions", { query: { companyId }, signal }),
    enabled: companyId !== null,
    staleTime: 5 * 60_000,
  });
}

export function usePositionCatalog(companyId: number | null) {
  return useQuery({
    queryKey: ["job-descriptions", companyId],
    queryFn: ({ signal }) => api<PositionCatalog>("/api/job-descriptions", { query: { companyId }, signal }),
    enabled: companyId !== null,
  });
}

export function useJobDescription(positionId: number | null, gradeId: number | null) {
  return useQuery({
    queryKey: ["job-description", positionId, gradeId],
    queryFn: ({ signal }) =>
      api<JobDescription>(`/api/positions/${positionId}/job-description`, { query: { gradeId }, signal }),
    enabled: positionId !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === positionId ? previous : undefined,
  });
}

export function useHeatmap(orgUnitId: number | null) {
  return useQuery({
    queryKey: ["heatmap", orgUnitId],
    queryFn: ({ signal }) => api<Heatmap>("/api/skills/heatmap", { query: { orgUnitId }, signal }),
    enabled: orgUnitId !== null,
  });
}

export function useScarcity(companyId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ["scarcity", companyId],
    queryFn: ({ signal }) => api<Scarcity>("/api/skills/scarcity", { query: { companyId }, signal }),
    enabled,
  });
}

/** The group's skill settings (group HR only). */
export function useSkillSettings(enabled: boolean) {
  return useQuery({
    queryKey: ["skill-settings"],
    queryFn: ({ signal }) => api<SkillSettings>("/api/skills/settings", { signal }),
    enabled,
  });
}

export function useSaveSkillSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSkillSettingsRequest) =>
      api<SkillSettings>("/api/skills/settings", { method: "PUT", body }),
    onSuccess: (data) => {
      client.setQueryData(["skill-settings"], data);
      // the rule changes every current level; the lead times the expiring lists
      void client.invalidateQueries({ queryKey: ["person-skills"] });
      void client.invalidateQueries({ queryKey: ["heatmap"] });
      void client.invalidateQueries({ queryKey: ["expiring-certifications"] });
      void client.invalidateQueries({ queryKey: ["person-learning"] });
    },
  });
}
