/**
 * The built-in import kinds, in the order the docs and the web app list them. A module with its own kinds
 * (training records, skills, ...) registers them in its own kinds file and adds an import line here.
 */
import { assignmentsKind } from "./assignments.kind";
import { companiesKind } from "./companies.kind";
import { gradesKind, jobCategoriesKind, positionsKind } from "./masters.kind";
import { orgUnitsKind } from "./org-units.kind";
import { personsKind } from "./persons.kind";
import { findImportKind, registerImportKind } from "./registry";

for (const kind of [
  companiesKind,
  orgUnitsKind,
  jobCategoriesKind,
  positionsKind,
  gradesKind,
  personsKind,
  assignmentsKind,
]) {
  if (!findImportKind(kind.name)) registerImportKind(kind);
}

export { findImportKind, importKindNames, listImportKinds, requireImportKind } from "./registry";
