import { asc, eq } from "drizzle-orm";
import { addDays, covers } from "../../../shared/dates";
import { orgUnits, orgUnitVersions } from "../../org/org.schema";
import type { ImportKind, KindContext, PlanResult, WrittenRecord } from "../import.types";
import { importMessage } from "../messages";
import { CodeTable, field, futureDateIssue, optionalText, text } from "./helpers";

/**
 * Org units, dated: a row says "from validFrom the unit with this code has this name and parent". A changed
 * name or parent becomes a new version from that date (the version in force ends the day before, its history
 * stays); the same values are unchanged; a row dated on a version's first day corrects that version.
 * A file may hold a unit's history (several rows per code, any order of dates); parents come before children.
 */
interface OrgUnitRow {
  code: string;
  nameJa: string;
  nameEn: string;
  parentCode: string | null;
  validFrom: string;
}

interface VersionValues {
  nameJa: string;
  nameEn: string;
  parentOrgUnitId: number | null;
}

interface VersionState extends VersionValues {
  id: number;
  validFrom: string;
  validTo: string | null;
}

interface UnitState {
  id: number;
  code: string;
  versions: VersionState[];
}

interface OrgUnitsState {
  table: CodeTable;
  units: Map<number, UnitState>;
  nextTempId: number;
}

type OrgUnitOp =
  | {
      type: "insertUnit";
      tempUnitId: number;
      tempVersionId: number;
      code: string;
      values: VersionValues;
      validFrom: string;
    }
  | {
      type: "newVersion";
      unitId: number;
      tempVersionId: number;
      endVersionId: number | null;
      values: VersionValues;
      validFrom: string;
      validTo: string | null;
    }
  | { type: "correctVersion"; versionId: number; values: VersionValues };

const versionAt = (unit: UnitState, day: string) =>
  unit.versions.find((v) => covers(v.validFrom, v.validTo, day));

/** Whether placing `unitId` under `parentId` on `day` would put it under itself. */
function makesCycle(state: OrgUnitsState, unitId: number, parentId: number, day: string): boolean {
  let current: number | null = parentId;
  for (let depth = 0; current !== null && depth < 1000; depth++) {
    if (current === unitId) return true;
    const unit = state.units.get(current);
    current = unit ? (versionAt(unit, day)?.parentOrgUnitId ?? null) : null;
  }
  return false;
}

const present = (v: VersionValues & { validFrom?: string; validTo?: string | null }, table: CodeTable) => ({
  nameJa: v.nameJa,
  nameEn: v.nameEn,
  parentCode: v.parentOrgUnitId === null ? null : (table.codeOf.get(v.parentOrgUnitId) ?? null),
  ...(v.validFrom !== undefined ? { validFrom: v.validFrom, validTo: v.validTo ?? null } : {}),
});

export const orgUnitsKind: ImportKind<OrgUnitRow, OrgUnitsState, OrgUnitOp> = {
  name: "org-units",
  label: { en: "Org units", ja: "組織" },
  description: {
    en: "A company's organisation, dated: each row is a unit's name and parent from a date.",
    ja: "会社の組織（日付つき）。各行は、ある日からの組織名と上位組織です。",
  },
  scope: "company",
  fields: [
    field(
      "code",
      "string",
      { en: "Org unit code", ja: "組織コード" },
      { required: true, maxLength: 64, example: "DEV1" },
    ),
    field(
      "nameJa",
      "string",
      { en: "Name (Japanese)", ja: "組織名" },
      { required: true, maxLength: 200, example: "開発一課" },
    ),
    field(
      "nameEn",
      "string",
      { en: "Name (English)", ja: "組織名（英語）" },
      {
        maxLength: 200,
        example: "Development Section 1",
        description: { en: "Defaults to the Japanese name", ja: "省略時は組織名" },
      },
    ),
    field(
      "parentCode",
      "code-lookup",
      { en: "Parent org unit code", ja: "上位組織コード" },
      { lookup: "org_unit", maxLength: 64, example: "DEV" },
    ),
    field(
      "validFrom",
      "date",
      { en: "Valid from", ja: "適用開始日" },
      { required: true, example: "2024-04-01" },
    ),
  ],

  toRow(values, ctx) {
    const row: OrgUnitRow = {
      code: text(values, "code"),
      nameJa: text(values, "nameJa"),
      nameEn: optionalText(values, "nameEn") ?? text(values, "nameJa"),
      parentCode: optionalText(values, "parentCode"),
      validFrom: text(values, "validFrom"),
    };
    const found = futureDateIssue(ctx, "validFrom", row.validFrom);
    if (row.parentCode !== null && row.parentCode === row.code)
      found.push(importMessage("parentCode", "orgUnit.ownParent"));
    return found.length ? { issues: found } : { row };
  },

  key: (row) => `${row.code}@${row.validFrom}`,

  async loadState(db, ctx) {
    const companyId = ctx.companyId!;
    const table = new CodeTable("org unit");
    const units = new Map<number, UnitState>();
    for (const unit of await db
      .select()
      .from(orgUnits)
      .where(eq(orgUnits.companyId, companyId))
      .orderBy(asc(orgUnits.id))) {
      table.add(unit.id, unit.code);
      units.set(unit.id, { id: unit.id, code: unit.code, versions: [] });
    }
    const versions = await db
      .select()
      .from(orgUnitVersions)
      .where(eq(orgUnitVersions.companyId, companyId))
      .orderBy(asc(orgUnitVersions.orgUnitId), asc(orgUnitVersions.validFrom), asc(orgUnitVersions.id));
    for (const v of versions) {
      units.get(v.orgUnitId)?.versions.push({
        id: v.id,
        nameJa: v.nameJa,
        nameEn: v.nameEn,
        parentOrgUnitId: v.parentOrgUnitId,
        validFrom: v.validFrom,
        validTo: v.validTo,
      });
      table.addName(v.orgUnitId, v.nameJa);
      table.addName(v.orgUnitId, v.nameEn);
    }
    return { table, units, nextTempId: -1 };
  },

  plan(row, state, ctx: KindContext): PlanResult<OrgUnitOp> {
    const parent = state.table.resolve(row.parentCode, "parentCode", ctx);
    if ("issue" in parent) {
      // an unknown code may be a parent listed after its child
      const unknownCode = parent.issue.code === "lookup.unknownCode" && row.parentCode !== null;
      return {
        issues: [
          unknownCode
            ? importMessage("parentCode", "orgUnit.unknownParent", { code: row.parentCode! })
            : parent.issue,
        ],
      };
    }
    const values: VersionValues = { nameJa: row.nameJa, nameEn: row.nameEn, parentOrgUnitId: parent.id };
    if (parent.id !== null) {
      const parentUnit = state.units.get(parent.id)!;
      if (!versionAt(parentUnit, row.validFrom)) {
        return {
          issues: [
            importMessage("parentCode", "orgUnit.parentNotOpen", {
              code: parentUnit.code,
              date: row.validFrom,
            }),
          ],
        };
      }
    }
    const unitId = state.table.idOf(row.code);
    if (unitId === undefined) {
      const tempUnitId = state.nextTempId--;
      const tempVersionId = state.nextTempId--;
      state.table.add(tempUnitId, row.code, [row.nameJa, row.nameEn]);
      state.units.set(tempUnitId, {
        id: tempUnitId,
        code: row.code,
        versions: [{ id: tempVersionId, ...values, validFrom: row.validFrom, validTo: null }],
      });
      return {
        outcome: "new",
        steps: [
          {
            op: {
              type: "insertUnit",
              tempUnitId,
              tempVersionId,
              code: row.code,
              values,
              validFrom: row.validFrom,
            },
            change: {
              entity: "org_unit",
              action: "insert",
              before: null,
              after: {
                code: row.code,
                ...present({ ...values, validFrom: row.validFrom, validTo: null }, state.table),
              },
            },
          },
        ],
      };
    }
    const unit = state.units.get(unitId)!;
    if (parent.id !== null && makesCycle(state, unitId, parent.id, row.validFrom)) {
      return { issues: [importMessage("parentCode", "orgUnit.cycle")] };
    }
    const current = versionAt(unit, row.validFrom);
    if (current) {
      if (ctx.absentFields.has("nameEn")) values.nameEn = current.nameEn;
      if (ctx.absentFields.has("parentCode")) values.parentOrgUnitId = current.parentOrgUnitId;
    }
    if (!current) {
      const first = unit.versions[0];
      if (first && row.validFrom < first.validFrom) {
        return {
          issues: [
            importMessage("validFrom", "orgUnit.beforeFirstVersion", {
              code: row.code,
              first: first.validFrom,
            }),
          ],
        };
      }
      // after the unit was closed: it opens again from this date
      const tempVersionId = state.nextTempId--;
      unit.versions.push({ id: tempVersionId, ...values, validFrom: row.validFrom, validTo: null });
      return {
        outcome: "changed",
        steps: [
          {
            op: {
              type: "newVersion",
              unitId,
              tempVersionId,
              endVersionId: null,
              values,
              validFrom: row.validFrom,
              validTo: null,
            },
            change: {
              entity: "org_unit",
              entityId: unitId > 0 ? unitId : undefined,
              action: "new_version",
              before: null,
              after: present({ ...values, validFrom: row.validFrom, validTo: null }, state.table),
            },
          },
        ],
      };
    }
    if (
      current.nameJa === values.nameJa &&
      current.nameEn === values.nameEn &&
      current.parentOrgUnitId === values.parentOrgUnitId
    ) {
      return { outcome: "unchanged", steps: [] };
    }
    const before = present(current, state.table);
    if (current.validFrom === row.validFrom) {
      Object.assign(current, values);
      return {
        outcome: "changed",
        steps: [
          {
            op: { type: "correctVersion", versionId: current.id, values },
            change: {
              entity: "org_unit",
              entityId: unitId > 0 ? unitId : undefined,
              action: "update",
              before,
              after: present(current, state.table),
            },
          },
        ],
      };
    }
    const tempVersionId = state.nextTempId--;
    const next = { id: tempVersionId, ...values, validFrom: row.validFrom, validTo: current.validTo };
    current.validTo = addDays(row.validFrom, -1);
    unit.versions.push(next);
    unit.versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    return {
      outcome: "changed",
      steps: [
        {
          op: {
            type: "newVersion",
            unitId,
            tempVersionId,
            endVersionId: current.id,
            values,
            validFrom: next.validFrom,
            validTo: next.validTo,
          },
          change: {
            entity: "org_unit",
            entityId: unitId > 0 ? unitId : undefined,
            action: "new_version",
            before,
            after: present(next, state.table),
          },
        },
      ],
    };
  },

  async apply(tx, ops, ctx) {
    const companyId = ctx.companyId!;
    const id = (key: string, value: number) => (value > 0 ? value : ctx.scratch.get(`${key}:${value}`)!);
    const parentOf = (values: VersionValues) =>
      values.parentOrgUnitId === null ? null : id("org_unit", values.parentOrgUnitId);
    const written: WrittenRecord[] = [];
    for (const { op } of ops) {
      if (op.type === "insertUnit") {
        const [unit] = await tx
          .insert(orgUnits)
          .values({ companyId, code: op.code })
          .returning({ id: orgUnits.id });
        ctx.scratch.set(`org_unit:${op.tempUnitId}`, unit!.id);
        const [version] = await tx
          .insert(orgUnitVersions)
          .values({
            orgUnitId: unit!.id,
            companyId,
            nameJa: op.values.nameJa,
            nameEn: op.values.nameEn,
            parentOrgUnitId: parentOf(op.values),
            validFrom: op.validFrom,
          })
          .returning({ id: orgUnitVersions.id });
        ctx.scratch.set(`org_unit_version:${op.tempVersionId}`, version!.id);
        written.push({ entityId: unit!.id });
      } else if (op.type === "newVersion") {
        const unitId = id("org_unit", op.unitId);
        if (op.endVersionId !== null) {
          await tx
            .update(orgUnitVersions)
            .set({ validTo: addDays(op.validFrom, -1) })
            .where(eq(orgUnitVersions.id, id("org_unit_version", op.endVersionId)));
        }
        const [version] = await tx
          .insert(orgUnitVersions)
          .values({
            orgUnitId: unitId,
            companyId,
            nameJa: op.values.nameJa,
            nameEn: op.values.nameEn,
            parentOrgUnitId: parentOf(op.values),
            validFrom: op.validFrom,
            validTo: op.validTo,
          })
          .returning({ id: orgUnitVersions.id });
        ctx.scratch.set(`org_unit_version:${op.tempVersionId}`, version!.id);
        written.push({ entityId: unitId });
      } else {
        const versionId = id("org_unit_version", op.versionId);
        const [version] = await tx
          .update(orgUnitVersions)
          .set({ nameJa: op.values.nameJa, nameEn: op.values.nameEn, parentOrgUnitId: parentOf(op.values) })
          .where(eq(orgUnitVersions.id, versionId))
          .returning({ orgUnitId: orgUnitVersions.orgUnitId });
        written.push({ entityId: version!.orgUnitId });
      }
    }
    return written;
  },
};
