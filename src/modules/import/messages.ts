import type { Locale } from "../../shared/enums";
import type { RowIssue } from "./import.types";

/**
 * The import's messages to people — row errors and report texts — in English and Japanese, each with a stable
 * machine `code` (what scripts match on; the text may be reworded). A message is rendered in the locale of
 * whoever started the import (the user's language in the web app; `--lang` or TEKIZAI_DEFAULT_LOCALE in the CLI).
 * Placeholders: `{name}`. A kind that has not moved its messages here reports them under `row.invalid`, in English.
 */
const CATALOGUE = {
  // cells
  "cell.required": { en: "{field} is required", ja: "{field}は必須です" },
  "cell.tooLong": {
    en: "{field} is longer than {max} characters",
    ja: "{field}が{max}文字を超えています",
  },
  "cell.notNumber": { en: "{field} is not a number", ja: "{field}が数値ではありません" },
  "cell.tooSmall": { en: "{field} must be at least {min}", ja: "{field}は{min}以上にしてください" },
  "cell.tooLarge": { en: "{field} must be at most {max}", ja: "{field}は{max}以下にしてください" },
  "cell.notInList": {
    en: "{field} must be one of: {values}",
    ja: "{field}は次のいずれかにしてください：{values}",
  },
  "cell.notBoolean": {
    en: "{field} must be true or false (yes/no, 1/0)",
    ja: "{field}は true か false（yes/no、1/0、はい/いいえ）にしてください",
  },
  "cell.badDate": { en: "{field} {detail}", ja: "{field}が日付として読めません（{detail}）" },
  // rows
  "row.duplicate": {
    en: "duplicate of row {earlier} (the same {what} key {key})",
    ja: "{earlier}行目と重複しています（同じ{what}のキー {key}）",
  },
  "row.futureDate": {
    en: "{field} {date} is more than a year in the future",
    ja: "{field}の{date}は1年以上先の日付です",
  },
  "lookup.unknownCode": {
    en: 'no {what} of this company has the code "{code}"',
    ja: "この会社に{what}のコード「{code}」はありません",
  },
  "lookup.unknownName": {
    en: 'no {what} of this company is named "{name}"',
    ja: "この会社に名前が「{name}」の{what}はありません",
  },
  "lookup.ambiguousName": {
    en: 'several {what}s are named "{name}" ({codes}): use codes',
    ja: "名前が「{name}」の{what}が複数あります（{codes}）：コードを使ってください",
  },
  "employee.unknown": {
    en: "no employee of this company has the number {number}",
    ja: "この会社に社員番号 {number} の社員はいません",
  },
  "employee.notEmployed": {
    en: "employee {number} is not employed on {date} (employed {spans})",
    ja: "社員 {number} は {date} に在籍していません（在籍期間：{spans}）",
  },
  // persons
  "person.hireAfterTermination": {
    en: "the hire date {hireDate} is after the termination date {terminationDate}",
    ja: "入社日 {hireDate} が退職日 {terminationDate} より後です",
  },
  "person.reasonRequired": {
    en: "terminationReason is required with a termination date",
    ja: "退職日には退職理由（terminationReason）が必要です",
  },
  "person.reasonWithoutDate": {
    en: "a termination reason is given without a termination date",
    ja: "退職日がないのに退職理由があります",
  },
  "person.birthNotBeforeHire": {
    en: "the birth date {birthDate} is not before the hire date {hireDate}",
    ja: "生年月日 {birthDate} が入社日 {hireDate} より前ではありません",
  },
  "person.badEmail": { en: "email is not an email address", ja: "メールアドレスの形式ではありません" },
  "person.placementNeedsUnit": {
    en: "a position or grade needs the org unit of the assignment",
    ja: "職位・等級には配属先の組織コードが必要です",
  },
  "person.differentHireDate": {
    en: "employee {number} was hired on {hireDate}{left}; a different hire date is a rehire only after the termination",
    ja: "社員 {number} は {hireDate} に入社しています{left}。別の入社日は退職後の再入社の場合だけ取り込めます",
  },
  "person.reinstatement": {
    en: "employee {number} is recorded as terminated on {terminationDate}; the file has no termination date (a reinstatement is not imported)",
    ja: "社員 {number} は {terminationDate} に退職済みですが、ファイルに退職日がありません（復職は取り込みません）",
  },
  "person.assignmentsAfterTermination": {
    en: "assignments start after {terminationDate} (on {from}): move or remove them first",
    ja: "{terminationDate} より後に始まる配属があります（{from}）。先に変更または削除してください",
  },
  "move.outsideEmployment": {
    en: "the effective date {date} is outside the employment ({hireDate} to {lastDay})",
    ja: "発令日 {date} が雇用期間（{hireDate}〜{lastDay}）の外です",
  },
  "move.needsDate": {
    en: "the org unit, position or grade differs from the last assignment before the termination on {lastDay}: give effectiveDate for the change",
    ja: "退職日 {lastDay} 時点の配属と組織・職位・等級が異なります。変更の発令日（effectiveDate）を指定してください",
  },
  // assignments
  "assignment.endBeforeStart": {
    en: "validTo {validTo} is before validFrom {validFrom}",
    ja: "終了日 {validTo} が発令日 {validFrom} より前です",
  },
  "assignment.afterTermination": {
    en: "validTo is after the termination date {terminationDate}",
    ja: "終了日が退職日 {terminationDate} より後です",
  },
  "assignment.overlaps": {
    en: "overlaps the {kind} assignment from {from}",
    ja: "{from} からの{kind}配属と期間が重なります",
  },
  "assignment.unitTaken": {
    en: "the employee is already assigned ({kind}) to this org unit from {from}",
    ja: "この社員はすでに {from} からこの組織に配属（{kind}）されています",
  },
  "assignment.hostUnitRequired": {
    en: "a secondment needs hostCompanyCode: the group company whose org unit the employee is seconded to",
    ja: "出向には出向先の会社コード（hostCompanyCode）が必要です",
  },
  "assignment.unknownHost": {
    en: 'no group company has the code "{code}"',
    ja: "グループ会社にコード「{code}」の会社はありません",
  },
  "assignment.hostIsEmployer": {
    en: "the host company of a secondment is another group company, not the employing one",
    ja: "出向先は雇用元以外のグループ会社にしてください",
  },
  "assignment.hostOnlyForSecondment": {
    en: "hostCompanyCode is only for kind secondment",
    ja: "出向先の会社コードは配属区分が出向（secondment）の場合だけ指定できます",
  },
  // matching across group companies
  "match.ambiguous": {
    en: "{count} people of the group match by {rule} (person ids {ids}): give groupPersonId — the person's id, or new for a different person",
    ja: "グループ内の{count}人が{rule}で一致します（人ID {ids}）。groupPersonId に本人の ID、別人なら new を指定してください",
  },
  "match.badGroupPersonId": {
    en: "groupPersonId is a person id (a whole number) or new",
    ja: "groupPersonId は個人ID（整数）または new にしてください",
  },
  "match.matchedTwice": {
    en: "person {id} is matched by an earlier row of this file",
    ja: "ID {id} の人はこのファイルの前の行ですでに一致しています",
  },
  "match.unknownGroupPerson": {
    en: "no person of the group has the id {id}",
    ja: "グループに ID {id} の人はいません",
  },
  "match.groupPersonDiffers": {
    en: "person {id} has another {field} ({existing}): check the id",
    ja: "ID {id} の人の{field}（{existing}）と一致しません。ID を確認してください",
  },
  // generic, for kinds that still report in English
  "row.invalid": { en: "{message}", ja: "{message}" },
  // report texts
  "report.fileRefused": {
    en: "The file was not imported: {reason}",
    ja: "ファイルは取り込まれませんでした：{reason}",
  },
  "report.rowsRejected": {
    en: "{rejected} of {rows} rows were rejected, so nothing was imported (all or nothing). Fix them, or import with acceptValidRows to apply the {valid} valid rows.",
    ja: "{rows}行中{rejected}行にエラーがあるため、何も取り込まれませんでした（全件か無か）。修正するか、acceptValidRows を指定して正しい{valid}行だけを取り込んでください。",
  },
  "report.cancelled": {
    en: "The import was cancelled; nothing was written.",
    ja: "インポートは取り消されました。何も書き込まれていません。",
  },
  "report.failed": {
    en: "The import failed and nothing was written: {reason}",
    ja: "インポートに失敗しました。何も書き込まれていません：{reason}",
  },
  "report.columnProblems": { en: "{count} problems with the columns", ja: "列に{count}件の問題があります" },
} as const satisfies Record<string, { en: string; ja: string }>;

export type ImportMessageCode = keyof typeof CATALOGUE;
export type MessageParams = Readonly<Record<string, string | number>>;

export const IMPORT_MESSAGE_CODES = Object.keys(CATALOGUE) as ImportMessageCode[];

/** Words the messages take as `{what}` or `{kind}`, in both languages. */
const NOUNS: Record<string, { en: string; ja: string }> = {
  "org unit": { en: "org unit", ja: "組織" },
  position: { en: "position", ja: "職位" },
  grade: { en: "grade", ja: "等級" },
  "job category": { en: "job category", ja: "職種" },
  company: { en: "company", ja: "会社" },
  primary: { en: "primary", ja: "主務" },
  secondary: { en: "secondary", ja: "兼務" },
  secondment: { en: "secondment", ja: "出向" },
};

export function renderImportMessage(
  locale: Locale,
  code: ImportMessageCode,
  params: MessageParams = {},
): string {
  return CATALOGUE[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if ((name === "what" || name === "kind") && typeof value === "string" && NOUNS[value])
      return NOUNS[value][locale];
    return String(value);
  });
}

/** A row issue with its code; `message` is the English text (what tests and logs read). */
export function importMessage(field: string, code: ImportMessageCode, params: MessageParams = {}): RowIssue {
  return { field, code, params, message: renderImportMessage("en", code, params) };
}

/** The text of an issue in a locale (issues without a code are English only). */
export function issueText(issue: RowIssue, locale: Locale): string {
  return issue.code ? renderImportMessage(locale, issue.code, issue.params) : issue.message;
}
