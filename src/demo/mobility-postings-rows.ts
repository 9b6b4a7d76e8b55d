/** Writes the postings demo's rows (mobility-postings.ts) with unnest batches and the generator-assigned ids. */
import type { ApplicationStatus, OverseasProgram, PostingKind } from "../shared/mobility-vocab";
import { type Day, isoFromDay } from "./dates";
import type { SimUnit } from "./model";
import type { Query } from "./write";

type SqlType = "int4" | "int2" | "int8" | "text" | "bool" | "numeric" | "date" | "timestamptz" | "jsonb";
const DAY_MS = 86_400_000;
/** A moment on a day, in Japan time, as an ISO timestamp (stable on every machine). */
export const at = (day: Day, minutes: number) =>
  new Date(day * DAY_MS + (minutes - 9 * 60) * 60_000).toISOString();

export interface DemoPosting {
  id: number;
  companyId: number;
  unit: SimUnit;
  kind: PostingKind;
  status: "open" | "closed";
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  positionId: number | null;
  gradeRankMin: number | null;
  gradeRankMax: number | null;
  fteShare: number | null;
  durationMonths: number | null;
  hostCompanyId: number | null;
  program: OverseasProgram | null;
  location: string | null;
  eligibility: {
    minTenureMonths?: number;
    gradeRanks?: { min?: number; max?: number };
    companyIds?: number[];
  };
  openedOn: Day;
  closedOn: Day | null;
  ownerUserId: number | null;
}

export interface DemoApplication {
  id: number;
  posting: DemoPosting;
  personId: number;
  employmentId: number;
  status: ApplicationStatus;
  motivation: string;
  manager: number | null;
  share: number | null;
  effectiveOn: Day | null;
  endsOn: Day | null;
  resultIdx: number | null;
  events: {
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    actor: number | null;
    note: string | null;
    at: string;
  }[];
}

async function insert(
  query: Query,
  table: string,
  columns: readonly (readonly [string, SqlType])[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const names = columns.map(([name]) => name).join(", ");
  const select = columns
    .map(([name, type]) => (type === "jsonb" ? `u.${name}::jsonb` : `u.${name}`))
    .join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type === "jsonb" ? "text" : type}[]`).join(", ");
  const text = `INSERT INTO ${table} (${names}) OVERRIDING SYSTEM VALUE SELECT ${select} FROM unnest(${unnest}) AS u(${names})`;
  for (let start = 0; start < rows.length; start += 5000) {
    const batch = rows.slice(start, start + 5000);
    await query(
      text,
      columns.map((_, c) => batch.map((row) => row[c])),
    );
  }
}

const iso = (day: Day | null) => (day === null ? null : isoFromDay(day));

export async function writePostingRows(
  query: Query,
  input: {
    postings: DemoPosting[];
    applications: DemoApplication[];
    idOf: Int32Array;
    firstEvent: number;
    today: Day;
    groupHr: number | null;
  },
): Promise<void> {
  const { postings, applications, idOf, today } = input;
  // Required and preferred skills from each position's skill map (skills of the group or the posting company).
  const positionIds = [...new Set(postings.map((p) => p.positionId).filter((id) => id !== null))];
  const { rows: lines } = await query(
    `SELECT r.position_id, r.skill_id, r.required_level, r.desirable_level, s.company_id
       FROM skill_requirements r JOIN skills s ON s.id = r.skill_id
      WHERE r.position_id = ANY($1::int4[]) AND r.valid_from <= $2::date AND (r.valid_to IS NULL OR r.valid_to >= $2::date)
      ORDER BY r.position_id, r.required_level DESC, r.skill_id`,
    [positionIds, isoFromDay(today)],
  );
  const mapOf = new Map<number, Record<string, unknown>[]>();
  for (const line of lines) {
    const list = mapOf.get(Number(line.position_id)) ?? [];
    list.push(line);
    mapOf.set(Number(line.position_id), list);
  }
  const skillRows: unknown[][] = [];
  for (const p of postings) {
    const usable = (mapOf.get(p.positionId ?? 0) ?? []).filter(
      (l) => Number(l.required_level) >= 1 && (l.company_id === null || Number(l.company_id) === p.companyId),
    );
    usable.slice(0, 5).forEach((l, i) => {
      const required = i < 3;
      const level = required ? Number(l.required_level) : Number(l.desirable_level ?? l.required_level);
      skillRows.push([p.id, Number(l.skill_id), level, required]);
    });
  }

  // The moves are the history's assignments: check that the ids point at the person's rows on the day.
  const moved = applications.filter((a) => a.resultIdx !== null);
  const { rows: found } = await query(
    `SELECT count(*)::int AS n FROM unnest($1::int4[], $2::int4[], $3::date[]) AS u(id, person_id, day)
       JOIN assignments a ON a.id = u.id AND a.person_id = u.person_id AND a.valid_from = u.day`,
    [
      moved.map((a) => input.idOf[a.resultIdx!]),
      moved.map((a) => a.personId),
      moved.map((a) => iso(a.effectiveOn)),
    ],
  );
  if (Number(found[0]?.n) !== moved.length)
    throw new Error("Demo postings: the history's assignment ids do not match the written assignments");

  await insert(
    query,
    "postings",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["org_unit_id", "int4"],
      ["kind", "text"],
      ["status", "text"],
      ["title_ja", "text"],
      ["title_en", "text"],
      ["description_ja", "text"],
      ["description_en", "text"],
      ["position_id", "int4"],
      ["grade_rank_min", "int2"],
      ["grade_rank_max", "int2"],
      ["fte_share", "numeric"],
      ["duration_months", "int2"],
      ["host_company_id", "int4"],
      ["overseas_program", "text"],
      ["location", "text"],
      ["eligibility", "jsonb"],
      ["opened_on", "date"],
      ["closed_on", "date"],
      ["owner_user_id", "int4"],
      ["created_by_user_id", "int4"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ],
    postings.map((p) => [
      p.id,
      p.companyId,
      p.unit.id,
      p.kind,
      p.status,
      p.titleJa.slice(0, 200),
      p.titleEn.slice(0, 200),
      p.descriptionJa,
      p.descriptionEn,
      p.positionId,
      p.gradeRankMin,
      p.gradeRankMax,
      p.fteShare,
      p.durationMonths,
      p.hostCompanyId,
      p.program,
      p.location,
      JSON.stringify(p.eligibility),
      iso(p.openedOn - 3),
      iso(p.closedOn),
      p.ownerUserId,
      p.ownerUserId ?? input.groupHr,
      at(p.openedOn - 7, 600),
      at(p.closedOn ?? p.openedOn - 3, 610),
    ]),
  );
  await insert(
    query,
    "posting_skills",
    [
      ["posting_id", "int4"],
      ["skill_id", "int4"],
      ["level", "int2"],
      ["required", "bool"],
    ],
    skillRows,
  );
  await insert(
    query,
    "applications",
    [
      ["id", "int4"],
      ["posting_id", "int4"],
      ["person_id", "int4"],
      ["employment_id", "int4"],
      ["status", "text"],
      ["motivation", "text"],
      ["releasing_manager_person_id", "int4"],
      ["approved_fte_share", "numeric"],
      ["effective_on", "date"],
      ["ends_on", "date"],
      ["resulting_assignment_id", "int4"],
      ["created_at", "timestamptz"],
      ["updated_at", "timestamptz"],
    ],
    applications.map((a) => [
      a.id,
      a.posting.id,
      a.personId,
      a.employmentId,
      a.status,
      a.motivation,
      a.manager,
      a.share,
      iso(a.effectiveOn),
      iso(a.endsOn),
      a.resultIdx === null ? null : idOf[a.resultIdx],
      a.events[0]!.at,
      a.events[a.events.length - 1]!.at,
    ]),
  );
  let eventId = input.firstEvent;
  await insert(
    query,
    "application_events",
    [
      ["id", "int8"],
      ["application_id", "int4"],
      ["from_status", "text"],
      ["to_status", "text"],
      ["actor_user_id", "int4"],
      ["note", "text"],
      ["at", "timestamptz"],
    ],
    applications.flatMap((a) => a.events.map((e) => [++eventId, a.id, e.from, e.to, e.actor, e.note, e.at])),
  );
  for (const table of ["postings", "applications", "application_events"])
    await query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
    );
}
