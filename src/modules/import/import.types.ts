/**
 * The import framework's contract. An import kind (companies, org units, persons, assignments, and later
 * training records, skills, ...) declares its canonical fields and how a validated row is diffed against the
 * database (plan) and written (apply). Everything else — reading CSV/Excel/JSON, encodings, mapping profiles,
 * typed parsing, the dry run, all-or-nothing, history, jobs, HTTP and CLI — is the framework's.
 */
import type { Db } from "../../db/client";
import type { LocalizedName } from "../../shared/api";
import type { ImportMessageCode, MessageParams } from "./messages";

export type FieldType = "string" | "date" | "number" | "enum" | "boolean" | "code-lookup";

/** One canonical field of a kind: the column of its template and the target of a mapping. */
export interface CanonicalField {
  /** Canonical column name (the English template header), e.g. `employeeNumber`. */
  name: string;
  label: LocalizedName;
  required: boolean;
  type: FieldType;
  /** For enum: the allowed values. */
  values?: readonly string[];
  /** For code-lookup: what the code refers to (documentation). */
  lookup?: "org_unit" | "grade" | "position" | "job_category" | "company" | "employee";
  /** For string: the longest value accepted. */
  maxLength?: number;
  /** For number: inclusive bounds. */
  min?: number;
  max?: number;
  /** Value used when the column is absent or the cell empty (as text, parsed like a cell). */
  defaultValue?: string;
  description: LocalizedName;
  example: string;
}

/** A parsed cell: text, ISO date, number or boolean; null when empty. Code-lookups stay text (the code). */
export type FieldValue = string | number | boolean | null;
export type ParsedRow = Readonly<Record<string, FieldValue>>;

/**
 * A problem with one row, naming the canonical field (the framework turns it into the source column). Made
 * with `importMessage(field, code, params)`: the code is stable, the params are language-neutral, and the
 * error is rendered in the language of whoever reads it.
 */
export interface RowIssue {
  field: string;
  /** The English text (what tests and logs read). */
  message: string;
  /** The stable machine code and the values of the message (messages.catalogue.ts). */
  code: ImportMessageCode;
  params: MessageParams;
}

/** How a planned row compares with the database. */
export type RowOutcome = "new" | "changed" | "unchanged";

/** One record written by an import: what the history keeps (import_changes) and the preview shows. */
export interface ChangeRecord {
  entity: string;
  /** The written record's id; undefined until applied for new records. */
  entityId?: number;
  personId?: number | null;
  action: "insert" | "update" | "new_version" | "terminate";
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** One planned write and the change it makes (what the preview shows and import_changes keeps). */
export interface PlannedStep<Op> {
  op: Op;
  change: ChangeRecord;
}

export interface PlannedRow<Op> {
  outcome: RowOutcome;
  /** The row records a termination not yet in the database (counted besides new/changed). */
  termination?: boolean;
  /** What the applier writes, in file order (none when unchanged). */
  steps: PlannedStep<Op>[];
}

export type PlanResult<Op> = PlannedRow<Op> | { issues: RowIssue[] };

/** Who and where: the company rows belong to (null for group-level kinds) and the import's "today". */
export interface KindContext {
  companyId: number | null;
  today: string;
  /** How each code-lookup field matches (the mapping's lookupBy): by code (default) or by name. */
  lookupBy: Readonly<Record<string, "code" | "name">>;
  /**
   * Fields the file does not give (no column, constant or default in the mapping). New records take the
   * field's default; existing records keep their value — a file without a manager column does not erase
   * managers.
   */
  absentFields: ReadonlySet<string>;
}

/** A planned op with its row's number and key, handed to the applier in batches. */
export interface OpEnvelope<Op> {
  rowNumber: number;
  key: string;
  op: Op;
}

/** What the applier reports for each op: the written record's id (and person, when it concerns one). */
export interface WrittenRecord {
  entityId: number;
  personId?: number | null;
}

/**
 * An import kind. `State` is what the planner knows about the database (loaded once, then updated in memory
 * as rows are planned, so that later rows of the same file see earlier ones); `Op` is one planned write.
 */
export interface ImportKind<Row = unknown, State = unknown, Op = unknown> {
  name: string;
  label: LocalizedName;
  description: LocalizedName;
  /** company: rows belong to the import's company; group: the rows are group-level (companies), group HR only. */
  scope: "company" | "group";
  fields: readonly CanonicalField[];
  /** Builds the typed row and checks rules across its fields (hire before termination, ...). */
  toRow(values: ParsedRow, ctx: KindContext): { row: Row } | { issues: RowIssue[] };
  /** The row's identity in the file (duplicates within a file are refused) and in the history. */
  key(row: Row): string;
  loadState(db: Db, ctx: KindContext): Promise<State>;
  /**
   * Optional batched lookups: called with a chunk of rows (file order, up to PREFETCH_ROWS) before they are
   * planned, to add what they refer to to the state in one query instead of loading everything up front.
   */
  prefetch?(db: Db, rows: readonly Row[], state: State, ctx: KindContext): Promise<void>;
  plan(row: Row, state: State, ctx: KindContext): PlanResult<Op>;
  /**
   * Writes a batch of ops inside the import's transaction, returning one WrittenRecord per op, in order.
   * Ops come in file order and a batch never splits one row's ops. `scratch` is per-import memory, e.g.
   * the real ids of records that earlier batches inserted under temporary (negative) ids.
   */
  apply(
    tx: Db,
    ops: OpEnvelope<Op>[],
    ctx: KindContext & { scratch: Map<string, number> },
  ): Promise<WrittenRecord[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds kinds of every row/state/op type; each kind is typed where it is defined.
export type AnyImportKind = ImportKind<any, any, any>;
