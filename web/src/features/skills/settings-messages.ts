/**
 * Messages of the group's skill settings screen (/skills/settings), spread into skills/messages.ts.
 * `skillSettingsJa` must have exactly the keys of `skillSettingsEn`.
 */
export const skillSettingsEn = {
  "skills.nav.settings": "Skill settings",
  "skills.settings.title": "Skill settings",
  "skills.settings.intro": "Group-wide settings of skills and learning. Only group HR can change them.",
  "skills.settings.noPermission": "Only group HR can see and change the skill settings.",
  "skills.settings.rule": "Current level",
  "skills.settings.ruleHint":
    "Which assessment gives a person's current level of a skill (gaps, heat maps, matching).",
  "skills.settings.rule.latest_confirmed": "Latest confirmed level",
  "skills.settings.rule.latest_confirmed.hint": "By a manager, HR, a completed course or an import.",
  "skills.settings.rule.latest_any": "Latest assessment",
  "skills.settings.rule.latest_any.hint": "Self-assessments count too.",
  "skills.settings.reminders": "Certification expiry reminders",
  "skills.settings.remindersHint":
    "How many days before a certification expires its holder, their manager and company HR are reminded. After it expires they get one more reminder.",
  "skills.settings.leadDay": "Days before expiry",
  "skills.settings.daysSuffix": "days before",
  "skills.settings.leadDayN": "Lead time {n} (days)",
  "skills.settings.addLead": "Add a lead time",
  "skills.settings.removeLead": "Remove lead time {n}",
  "skills.settings.leadRule": "One to five lead times, each a whole number of days from 1 to 366.",
  "skills.settings.preview": "Reminders go out {days} days before expiry, and once it has expired.",
  "skills.settings.error.range": "Enter a whole number of days from 1 to 366.",
  "skills.settings.error.count": "Give one to five lead times.",
  "skills.settings.save": "Save",
  "skills.settings.saved": "Saved. The next reminder run uses these settings.",
  "skills.settings.link": "Change the lead times",
};

export const skillSettingsJa: Record<keyof typeof skillSettingsEn, string> = {
  "skills.nav.settings": "スキル設定",
  "skills.settings.title": "スキル設定",
  "skills.settings.intro": "スキルと研修のグループ共通の設定です。変更できるのはグループ人事だけです。",
  "skills.settings.noPermission": "スキル設定を表示・変更できるのはグループ人事だけです。",
  "skills.settings.rule": "現在のレベル",
  "skills.settings.ruleHint":
    "どの評価を本人のスキルの現在のレベルとするか(ギャップ、ヒートマップ、マッチングに使います)。",
  "skills.settings.rule.latest_confirmed": "確認済みの最新のレベル",
  "skills.settings.rule.latest_confirmed.hint": "上司・人事・修了した研修・インポートによる評価。",
  "skills.settings.rule.latest_any": "最新の評価",
  "skills.settings.rule.latest_any.hint": "自己評価も含めます。",
  "skills.settings.reminders": "資格の有効期限リマインダー",
  "skills.settings.remindersHint":
    "資格の有効期限の何日前に、保有者・上司・会社の人事に通知するか。期限が切れたときにもう一度通知します。",
  "skills.settings.leadDay": "期限までの日数",
  "skills.settings.daysSuffix": "日前",
  "skills.settings.leadDayN": "通知 {n}(日前)",
  "skills.settings.addLead": "通知日を追加",
  "skills.settings.removeLead": "通知 {n} を削除",
  "skills.settings.leadRule": "1〜5件、それぞれ1〜366の整数(日数)で指定します。",
  "skills.settings.preview": "有効期限の {days} 日前と、期限切れのときに通知します。",
  "skills.settings.error.range": "1〜366の整数(日数)を入力してください。",
  "skills.settings.error.count": "通知日は1〜5件にしてください。",
  "skills.settings.save": "保存",
  "skills.settings.saved": "保存しました。次回のリマインダー送信から反映されます。",
  "skills.settings.link": "通知日を変更",
};
