/** Every table, for drizzle's typed handle and drizzle-kit's migration generator. */

export * from "../metrics/metrics.schema"; // human-capital metrics and disclosure report (issue 5)
export * from "../modules/audit/audit.schema";
export * from "../modules/auth/auth.schema";
export * from "../modules/import/import.schema"; // import framework (issue 4)
export * from "../modules/learning/learning.schema"; // skills and learning (issue 6)
export * from "../modules/mobility/mobility.schema"; // internal mobility (issue 7)
export * from "../modules/notifications/notifications.schema"; // in-app and e-mail notifications (issue 7)
export * from "../modules/ojt/ojt.schema"; // skills and learning (issue 6)
export * from "../modules/org/org.schema";
export * from "../modules/people/people.schema";
export * from "../modules/scim/scim.schema"; // SCIM 2.0 provisioning (issue 4)
export * from "../modules/skills/current-levels.schema"; // current skill levels, derived (issue 7 matching)
export * from "../modules/skills/skills.schema"; // skills and learning (issue 6)
export * from "./meta.schema";
