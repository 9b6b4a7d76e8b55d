import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { disabilityGroupApplicationMembers, disabilityGroupApplications } from "../metrics.schema";

export interface GroupApplication {
  id: number;
  code: string;
  nameJa: string;
  nameEn: string;
  parentCompanyId: number;
  validFrom: string;
  validTo: string | null;
  /** The parent and the designated companies, by id. */
  memberCompanyIds: number[];
}

export async function listGroupApplications(db: Db): Promise<GroupApplication[]> {
  const rows = await queryRows<Omit<GroupApplication, "memberCompanyIds"> & { members: number[] | null }>(
    db,
    sql`select a.id, a.code, a.name_ja as "nameJa", a.name_en as "nameEn", a.parent_company_id as "parentCompanyId",
               a.valid_from::text as "validFrom", a.valid_to::text as "validTo",
               array(select m.company_id from disability_group_application_members m
                     where m.application_id = a.id order by m.company_id) as members
        from disability_group_applications a order by a.code, a.id`,
  );
  return rows.map(({ members, ...row }) => ({
    ...row,
    memberCompanyIds: [...new Set([row.parentCompanyId, ...(members ?? []).map(Number)])].sort(
      (a, b) => a - b,
    ),
  }));
}

export async function insertGroupApplication(
  db: Db,
  application: Omit<GroupApplication, "id" | "memberCompanyIds">,
  memberCompanyIds: number[],
): Promise<number> {
  const [row] = await db
    .insert(disabilityGroupApplications)
    .values(application)
    .returning({ id: disabilityGroupApplications.id });
  const id = row!.id;
  const members = [...new Set(memberCompanyIds.filter((c) => c !== application.parentCompanyId))];
  if (members.length) {
    await db
      .insert(disabilityGroupApplicationMembers)
      .values(members.map((companyId) => ({ applicationId: id, companyId })));
  }
  return id;
}

export async function replaceGroupApplication(
  db: Db,
  id: number,
  application: Omit<GroupApplication, "id" | "memberCompanyIds">,
  memberCompanyIds: number[],
): Promise<void> {
  await db.update(disabilityGroupApplications).set(application).where(eq(disabilityGroupApplications.id, id));
  await db
    .delete(disabilityGroupApplicationMembers)
    .where(eq(disabilityGroupApplicationMembers.applicationId, id));
  const members = [...new Set(memberCompanyIds.filter((c) => c !== application.parentCompanyId))];
  if (members.length) {
    await db
      .insert(disabilityGroupApplicationMembers)
      .values(members.map((companyId) => ({ applicationId: id, companyId })));
  }
}

export async function deleteGroupApplication(db: Db, id: number): Promise<boolean> {
  await db
    .delete(disabilityGroupApplicationMembers)
    .where(eq(disabilityGroupApplicationMembers.applicationId, id));
  const deleted = await db
    .delete(disabilityGroupApplications)
    .where(eq(disabilityGroupApplications.id, id))
    .returning({ id: disabilityGroupApplications.id });
  return deleted.length > 0;
}
