/** The import API's shapes as the web app reads them (see src/modules/import/import.api.ts). */
export type ImportStatus =
  | "running"
  | "previewed"
  | "applied"
  | "rejected"
  | "failed"
  | "cancelled"
  | "interrupted";

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  terminations: number;
  rejected: number;
}

export interface ImportError {
  row: number;
  column: string;
  value: string;
  /** In the language the screen asked for. */
  message: string;
  /** Stable machine code of the message (docs/import.md, "Messages and their codes"). */
  code: string;
  params: Record<string, string | number>;
}

export interface ImportSummary {
  id: number;
  kind: string;
  companyId: number | null;
  companyCode: string | null;
  status: ImportStatus;
  dryRun: boolean;
  acceptValidRows: boolean;
  via: string;
  fileName: string;
  fileSize: number;
  mappingId: number | null;
  userEmail: string | null;
  createdAt: string;
  finishedAt: string | null;
  counts: ImportCounts;
  message: string | null;
}

export interface ImportProgress {
  phase: "reading" | "writing" | "finished";
  rows: number;
  percent: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

export interface ImportChange {
  row: number;
  key: string;
  entity: string;
  action: "insert" | "update" | "new_version" | "terminate";
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export interface ImportResult extends ImportSummary {
  errorCount: number;
  errors: ImportError[];
  preview: ImportChange[];
  progress: ImportProgress | null;
}

export interface Localized {
  en: string;
  ja: string;
}

export interface ImportField {
  name: string;
  label: Localized;
  required: boolean;
  type: string;
  values?: string[];
  lookup?: string;
  defaultValue?: string;
  example: string;
}

export interface ImportKind {
  name: string;
  label: Localized;
  description: Localized;
  scope: "company" | "group";
  fields: ImportField[];
}

export interface SavedMapping {
  id: number;
  companyId: number | null;
  kind: string;
  name: string;
  definition: unknown;
  createdAt: string;
  updatedAt: string;
}

/** A field's mapping in a profile (docs/import.md, "Mapping profiles"). */
export interface FieldMapping {
  column?: string;
  constant?: string;
  trim?: boolean;
  values?: Record<string, string>;
  default?: string;
  dateFormat?: string;
  centuryPivot?: number;
  namePart?: "family" | "given";
  nameOrder?: "family_first" | "given_first";
  lookupBy?: "code" | "name";
}

export interface MappingProfile {
  format: "tekizai.import-mapping.v1";
  name: string;
  kind: string;
  encoding?: "auto" | "utf8" | "cp932";
  delimiter?: string;
  dateFormat?: string;
  centuryPivot?: number;
  fields: Record<string, FieldMapping>;
}

export const TERMINAL_STATUSES: readonly ImportStatus[] = [
  "previewed",
  "applied",
  "rejected",
  "failed",
  "cancelled",
  "interrupted",
];
