/**
 * SCIM Users: one User per employment at one of the client's companies (the SCIM id is the employment id).
 * Writes go through the people services (createPerson, terminateEmployment) in one transaction.
 */
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { translateDbError } from "../../db/errors";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { SystemActor } from "../access/actor";
import { users } from "../auth/auth.schema";
import { audit } from "../audit/audit.service";
import { companies } from "../org/org.schema";
import { employments, persons } from "../people/people.schema";
import { createPerson, terminateEmployment } from "../people/people.service";
import { CORE_USER, ENTERPRISE_USER } from "./scim.discovery";
import { ScimError } from "./scim.errors";
import { type ListQuery, listResponse } from "./scim.list";
import { applyPatch } from "./scim.patch";
import { loadGroups, loadUserRows, presentUsers, type ScimResource } from "./scim.read";
import { scimUserStates } from "./scim.schema";
import type { ScimClient } from "./scim.tokens";

type Obj = Record<string, unknown>;

/** Changes are audited as the system acting for the client: origin `scim:<client id>`. */
export const scimActor = (client: ScimClient): SystemActor => ({
  kind: "system",
  origin: `scim:${client.id}`,
});

function parseId(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw new ScimError(404, `Resource ${id} not found`);
  return Number(id);
}

export async function listUsers(db: Db, client: ScimClient, query: ListQuery) {
  const rows = await loadUserRows(db, client.companyIds);
  rows.sort((a, b) => a.e.id - b.e.id);
  return listResponse(await presentUsers(db, rows, client.companyIds), query);
}

export async function getUser(db: Db, client: ScimClient, id: string): Promise<ScimResource> {
  const rows = await loadUserRows(db, client.companyIds, parseId(id));
  const [user] = await presentUsers(db, rows, client.companyIds);
  if (!user) throw new ScimError(404, `User ${id} not found`);
  return user;
}

export async function listGroups(db: Db, client: ScimClient, query: ListQuery) {
  const groups = await loadGroups(db, client.companyIds);
  groups.sort((a, b) => Number(a.id) - Number(b.id));
  return listResponse(groups, query);
}

export async function getGroup(db: Db, client: ScimClient, id: string): Promise<ScimResource> {
  const [group] = await loadGroups(db, client.companyIds, parseId(id));
  if (!group) throw new ScimError(404, `Group ${id} not found`);
  return group;
}

/** What a User's JSON says about the things we store. */
interface UserInput {
  /** null: the person has no email and userName is the placeholder (see placeholderUserName). */
  email: string | null;
  familyName: string;
  givenName: string;
  employeeNumber: string;
  organization: string | undefined;
  active: boolean;
}

const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function getCi(obj: unknown, key: string): unknown {
  if (!isObj(obj)) return undefined;
  const found = Object.keys(obj).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : obj[found];
}

function requiredString(value: unknown, name: string, max: number): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ScimError(400, `${name} is required`, "invalidValue");
  }
  if (value.trim().length > max) throw new ScimError(400, `${name} is longer than ${max}`, "invalidValue");
  return value.trim();
}

/** `current`: the User being replaced (its placeholder userName is kept; a missing `active` keeps its value). */
export function readUserInput(body: unknown, current?: { userName: string; active: boolean }): UserInput {
  const placeholder = current?.userName;
  if (!isObj(body)) throw new ScimError(400, "The body must be a JSON object", "invalidSyntax");
  const schemas = getCi(body, "schemas");
  if (!Array.isArray(schemas) || !schemas.some((s) => String(s).toLowerCase() === CORE_USER.toLowerCase())) {
    throw new ScimError(400, `schemas must include ${CORE_USER}`, "invalidSyntax");
  }
  const userName = requiredString(getCi(body, "userName"), "userName", 254).toLowerCase();
  const email = placeholder !== undefined && userName === placeholder.toLowerCase() ? null : userName;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ScimError(400, "userName must be an email address", "invalidValue");
  }
  const name = getCi(body, "name");
  const extension = getCi(body, ENTERPRISE_USER);
  const active = getCi(body, "active") ?? current?.active ?? true;
  if (typeof active !== "boolean") throw new ScimError(400, "active must be a boolean", "invalidValue");
  const organization = getCi(extension, "organization");
  if (organization !== undefined && organization !== null && typeof organization !== "string") {
    throw new ScimError(400, "organization must be a string", "invalidValue");
  }
  return {
    email,
    familyName: requiredString(getCi(name, "familyName"), "name.familyName", 100),
    givenName: requiredString(getCi(name, "givenName"), "name.givenName", 100),
    employeeNumber: requiredString(getCi(extension, "employeeNumber"), "employeeNumber", 32),
    organization: typeof organization === "string" && organization !== "" ? organization : undefined,
    active,
  };
}

async function companyFor(db: Db, client: ScimClient, code: string | undefined): Promise<number> {
  if (code === undefined) {
    if (client.companyIds.length === 1) return client.companyIds[0]!;
    throw new ScimError(400, "organization (the company code) is required for this client", "invalidValue");
  }
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.code, code), inArray(companies.id, client.companyIds)));
  if (!row) throw new ScimError(400, `organization ${code} is not a company of this client`, "invalidValue");
  return row.id;
}

/** userName is unique among the client's Users; employeeNumber among a company's employments of other persons. */
async function checkUniqueness(
  db: Db,
  client: ScimClient,
  input: UserInput,
  companyId: number,
  personId: number | null,
): Promise<void> {
  const [sameEmail] = await db
    .select({ id: employments.id })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .leftJoin(scimUserStates, eq(scimUserStates.employmentId, employments.id))
    .where(
      and(
        inArray(employments.companyId, client.companyIds),
        isNull(scimUserStates.deletedAt),
        sql`lower(${persons.email}) = ${input.email ?? ""}`,
        personId === null ? undefined : ne(persons.id, personId),
      ),
    )
    .limit(1);
  if (sameEmail && input.email !== null)
    throw new ScimError(409, `userName ${input.email} is already in use`, "uniqueness");
  const [sameNumber] = await db
    .select({ id: employments.id })
    .from(employments)
    .where(
      and(
        eq(employments.companyId, companyId),
        eq(employments.employeeNumber, input.employeeNumber),
        personId === null ? undefined : ne(employments.personId, personId),
      ),
    )
    .limit(1);
  if (sameNumber) {
    throw new ScimError(409, `employeeNumber ${input.employeeNumber} is already in use`, "uniqueness");
  }
}

/** Service and database errors in SCIM terms. */
export function toScimError(error: unknown): unknown {
  const appError = error instanceof AppError ? error : translateDbError(error);
  if (!appError) return error;
  const detail = [appError.message, ...(appError.fields ?? []).map((f) => `${f.path}: ${f.message}`)].join(
    " ",
  );
  switch (appError.code) {
    case "VALIDATION_FAILED":
      return new ScimError(400, detail, "invalidValue");
    case "CONFLICT":
    case "DATED_OVERLAP":
      return new ScimError(409, detail, "uniqueness");
    case "NOT_FOUND":
      return new ScimError(404, detail);
    case "FORBIDDEN":
      return new ScimError(403, detail);
    default:
      return error;
  }
}

/** Sets the SCIM state and, on a change of `active`, the linked account and (per client) a termination. */
async function applyActive(
  tx: Db,
  client: ScimClient,
  employmentId: number,
  personId: number,
  active: boolean,
  extra: { deleted?: boolean } = {},
): Promise<void> {
  const now = new Date();
  const state = {
    deactivatedAt: active ? null : now,
    updatedAt: now,
    ...(extra.deleted ? { deletedAt: now } : {}),
  };
  await tx
    .insert(scimUserStates)
    .values({ employmentId, ...state })
    .onConflictDoUpdate({
      target: scimUserStates.employmentId,
      set: active
        ? { ...state }
        : { ...state, deactivatedAt: sql`coalesce(${scimUserStates.deactivatedAt}, ${now})` },
    });
  await tx
    .update(users)
    .set({ disabledAt: active ? null : now })
    .where(and(eq(users.personId, personId), active ? sql`true` : isNull(users.disabledAt)));
  if (!active && client.terminateOnDeactivate) {
    const [employment] = await tx.select().from(employments).where(eq(employments.id, employmentId));
    if (employment && employment.terminationDate === null) {
      await terminateEmployment(tx, scimActor(client), employmentId, {
        terminationDate: today(),
        terminationReason: client.terminationReason,
      });
    }
  }
}

export async function createUser(db: Db, client: ScimClient, body: unknown): Promise<ScimResource> {
  const input = readUserInput(body);
  const companyId = await companyFor(db, client, input.organization);
  await checkUniqueness(db, client, input, companyId, null);
  const actor = scimActor(client);
  let employmentId = 0;
  try {
    await db.transaction(async (tx) => {
      const personId = await createPerson(tx, actor, {
        familyName: input.familyName,
        givenName: input.givenName,
        familyNameKana: null,
        givenNameKana: null,
        familyNameLatin: null,
        givenNameLatin: null,
        nameOrder: "family_first",
        gender: "undisclosed",
        birthDate: null,
        email: input.email,
        employment: {
          companyId,
          employeeNumber: input.employeeNumber,
          hireDate: today(),
          employmentType: "regular",
          weeklyHours: 40,
        },
      });
      const [row] = await tx
        .select({ id: employments.id })
        .from(employments)
        .where(eq(employments.personId, personId));
      employmentId = row!.id;
      await applyActive(tx, client, employmentId, personId, input.active);
      await audit(tx, actor, "scim.user.create", { entity: "employment", entityId: employmentId });
    });
  } catch (error) {
    throw toScimError(error);
  }
  return getUser(db, client, String(employmentId));
}

function checkVersion(current: ScimResource, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === "*") return;
  const wanted = ifMatch.split(",").map((tag) => tag.trim());
  if (!wanted.includes(current.meta.version)) {
    throw new ScimError(412, "The resource has changed (If-Match does not match meta.version)");
  }
}

export async function replaceUser(
  db: Db,
  client: ScimClient,
  id: string,
  body: unknown,
  ifMatch?: string,
): Promise<ScimResource> {
  const current = await getUser(db, client, id);
  checkVersion(current, ifMatch);
  const input = readUserInput(body, { userName: String(current.userName), active: current.active === true });
  const employmentId = Number(current.id);
  const [row] = await loadUserRows(db, client.companyIds, employmentId);
  const { e: employment, p: person, companyCode } = row!;
  if (input.organization !== undefined && input.organization !== companyCode) {
    throw new ScimError(400, "organization (the employing company) cannot change", "mutability");
  }
  if (input.active && employment.terminationDate !== null && employment.terminationDate < today()) {
    throw new ScimError(400, "The employment has ended; it cannot be made active again", "invalidValue");
  }
  await checkUniqueness(db, client, input, employment.companyId, person.id);
  const wasActive = current.active === true;
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(persons)
        .set({ familyName: input.familyName, givenName: input.givenName, email: input.email })
        .where(eq(persons.id, person.id));
      await tx
        .update(employments)
        .set({ employeeNumber: input.employeeNumber })
        .where(eq(employments.id, employmentId));
      if (wasActive !== input.active || !input.active) {
        await applyActive(tx, client, employmentId, person.id, input.active);
      } else {
        await tx
          .insert(scimUserStates)
          .values({ employmentId, updatedAt: new Date() })
          .onConflictDoUpdate({ target: scimUserStates.employmentId, set: { updatedAt: new Date() } });
      }
      await audit(tx, scimActor(client), "scim.user.replace", {
        entity: "employment",
        entityId: employmentId,
        detail: { before: current },
      });
    });
  } catch (error) {
    throw toScimError(error);
  }
  return getUser(db, client, id);
}

export async function patchUser(
  db: Db,
  client: ScimClient,
  id: string,
  body: unknown,
  ifMatch?: string,
): Promise<ScimResource> {
  const current = await getUser(db, client, id);
  checkVersion(current, ifMatch);
  const patched = applyPatch(current, body);
  return replaceUser(db, client, id, patched, current.meta.version);
}

/** Deprovisions: the User is no longer served, access ends and (per client) the employment is terminated. */
export async function deleteUser(db: Db, client: ScimClient, id: string, ifMatch?: string): Promise<void> {
  const current = await getUser(db, client, id);
  checkVersion(current, ifMatch);
  const [row] = await loadUserRows(db, client.companyIds, Number(current.id));
  try {
    await db.transaction(async (tx) => {
      await applyActive(tx, client, row!.e.id, row!.p.id, false, { deleted: true });
      await audit(tx, scimActor(client), "scim.user.delete", { entity: "employment", entityId: row!.e.id });
    });
  } catch (error) {
    throw toScimError(error);
  }
}
