/**
 * The import's messages to people — row errors and report texts — in English and Japanese, each under a stable
 * machine code (what scripts match on; the text may be reworded). Placeholders: `{name}`; both languages take
 * the same ones (a test checks). Rendering: messages.ts.
 */
export const IMPORT_CATALOGUE = {
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
  "cell.notInteger": { en: "{field} must be a whole number", ja: "{field}は整数にしてください" },
  "cell.notPlain": {
    en: "holds an object or array; only plain values can be imported",
    ja: "オブジェクトまたは配列が入っています。取り込めるのは単純な値だけです",
  },
  "cell.noHeader": { en: "has a value but no header", ja: "値がありますが見出しがありません" },
  "cell.excelError": { en: "holds the Excel error {error}", ja: "Excel のエラー {error} が入っています" },
  "cell.unreadable": { en: "holds a value that cannot be read", ja: "読み取れない値が入っています" },
  // what is wrong with a date ({detail} of cell.badDate)
  "date.noMonth": { en: "has no month {month}", ja: "{month}月はありません" },
  "date.noDay": {
    en: "is not a calendar date ({year}-{month} has no day {day})",
    ja: "{year}-{month} に{day}日はありません",
  },
  "date.yearRange": {
    en: "has the year {year}, outside 1900-2999",
    ja: "{year}年は1900〜2999年の範囲外です",
  },
  "date.yearDigits": { en: "has a {digits}-digit year", ja: "年が{digits}桁です" },
  "date.twoDigitYear": {
    en: 'has a two-digit year "{year}", which is ambiguous: write four digits or set centuryPivot in the mapping',
    ja: "年が2桁（「{year}」）で曖昧です。4桁で書くか、マッピングに centuryPivot を指定してください",
  },
  "date.noEraYear": { en: "has no year {year} of {era}", ja: "{era}{year}年はありません" },
  "date.outsideEra": {
    en: "is not within {era} ({start} to {end})",
    ja: "{era}の期間（{start}〜{end}）の外です",
  },
  "date.beforeEra": { en: "is not within {era} (from {start})", ja: "{era}の期間（{start}〜）の外です" },
  "date.badFormat": {
    en: "is not a date in the expected format {format}",
    ja: "指定の形式（{format}）の日付ではありません",
  },
  // the columns of the file (header row)
  "column.notAField": {
    en: 'the mapping names "{name}", which is not a field of {importKind} (fields: {fields})',
    ja: "マッピングの「{name}」は{importKind}の項目ではありません（項目：{fields}）",
  },
  "column.notInFile": {
    en: 'the mapping reads {field} from the column "{column}", which is not in the file',
    ja: "マッピングは{field}を列「{column}」から読みますが、ファイルにその列がありません",
  },
  "column.missing": {
    en: "the required column {field} ({labelJa} / {labelEn}) is missing",
    ja: "必須の列 {field}（{labelJa} / {labelEn}）がありません",
  },
  // rows
  "row.fewerValues": {
    en: "has {count} values but the header has {columns} columns: the row may be cut short",
    ja: "値が{count}個ですが見出しは{columns}列です。行が途中で切れているかもしれません",
  },
  "row.moreValues": {
    en: "has {count} values but the header has {columns} columns: a delimiter inside a value may lack quotes",
    ja: "値が{count}個ですが見出しは{columns}列です。値の中の区切り文字が引用符で囲まれていないかもしれません",
  },
  "row.inFuture": { en: "{field} {date} is in the future", ja: "{field}の{date}は未来の日付です" },
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
  // companies
  "company.badCode": {
    en: "code may contain only letters, digits, - and _",
    ja: "会社コードに使えるのは英字・数字・- と _ だけです",
  },
  "company.badCountry": {
    en: "country must be a two-letter ISO code such as JP",
    ja: "国は JP のような ISO の2文字コードにしてください",
  },
  "company.badCurrency": {
    en: "currency must be a three-letter ISO code such as JPY",
    ja: "通貨は JPY のような ISO の3文字コードにしてください",
  },
  "company.badFiscalMonth": {
    en: "fiscalYearStartMonth must be a month from 1 to 12",
    ja: "期首月（fiscalYearStartMonth）は1〜12の月にしてください",
  },
  "company.ownParent": {
    en: "a company cannot be its own parent",
    ja: "会社を自社の親会社にすることはできません",
  },
  // org units
  "orgUnit.ownParent": {
    en: "a unit cannot be its own parent",
    ja: "組織を自組織の上位組織にすることはできません",
  },
  "orgUnit.unknownParent": {
    en: 'no org unit of this company has the code "{code}" (list parent units before their children)',
    ja: "この会社に組織のコード「{code}」はありません（上位組織は下位組織より前の行に書いてください）",
  },
  "orgUnit.parentNotOpen": {
    en: "the parent unit {code} does not exist on {date}",
    ja: "上位組織 {code} は {date} に存在しません",
  },
  "orgUnit.cycle": {
    en: "a unit cannot be placed under itself or its own sub-unit",
    ja: "組織を自組織やその下位組織の下に置くことはできません",
  },
  "orgUnit.beforeFirstVersion": {
    en: "the unit {code} starts on {first}; a version before that is not imported",
    ja: "組織 {code} は {first} に始まります。それより前の版は取り込みません",
  },
  // job categories, positions, grades
  "master.valueTaken": {
    en: "{field} {value} is already used by {holder}",
    ja: "{field} {value} はすでに {holder} で使われています",
  },
  "grade.managerAndExecutive": {
    en: "a grade is manager level or executive, not both",
    ja: "等級は管理職相当か役員のどちらかです（両方にはできません）",
  },
  // skill assessments
  "assessment.selfWithAssessor": {
    en: "a self-assessment has no assessor: leave it empty",
    ja: "本人評価には評価者を指定しません。空にしてください",
  },
  "assessment.levelOutsideScale": {
    en: "level {level} is outside the scale: must be a level of the scale, 0 to {max}",
    ja: "レベル {level} は尺度の外です。0〜{max} のレベルにしてください",
  },
  "assessment.skillRetired": {
    en: "skill {code} is no longer in use",
    ja: "スキル {code} は使われなくなりました",
  },
  "assessment.assessorIsPerson": {
    en: "a {source} assessment is not by the person themself (use source self)",
    ja: "{source} の評価を本人が行うことはできません（本人の評価は source を self にしてください）",
  },
  // training completions
  "training.beforeSession": {
    en: "completedOn {completedOn} is before the session started ({sessionStartsOn})",
    ja: "修了日 {completedOn} が開催回の開始日（{sessionStartsOn}）より前です",
  },
  "training.eLearningSession": {
    en: "course {course} is e-learning, taken without a session: leave sessionStartsOn empty",
    ja: "講座 {course} は開催回のない e ラーニングです。sessionStartsOn は空にしてください",
  },
  "training.unknownSession": {
    en: "no session of course {course} starts on {date}; leave it empty when the session is not in Tekizai",
    ja: "講座 {course} に {date} 開始の開催回はありません。Tekizai にない開催回なら空にしてください",
  },
  "training.unknownSessionOf": {
    en: "no session of course {course} starts on {date} (sessions start on {starts}); leave it empty when the session is not in Tekizai",
    ja: "講座 {course} に {date} 開始の開催回はありません（開始日：{starts}）。Tekizai にない開催回なら空にしてください",
  },
  "training.recordedTwice": {
    en: "an earlier row of this file already records {course} for this person on {date}",
    ja: "このファイルの前の行に、この人の {date} の {course} 修了がすでにあります",
  },
  // generic: a message without a code of its own (file problems); shown as stored, in the importer's language
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
  "report.interrupted": {
    en: "The import was interrupted (the process stopped); nothing was written.",
    ja: "インポートは中断されました（処理が止まりました）。何も書き込まれていません。",
  },
} as const satisfies Record<string, { en: string; ja: string }>;
