import type { Course, Enrolment, Session } from "../../shared/skills-api";
import { presentName } from "../people/people.presenter";
import { loc } from "../skills/skills.presenter";
import { parseAudience } from "./audience";
import type { CourseRow, CourseSkillRow, EnrolmentView, SessionWithCounts } from "./learning.repo";

export function presentCourse(row: CourseRow, skillRows: CourseSkillRow[], upcomingSessions: number): Course {
  return {
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    title: loc(row.titleJa, row.titleEn),
    description: loc(row.descriptionJa, row.descriptionEn),
    kind: row.kind,
    delivery: row.delivery,
    durationDays: Number(row.durationDays),
    durationHours: Number(row.durationHours),
    language: row.language,
    audience: parseAudience(row.audience),
    active: row.active,
    skills: skillRows
      .filter((s) => s.courseId === row.id)
      .map((s) => ({
        skillId: s.skillId,
        code: s.code,
        name: loc(s.nameJa, s.nameEn),
        targetLevel: s.targetLevel,
      })),
    upcomingSessions,
  };
}

export function presentSession(row: SessionWithCounts): Session {
  return {
    id: row.id,
    courseId: row.courseId,
    companyId: row.companyId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    place: row.place,
    url: row.url,
    capacity: row.capacity,
    status: row.status,
    enrolled: row.enrolled,
    waitlisted: row.waitlisted,
    seatsLeft: Math.max(0, row.capacity - row.enrolled),
  };
}

const OPEN = new Set(["requested", "enrolled", "waitlisted"]);

export function presentEnrolment(row: EnrolmentView, asOf: string): Enrolment {
  return {
    id: row.id,
    course: {
      id: row.courseId,
      code: row.courseCode,
      title: loc(row.courseTitleJa, row.courseTitleEn),
      delivery: row.courseDelivery,
      kind: row.courseKind,
    },
    session:
      row.sessionId === null
        ? null
        : {
            id: row.sessionId,
            startsOn: row.sessionStartsOn ?? "",
            endsOn: row.sessionEndsOn ?? "",
            place: row.sessionPlace,
          },
    person: { personId: row.personId, name: presentName(row) },
    companyId: row.companyId,
    status: row.status,
    origin: row.origin,
    dueOn: row.dueOn,
    overdue: row.dueOn !== null && row.dueOn < asOf && OPEN.has(row.status),
    requestNote: row.requestNote,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt,
    waitlistPosition: row.waitlistPosition,
  };
}
