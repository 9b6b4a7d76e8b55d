/** Who sees the Reports entry: group HR (the group and every company) and company HR (their companies). */
export function canViewReports(roles: readonly { role: string }[]): boolean {
  return roles.some((r) => r.role === "group_hr" || r.role === "company_hr");
}
