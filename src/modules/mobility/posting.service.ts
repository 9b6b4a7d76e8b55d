/**
 * Internal postings: HR of the posting company, its recruiters (see posting.policy.ts) and group HR create, edit,
 * open and close them; every signed-in user reads the board of open postings. A posting names its kind (transfer,
 * side assignment = Select Job with a share of time and a duration, overseas program with a host company and a
 * duration, project with a share of time), its unit (for overseas: the receiving unit at the host company), the
 * position and grade range, required and preferred skills with levels (the web copies them from the position's
 * skill map), and eligibility rules.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type {
  CreatePostingRequest,
  Posting,
  PostingDetail,
  PostingQuery,
  UpdatePostingRequest,
} from "../../shared/postings-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany, findPosition, subtreeOrgUnitIds } from "../org/org.repo";
import { maxScaleLevel } from "../skills/library.service";
import { existingSkills } from "../skills/skills.repo";
import { myLatestApplication } from "./application.repo";
import { unitOnDay } from "./moves.repo";
import { applicantContext, ineligibility, parseEligibility } from "./posting.eligibility";
import { canManagePostingOf, isGroupHr, recruiterGrantsOf } from "./posting.policy";
import {
  enabledUserExists,
  existingCompanyIds,
  findPosting,
  insertPosting,
  listPostingViews,
  type PostingRow,
  type PostingSkillRow,
  type PostingViewRow,
  postingView,
  replacePostingSkills,
  skillsOfPostings,
  updatePostingRow,
} from "./posting.repo";

const ref = (id: number | null, code: string | null, ja: string | null, en: string | null) =>
  id === null ? null : { id, code: code ?? "", name: { ja: ja ?? en ?? "", en: en ?? ja ?? "" } };

export function presentPosting(row: PostingViewRow, skills: PostingSkillRow[], canManage: boolean): Posting {
  return {
    id: row.id,
    company: ref(row.companyId, row.companyCode, row.companyNameJa, row.companyNameEn)!,
    orgUnit: {
      id: row.orgUnitId,
      name: {
        ja: row.orgUnitNameJa ?? row.orgUnitNameEn ?? "",
        en: row.orgUnitNameEn ?? row.orgUnitNameJa ?? "",
      },
    },
    kind: row.kind,
    status: row.status,
    title: { ja: row.titleJa, en: row.titleEn },
    description: { ja: row.descriptionJa, en: row.descriptionEn },
    position: ref(row.positionId, row.positionCode, row.positionNameJa, row.positionNameEn),
    gradeRankMin: row.gradeRankMin,
    gradeRankMax: row.gradeRankMax,
    fteShare: row.fteShare,
    durationMonths: row.durationMonths,
    hostCompany: ref(row.hostCompanyId, row.hostCompanyCode, row.hostCompanyNameJa, row.hostCompanyNameEn),
    overseasProgram: row.overseasProgram,
    location: row.location,
    eligibility: parseEligibility(row.eligibility),
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    skills: skills.map((s) => ({
      skillId: s.skillId,
      code: s.code,
      name: { ja: s.nameJa, en: s.nameEn },
      level: s.level,
      required: s.required,
    })),
    applicationCount: canManage ? row.openApplications : null,
    canManage,
  };
}

/** The SQL condition "postings the actor manages or owns" (undefined: all). */
async function manageScope(db: Db, actor: Actor): Promise<SQL | undefined> {
  if (isGroupHr(actor)) return undefined;
  if (actor.kind !== "user") return undefined;
  const parts: SQL[] = [sql`p.owner_user_id = ${actor.userId}`];
  if (actor.hrCompanyIds.length)
    parts.push(sql`p.company_id = any(${`{${actor.hrCompanyIds.join(",")}}`}::int[])`);
  for (const grant of recruiterGrantsOf(actor)) {
    if (grant.orgUnitId === null) parts.push(sql`p.company_id = ${grant.companyId}`);
    else {
      const units = await subtreeOrgUnitIds(db, [grant.orgUnitId], today());
      parts.push(
        sql`(p.company_id = ${grant.companyId} and p.org_unit_id = any(${`{${units.join(",")}}`}::int[]))`,
      );
    }
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function listPostings(
  db: Db,
  actor: Actor,
  query: PostingQuery,
): Promise<{ total: number; items: Posting[] }> {
  const day = today();
  const scope = query.view === "manage" ? await manageScope(db, actor) : undefined;
  const { total, rows } = await listPostingViews(
    db,
    {
      kind: query.kind,
      companyId: query.companyId,
      status: query.view === "board" ? "open" : query.status,
      q: query.q,
      scope,
      limit: query.limit,
      offset: query.offset,
    },
    day,
  );
  const skills = await skillsOfPostings(
    db,
    rows.map((row) => row.id),
  );
  const items: Posting[] = [];
  for (const row of rows) {
    const canManage = await canManagePostingOf(db, actor, row);
    items.push(
      presentPosting(
        row,
        skills.filter((s) => s.postingId === row.id),
        canManage,
      ),
    );
  }
  return { total, items };
}

/** A posting that the actor may read: open ones for everyone, others for those who manage or own them. */
async function readablePosting(db: Db, actor: Actor, postingId: number) {
  const row = await postingView(db, postingId, today());
  if (!row) throw AppError.notFound("Posting", postingId);
  const canManage = await canManagePostingOf(db, actor, row);
  const isOwner = actor.kind === "user" && row.ownerUserId === actor.userId;
  if (row.status === "draft" && !canManage && !isOwner) throw AppError.notFound("Posting", postingId);
  return { row, canManage };
}

export async function getPosting(db: Db, actor: Actor, postingId: number): Promise<PostingDetail> {
  const day = today();
  const { row, canManage } = await readablePosting(db, actor, postingId);
  const skills = await skillsOfPostings(db, [row.id]);
  const personId = actor.kind === "user" ? actor.personId : null;
  const mine = personId === null ? null : await myLatestApplication(db, row.id, personId);
  const posting = (await findPosting(db, row.id))!;
  const reasons =
    personId === null
      ? [
          {
            code: "not_employed" as const,
            params: { day },
            message: "your account is not linked to a person",
          },
        ]
      : ineligibility(posting, await applicantContext(db, personId, day), day);
  return {
    ...presentPosting(row, skills, canManage),
    myApplication: mine,
    ineligible: reasons,
  };
}

type PostingValues = Omit<CreatePostingRequest, "skills"> & { skills: CreatePostingRequest["skills"] };

/** Every rule of a posting's fields; returns field errors (paths as in the request). */
async function checkPosting(db: Db, values: PostingValues): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const day = today();
  const company = await findCompany(db, values.companyId);
  if (!company) fields.push({ path: "companyId", message: `company ${values.companyId} does not exist` });
  const unitCompany = values.kind === "overseas" ? values.hostCompanyId : values.companyId;
  const unit = await unitOnDay(db, values.orgUnitId, day);
  if (!unit) fields.push({ path: "orgUnitId", message: `org unit ${values.orgUnitId} does not exist` });
  else if (!unit.exists)
    fields.push({ path: "orgUnitId", message: `org unit ${values.orgUnitId} is not in force today` });
  else if (unitCompany !== null && unit.companyId !== unitCompany)
    fields.push({
      path: "orgUnitId",
      message:
        values.kind === "overseas"
          ? "must be a unit of the host company (where the secondment goes)"
          : "must be a unit of the posting company",
    });
  if (values.positionId !== null) {
    const position = await findPosition(db, values.positionId);
    if (!position)
      fields.push({ path: "positionId", message: `position ${values.positionId} does not exist` });
    else if (unit && position.companyId !== unit.companyId)
      fields.push({ path: "positionId", message: "must be a position of the org unit's company" });
  }
  if (
    values.gradeRankMin !== null &&
    values.gradeRankMax !== null &&
    values.gradeRankMin > values.gradeRankMax
  )
    fields.push({ path: "gradeRankMax", message: "must not be below gradeRankMin" });
  const needsShare = values.kind === "side_assignment" || values.kind === "project";
  if (needsShare && values.fteShare === null)
    fields.push({ path: "fteShare", message: `is required for a ${values.kind} posting (e.g. 0.2 for 20%)` });
  if (!needsShare && values.fteShare !== null)
    fields.push({ path: "fteShare", message: "only side assignments and projects take a share of time" });
  if ((values.kind === "side_assignment" || values.kind === "overseas") && values.durationMonths === null)
    fields.push({ path: "durationMonths", message: `is required for a ${values.kind} posting` });
  if (values.kind === "transfer" && values.durationMonths !== null)
    fields.push({ path: "durationMonths", message: "a transfer has no duration" });
  if (values.kind === "overseas") {
    if (values.hostCompanyId === null)
      fields.push({ path: "hostCompanyId", message: "is required for an overseas posting" });
    else if (!(await findCompany(db, values.hostCompanyId)))
      fields.push({ path: "hostCompanyId", message: `company ${values.hostCompanyId} does not exist` });
    if (values.overseasProgram === null)
      fields.push({
        path: "overseasProgram",
        message: "is required for an overseas posting (young_talent or mid_career)",
      });
  } else {
    if (values.hostCompanyId !== null)
      fields.push({ path: "hostCompanyId", message: "only overseas postings have a host company" });
    if (values.overseasProgram !== null)
      fields.push({ path: "overseasProgram", message: "only overseas postings have a program" });
  }
  const ranks = values.eligibility.gradeRanks;
  if (ranks?.min !== undefined && ranks.max !== undefined && ranks.min > ranks.max)
    fields.push({ path: "eligibility.gradeRanks.max", message: "must not be below the minimum" });
  const listed = values.eligibility.companyIds ?? [];
  const known = await existingCompanyIds(db, listed);
  listed.forEach((id, i) => {
    if (!known.has(id))
      fields.push({ path: `eligibility.companyIds.${i}`, message: `company ${id} does not exist` });
  });
  if (values.ownerUserId !== null && !(await enabledUserExists(db, values.ownerUserId)))
    fields.push({ path: "ownerUserId", message: `user ${values.ownerUserId} does not exist or is disabled` });
  const found = await existingSkills(
    db,
    values.skills.map((s) => s.skillId),
  );
  const max = await maxScaleLevel(db);
  const seen = new Set<number>();
  values.skills.forEach((s, i) => {
    const skill = found.get(s.skillId);
    if (!skill) fields.push({ path: `skills.${i}.skillId`, message: `skill ${s.skillId} does not exist` });
    else if (skill.companyId !== null && skill.companyId !== values.companyId)
      fields.push({ path: `skills.${i}.skillId`, message: "is a skill of another company's library" });
    if (seen.has(s.skillId)) fields.push({ path: `skills.${i}.skillId`, message: "is listed twice" });
    seen.add(s.skillId);
    if (s.level > max)
      fields.push({ path: `skills.${i}.level`, message: `must be a level of the scale, 1 to ${max}` });
  });
  return fields;
}

const rowValues = (values: PostingValues) => ({
  companyId: values.companyId,
  orgUnitId: values.orgUnitId,
  kind: values.kind,
  titleJa: values.titleJa,
  titleEn: values.titleEn,
  descriptionJa: values.descriptionJa,
  descriptionEn: values.descriptionEn,
  positionId: values.positionId,
  gradeRankMin: values.gradeRankMin,
  gradeRankMax: values.gradeRankMax,
  fteShare: values.fteShare,
  durationMonths: values.durationMonths,
  hostCompanyId: values.hostCompanyId,
  overseasProgram: values.overseasProgram,
  location: values.location || null,
  eligibility: values.eligibility,
  ownerUserId: values.ownerUserId,
});

export async function createPosting(
  db: Db,
  actor: Actor,
  request: CreatePostingRequest,
): Promise<PostingDetail> {
  assert(
    await canManagePostingOf(db, actor, request),
    "Only HR or recruiters of the posting company (for their division) may create its postings.",
  );
  const fields = await checkPosting(db, request);
  if (fields.length) throw AppError.validation(fields);
  const id = await withDbErrors(() =>
    db.transaction(async (tx) => {
      const postingId = await insertPosting(tx, {
        ...rowValues(request),
        ownerUserId: request.ownerUserId ?? (actor.kind === "user" ? actor.userId : null),
        createdByUserId: actor.kind === "user" ? actor.userId : null,
      });
      await replacePostingSkills(tx, postingId, request.skills);
      await audit(tx, actor, "mobility.posting.create", {
        entity: "posting",
        entityId: postingId,
        detail: request,
      });
      return postingId;
    }),
  );
  return getPosting(db, actor, id);
}

async function postingForChange(db: Db, actor: Actor, postingId: number): Promise<PostingRow> {
  const posting = await findPosting(db, postingId);
  if (!posting) throw AppError.notFound("Posting", postingId);
  assert(
    await canManagePostingOf(db, actor, posting),
    "Only HR or recruiters of the posting company (for their division) may change this posting.",
  );
  return posting;
}

export async function updatePosting(
  db: Db,
  actor: Actor,
  postingId: number,
  request: UpdatePostingRequest,
): Promise<PostingDetail> {
  const posting = await postingForChange(db, actor, postingId);
  const current = await skillsOfPostings(db, [postingId]);
  const merged: PostingValues = {
    companyId: posting.companyId,
    orgUnitId: request.orgUnitId ?? posting.orgUnitId,
    kind: request.kind ?? posting.kind,
    titleJa: request.titleJa ?? posting.titleJa,
    titleEn: request.titleEn ?? posting.titleEn,
    descriptionJa: request.descriptionJa ?? posting.descriptionJa,
    descriptionEn: request.descriptionEn ?? posting.descriptionEn,
    positionId: request.positionId !== undefined ? request.positionId : posting.positionId,
    gradeRankMin: request.gradeRankMin !== undefined ? request.gradeRankMin : posting.gradeRankMin,
    gradeRankMax: request.gradeRankMax !== undefined ? request.gradeRankMax : posting.gradeRankMax,
    fteShare: request.fteShare !== undefined ? request.fteShare : posting.fteShare,
    durationMonths: request.durationMonths !== undefined ? request.durationMonths : posting.durationMonths,
    hostCompanyId: request.hostCompanyId !== undefined ? request.hostCompanyId : posting.hostCompanyId,
    overseasProgram:
      request.overseasProgram !== undefined ? request.overseasProgram : posting.overseasProgram,
    location: request.location !== undefined ? request.location : posting.location,
    eligibility: request.eligibility ?? parseEligibility(posting.eligibility),
    ownerUserId: request.ownerUserId !== undefined ? request.ownerUserId : posting.ownerUserId,
    skills:
      request.skills ?? current.map((s) => ({ skillId: s.skillId, level: s.level, required: s.required })),
  };
  if (request.kind !== undefined && request.kind !== posting.kind && posting.status !== "draft")
    throw AppError.validation([
      { path: "kind", message: "the kind can change only while the posting is a draft" },
    ]);
  const fields = await checkPosting(db, merged);
  if (fields.length) throw AppError.validation(fields);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      await updatePostingRow(tx, postingId, rowValues(merged));
      if (request.skills) await replacePostingSkills(tx, postingId, request.skills);
      await audit(tx, actor, "mobility.posting.update", {
        entity: "posting",
        entityId: postingId,
        detail: { changes: request, before: posting },
      });
    }),
  );
  return getPosting(db, actor, postingId);
}

/** Opens a draft or closed posting (applications from today), or closes an open one (open applications go on). */
export async function setPostingStatus(
  db: Db,
  actor: Actor,
  postingId: number,
  target: "open" | "closed",
): Promise<PostingDetail> {
  const posting = await postingForChange(db, actor, postingId);
  if (posting.status === target)
    throw new AppError("CONFLICT", { message: `The posting is already ${target}.` });
  if (target === "closed" && posting.status !== "open")
    throw new AppError("CONFLICT", { message: "Only an open posting can be closed." });
  const day = today();
  await db.transaction(async (tx) => {
    await updatePostingRow(
      tx,
      postingId,
      target === "open"
        ? { status: "open", openedOn: posting.openedOn ?? day, closedOn: null }
        : { status: "closed", closedOn: day },
    );
    await audit(tx, actor, target === "open" ? "mobility.posting.open" : "mobility.posting.close", {
      entity: "posting",
      entityId: postingId,
    });
  });
  return getPosting(db, actor, postingId);
}
