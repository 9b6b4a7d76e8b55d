/** Every table, for drizzle's typed handle and drizzle-kit's migration generator. */
export * from "./meta.schema";
export * from "../modules/org/org.schema";
export * from "../modules/people/people.schema";
export * from "../modules/auth/auth.schema";
export * from "../modules/audit/audit.schema";
export * from "../modules/import/import.schema"; // import framework (issue 4)
