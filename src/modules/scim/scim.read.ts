/** Loads SCIM Users (employments) and Groups (org units) within a client's companies and presents them as SCIM JSON. */
import { createHash } from "node:crypto";
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { users } from "../auth/auth.schema";
import { companies, orgUnits, orgUnitVersions } from "../org/org.schema";
import { assignments, employments, persons } from "../people/people.schema";
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER } from "./scim.discovery";
import { scimUserStates } from "./scim.schema";

export type ScimResource = Record<string, unknown> & { id: string; meta: { version: string } };

type PersonName = { familyName: string; givenName: string; nameOrder: string };
export const displayNameOf = (p: PersonName) =>
  p.nameOrder === "family_first" ? `${p.familyName} ${p.givenName}` : `${p.givenName} ${p.familyName}`;

/** userName of a person without an email (userName is required): `COMPANY-NUMBER`, kept as is by PUT/PATCH. */
export const placeholderUserName = (companyCode: string, employeeNumber: string) =>
  `${companyCode}-${employeeNumber}`;

/** A weak ETag over the resource's content (everything but meta). */
export function versionOf(resource: Record<string, unknown>): string {
  const { meta: _meta, ...content } = resource;
  return `W/"${createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 20)}"`;
}

const current = (from: AnyPgColumn, to: AnyPgColumn, day: string) =>
  and(lte(from, day), or(isNull(to), gte(to, day)));

/** Rows of the non-deleted employments in scope (optionally one). */
export async function loadUserRows(db: Db, companyIds: number[], employmentId?: number) {
  const where = [inArray(employments.companyId, companyIds), isNull(scimUserStates.deletedAt)];
  if (employmentId !== undefined) where.push(eq(employments.id, employmentId));
  return db
    .select({ e: employments, p: persons, companyCode: companies.code, state: scimUserStates })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .innerJoin(companies, eq(companies.id, employments.companyId))
    .leftJoin(scimUserStates, eq(scimUserStates.employmentId, employments.id))
    .where(and(...where));
}
export type UserRow = Awaited<ReturnType<typeof loadUserRows>>[number];

/** The SCIM Users of the given rows, with their current department and line manager. */
export async function presentUsers(db: Db, rows: UserRow[], companyIds: number[]): Promise<ScimResource[]> {
  const day = today();
  const ids = rows.map((row) => row.e.id);
  const primary = ids.length
    ? await db
        .select({
          employmentId: assignments.employmentId,
          managerId: assignments.lineManagerPersonId,
          unit: orgUnitVersions.nameEn,
        })
        .from(assignments)
        .innerJoin(
          orgUnitVersions,
          and(
            eq(orgUnitVersions.orgUnitId, assignments.orgUnitId),
            current(orgUnitVersions.validFrom, orgUnitVersions.validTo, day),
          ),
        )
        .where(
          and(
            inArray(assignments.employmentId, ids),
            eq(assignments.kind, "primary"),
            current(assignments.validFrom, assignments.validTo, day),
          ),
        )
    : [];
  const byEmployment = new Map(primary.map((row) => [row.employmentId, row]));
  const managerIds = [...new Set(primary.flatMap((row) => (row.managerId ? [row.managerId] : [])))];
  const managers = managerIds.length
    ? await db
        .select({ e: employments, p: persons })
        .from(employments)
        .innerJoin(persons, eq(persons.id, employments.personId))
        .where(and(inArray(employments.personId, managerIds), inArray(employments.companyId, companyIds)))
    : [];
  const personIds = [...new Set(rows.map((row) => row.p.id))];
  const disabled = new Set(
    personIds.length
      ? (
          await db
            .select({ personId: users.personId, disabledAt: users.disabledAt })
            .from(users)
            .where(inArray(users.personId, personIds))
        ).flatMap((row) => (row.disabledAt && row.personId ? [row.personId] : []))
      : [],
  );
  return rows.map((row) => {
    const assignment = byEmployment.get(row.e.id);
    const manager = managers.find(
      (m) =>
        m.p.id === assignment?.managerId &&
        m.e.companyId === row.e.companyId &&
        (m.e.terminationDate === null || m.e.terminationDate >= day),
    );
    const active =
      !row.state?.deactivatedAt &&
      !disabled.has(row.p.id) &&
      (row.e.terminationDate === null || row.e.terminationDate >= day);
    const resource: Record<string, unknown> = {
      schemas: [CORE_USER, ENTERPRISE_USER],
      id: String(row.e.id),
      userName: row.p.email ?? placeholderUserName(row.companyCode, row.e.employeeNumber),
      name: {
        formatted: displayNameOf(row.p),
        familyName: row.p.familyName,
        givenName: row.p.givenName,
      },
      displayName: displayNameOf(row.p),
      emails: row.p.email ? [{ value: row.p.email, type: "work", primary: true }] : [],
      active,
      [ENTERPRISE_USER]: {
        employeeNumber: row.e.employeeNumber,
        organization: row.companyCode,
        ...(assignment ? { department: assignment.unit } : {}),
        ...(manager
          ? {
              manager: {
                value: String(manager.e.id),
                $ref: `/scim/v2/Users/${manager.e.id}`,
                displayName: displayNameOf(manager.p),
              },
            }
          : {}),
      },
    };
    return {
      ...resource,
      id: String(row.e.id),
      meta: {
        resourceType: "User",
        created: row.e.createdAt.toISOString(),
        lastModified: (row.state?.updatedAt ?? row.e.createdAt).toISOString(),
        location: `/scim/v2/Users/${row.e.id}`,
        version: versionOf(resource),
      },
    };
  });
}

/** Org units of the client's companies as read-only SCIM Groups (members: employments assigned today). */
export async function loadGroups(db: Db, companyIds: number[], orgUnitId?: number): Promise<ScimResource[]> {
  const day = today();
  const where = [
    inArray(orgUnits.companyId, companyIds),
    current(orgUnitVersions.validFrom, orgUnitVersions.validTo, day),
  ];
  if (orgUnitId !== undefined) where.push(eq(orgUnits.id, orgUnitId));
  const units = await db
    .select({ id: orgUnits.id, name: orgUnitVersions.nameEn })
    .from(orgUnits)
    .innerJoin(orgUnitVersions, eq(orgUnitVersions.orgUnitId, orgUnits.id))
    .where(and(...where));
  const unitIds = units.map((unit) => unit.id);
  const members = unitIds.length
    ? await db
        .select({ unitId: assignments.orgUnitId, employmentId: assignments.employmentId, p: persons })
        .from(assignments)
        .innerJoin(employments, eq(employments.id, assignments.employmentId))
        .innerJoin(persons, eq(persons.id, assignments.personId))
        .leftJoin(scimUserStates, eq(scimUserStates.employmentId, employments.id))
        .where(
          and(
            inArray(assignments.orgUnitId, unitIds),
            inArray(employments.companyId, companyIds),
            isNull(scimUserStates.deletedAt),
            current(assignments.validFrom, assignments.validTo, day),
          ),
        )
    : [];
  return units.map((unit) => {
    const seen = new Set<number>();
    const resource: Record<string, unknown> = {
      schemas: [CORE_GROUP],
      id: String(unit.id),
      displayName: unit.name,
      members: members
        .filter((m) => m.unitId === unit.id && !seen.has(m.employmentId) && seen.add(m.employmentId))
        .sort((a, b) => a.employmentId - b.employmentId)
        .map((m) => ({
          value: String(m.employmentId),
          $ref: `/scim/v2/Users/${m.employmentId}`,
          display: displayNameOf(m.p),
          type: "User",
        })),
    };
    return {
      ...resource,
      id: String(unit.id),
      meta: { resourceType: "Group", location: `/scim/v2/Groups/${unit.id}`, version: versionOf(resource) },
    };
  });
}
