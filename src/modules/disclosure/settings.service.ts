/**
 * Settings of the figures that group HR keeps (docs/metrics.md "Settings"): the small-group threshold below
 * which sensitive figures are withheld, and the group applications of the disability employment quota
 * (グループ適用 / 関係会社特例). Group HR only; every change validated, in one transaction, and audited.
 */
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import {
  deleteGroupApplication,
  type GroupApplication,
  insertGroupApplication,
  listGroupApplications,
  replaceGroupApplication,
} from "../../metrics/engine/applications.repo";
import { allCompanies } from "../../metrics/engine/scope.repo";
import { setSmallGroupThreshold, smallGroupThreshold } from "../../metrics/engine/settings.repo";
import { AppError, type FieldError } from "../../shared/errors";
import type {
  GroupApplicationDto,
  GroupApplicationInput,
  MetricSettingsDto,
} from "../../shared/metrics-reports-api";
import { assert, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";

const onlyGroupHr = (actor: Actor) =>
  assert(isGroupAdmin(actor), "Only group HR may change the figures' settings.");

const present = (a: GroupApplication): GroupApplicationDto => ({
  id: a.id,
  code: a.code,
  name: { ja: a.nameJa, en: a.nameEn },
  parentCompanyId: a.parentCompanyId,
  validFrom: a.validFrom,
  validTo: a.validTo,
  memberCompanyIds: a.memberCompanyIds.filter((id) => id !== a.parentCompanyId),
});

export async function getMetricSettings(db: Db, actor: Actor): Promise<MetricSettingsDto> {
  assert(isGroupAdmin(actor), "Only group HR may see the figures' settings.");
  return {
    smallGroupThreshold: await smallGroupThreshold(db),
    applications: (await listGroupApplications(db)).map(present),
  };
}

export async function updateSmallGroupThreshold(
  db: Db,
  actor: Actor,
  value: number,
): Promise<MetricSettingsDto> {
  onlyGroupHr(actor);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const before = await smallGroupThreshold(tx);
      await setSmallGroupThreshold(tx, value);
      await audit(tx, actor, "metrics.settings.update", {
        entity: "metric_setting",
        entityId: "small_group_threshold",
        detail: { before, after: value },
      });
    }),
  );
  return getMetricSettings(db, actor);
}

const overlaps = (
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
) => a.validFrom <= (b.validTo ?? "9999-12-31") && b.validFrom <= (a.validTo ?? "9999-12-31");

/** Every rule an application must keep, each broken one named by its field. */
async function validate(db: Db, input: GroupApplicationInput, id: number | null): Promise<void> {
  const fields: FieldError[] = [];
  const companies = new Map((await allCompanies(db)).map((c) => [c.id, c]));
  const parent = companies.get(input.parentCompanyId);
  if (!parent)
    fields.push({ path: "parentCompanyId", message: `company ${input.parentCompanyId} does not exist` });
  else if (!parent.isDomestic)
    fields.push({
      path: "parentCompanyId",
      message: `${parent.code} is an overseas affiliate: the quota applies to Japanese companies`,
    });
  input.memberCompanyIds.forEach((companyId, i) => {
    const company = companies.get(companyId);
    if (!company)
      fields.push({ path: `memberCompanyIds.${i}`, message: `company ${companyId} does not exist` });
    else if (!company.isDomestic)
      fields.push({
        path: `memberCompanyIds.${i}`,
        message: `${company.code} is an overseas affiliate: only Japanese companies can be designated`,
      });
    else if (companyId === input.parentCompanyId)
      fields.push({
        path: `memberCompanyIds.${i}`,
        message: `${company.code} is the parent: list only the designated subsidiaries`,
      });
  });
  if (new Set(input.memberCompanyIds).size !== input.memberCompanyIds.length)
    fields.push({ path: "memberCompanyIds", message: "lists a company twice" });
  if (input.validTo !== null && input.validTo < input.validFrom)
    fields.push({ path: "validTo", message: `must be on or after validFrom (${input.validFrom})` });
  const others = (await listGroupApplications(db)).filter((a) => a.id !== id);
  if (others.some((a) => a.code.toLowerCase() === input.code.toLowerCase()))
    fields.push({ path: "code", message: `another group application has the code ${input.code}` });
  const members = new Set([input.parentCompanyId, ...input.memberCompanyIds]);
  for (const other of others) {
    if (!overlaps(input, other)) continue;
    const shared = other.memberCompanyIds.filter((c) => members.has(c));
    if (shared.length) {
      const codes = shared.map((c) => companies.get(c)?.code ?? String(c)).join(", ");
      fields.push({
        path: "memberCompanyIds",
        message: `${codes} already belong to group application ${other.code} in an overlapping period (${other.validFrom} – ${other.validTo ?? "open"})`,
      });
    }
  }
  if (fields.length) throw AppError.validation(fields);
}

const values = (input: GroupApplicationInput) => ({
  code: input.code,
  nameJa: input.nameJa,
  nameEn: input.nameEn,
  parentCompanyId: input.parentCompanyId,
  validFrom: input.validFrom,
  validTo: input.validTo,
});

async function findPresented(db: Db, id: number): Promise<GroupApplicationDto> {
  const found = (await listGroupApplications(db)).find((a) => a.id === id);
  if (!found) throw AppError.notFound("Group application", id);
  return present(found);
}

export async function createApplication(
  db: Db,
  actor: Actor,
  input: GroupApplicationInput,
): Promise<GroupApplicationDto> {
  onlyGroupHr(actor);
  const id = await withDbErrors(() =>
    db.transaction(async (tx) => {
      await validate(tx, input, null);
      const created = await insertGroupApplication(tx, values(input), input.memberCompanyIds);
      await audit(tx, actor, "metrics.group_application.create", {
        entity: "disability_group_application",
        entityId: created,
        detail: input,
      });
      return created;
    }),
  );
  return findPresented(db, id);
}

export async function updateApplication(
  db: Db,
  actor: Actor,
  id: number,
  input: GroupApplicationInput,
): Promise<GroupApplicationDto> {
  onlyGroupHr(actor);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const before = await findPresented(tx, id);
      await validate(tx, input, id);
      await replaceGroupApplication(tx, id, values(input), input.memberCompanyIds);
      await audit(tx, actor, "metrics.group_application.update", {
        entity: "disability_group_application",
        entityId: id,
        detail: { before, after: input },
      });
    }),
  );
  return findPresented(db, id);
}

export async function removeApplication(db: Db, actor: Actor, id: number): Promise<void> {
  onlyGroupHr(actor);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const before = await findPresented(tx, id);
      await deleteGroupApplication(tx, id);
      await audit(tx, actor, "metrics.group_application.delete", {
        entity: "disability_group_application",
        entityId: id,
        detail: { before },
      });
    }),
  );
}
