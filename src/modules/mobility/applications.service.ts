/** Alias of application.service.ts (scout acceptance imports this name); the application workflow lives there. */
export { applyToPosting } from "./application.service";
