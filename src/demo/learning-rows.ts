/** The demo's skills and OJT rows, written with unnest batches (see learning-write.ts). */
import { ymdOf } from "./dates";
import type { DemoLibrary } from "./learning-library";
import type { AssessmentRow, PairRow } from "./learning-people";
import type { Query } from "./write";

export type ColumnType = "int4" | "int2" | "int8" | "text" | "bool" | "numeric" | "date" | "jsonb";
export type Column = readonly [name: string, type: ColumnType];

const BATCH_ROWS = 5000;

/** Inserts rows given as arrays in column order, 5,000 per statement, with the generator-assigned ids. */
export async function insertRows(
  query: Query,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
  identity = true,
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(", ");
  const select = columns
    .map(([name, type]) =>
      type === "date" ? `date '1970-01-01' + u.${name}` : type === "jsonb" ? `u.${name}::jsonb` : `u.${name}`,
    )
    .join(", ");
  const unnest = columns
    .map(([, type], i) => `$${i + 1}::${type === "date" ? "int4" : type === "jsonb" ? "text" : type}[]`)
    .join(", ");
  const text = `INSERT INTO ${table} (${names})${identity ? " OVERRIDING SYSTEM VALUE" : ""} SELECT ${select} FROM unnest(${unnest}) AS u(${names})`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    await query(
      text,
      columns.map((_, c) => batch.map((row) => row[c])),
    );
  }
}

export async function writeSkillRows(query: Query, library: DemoLibrary): Promise<void> {
  await insertRows(
    query,
    "skill_categories",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["sort_order", "int4"],
    ],
    library.categories.map((c) => [c.id, c.companyId, c.code, c.nameJa, c.nameEn, c.sortOrder]),
  );
  await insertRows(
    query,
    "skills",
    [
      ["id", "int4"],
      ["category_id", "int4"],
      ["company_id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["description_ja", "text"],
      ["description_en", "text"],
      ["onet_element_id", "text"],
    ],
    library.skills.map((s) => [
      s.id,
      s.categoryId,
      s.companyId,
      s.code,
      s.nameJa,
      s.nameEn,
      s.descriptionJa,
      s.descriptionEn,
      s.onetElementId,
    ]),
  );
  await insertRows(
    query,
    "skill_level_anchors",
    [
      ["skill_id", "int4"],
      ["level", "int2"],
      ["description_ja", "text"],
      ["description_en", "text"],
    ],
    library.anchors.map((a) => [a.skillId, a.level, a.descriptionJa, a.descriptionEn]),
    false,
  );
  await insertRows(
    query,
    "skill_requirements",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["position_id", "int4"],
      ["skill_id", "int4"],
      ["required_level", "int2"],
      ["desirable_level", "int2"],
      ["valid_from", "date"],
    ],
    library.requirements.map((r) => [
      r.id,
      r.companyId,
      r.positionId,
      r.skillId,
      r.required,
      r.desirable,
      r.from,
    ]),
  );
}

/** Assessments, after the training records they may point at. */
export async function writeAssessmentRows(query: Query, assessments: AssessmentRow[]): Promise<void> {
  await insertRows(
    query,
    "skill_assessments",
    [
      ["id", "int8"],
      ["person_id", "int4"],
      ["company_id", "int4"],
      ["skill_id", "int4"],
      ["level", "int2"],
      ["source", "text"],
      ["assessed_on", "date"],
      ["assessor_person_id", "int4"],
      ["training_record_id", "int8"],
    ],
    assessments.map((a, i) => [
      i + 1,
      a.personId,
      a.companyId,
      a.skillId,
      a.level,
      a.source,
      a.on,
      a.assessorPersonId,
      a.trainingRecordId,
    ]),
  );
}

export async function writeOjtRows(query: Query, pairs: PairRow[]): Promise<void> {
  const fiscalYear = (day: number) => {
    const { year, month } = ymdOf(day);
    return month >= 4 ? year : year - 1;
  };
  await insertRows(
    query,
    "ojt_pairs",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["trainee_person_id", "int4"],
      ["trainer_person_id", "int4"],
      ["fiscal_year", "int2"],
      ["valid_from", "date"],
      ["valid_to", "date"],
      ["status", "text"],
      ["review_note", "text"],
      ["reviewed_on", "date"],
    ],
    pairs.map((p) => [
      p.id,
      p.companyId,
      p.trainee,
      p.trainer,
      fiscalYear(p.from),
      p.from,
      p.to,
      p.closed ? "closed" : "active",
      p.closed ? "1年間で自立して業務を進められるようになった。 / Works independently after the year." : null,
      p.closed ? p.to : null,
    ]),
  );
  let goalId = 0;
  await insertRows(
    query,
    "ojt_goals",
    [
      ["id", "int4"],
      ["pair_id", "int4"],
      ["title", "text"],
      ["skill_id", "int4"],
      ["target_level", "int2"],
      ["status", "text"],
    ],
    pairs.flatMap((p) => p.goals.map((g) => [++goalId, p.id, g.title, g.skillId, g.level, g.status])),
  );
  let checkinId = 0;
  await insertRows(
    query,
    "ojt_checkins",
    [
      ["id", "int4"],
      ["pair_id", "int4"],
      ["held_on", "date"],
      ["progress", "text"],
      ["advice", "text"],
    ],
    pairs.flatMap((p) => p.checkins.map((k) => [++checkinId, p.id, k.on, k.progress, k.advice])),
  );
}
