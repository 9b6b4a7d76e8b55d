/**
 * The built-in import kinds, in the order the docs and the web app list them. A module with its own kinds
 * (training records, skills, ...) registers them in its own kinds file and adds an import line here.
 */
import { assignmentsKind } from "./assignments.kind";
import { companiesKind } from "./companies.kind";
import { gradesKind, jobCategoriesKind, positionsKind } from "./masters.kind";
import { orgUnitsKind } from "./org-units.kind";
import { personsKind } from "./persons.kind";
import { findImportKind, registerImportKind, registerImportKindAlias } from "./registry";
import { skillAssessmentsKind } from "./skill-assessments.kind"; // skills and learning (issue 6)
import { trainingCompletionsKind } from "./training-completions.kind"; // skills and learning (issue 6)

for (const kind of [
  companiesKind,
  orgUnitsKind,
  jobCategoriesKind,
  positionsKind,
  gradesKind,
  personsKind,
  assignmentsKind,
  skillAssessmentsKind, // skills and learning (issue 6)
  trainingCompletionsKind, // skills and learning (issue 6)
]) {
  if (!findImportKind(kind.name)) registerImportKind(kind);
}
// the first spellings of the learning kinds, still accepted so that existing scripts keep working (issue 6)
registerImportKindAlias("skill_assessments", "skill-assessments");
registerImportKindAlias("training_completions", "training-completions");

export {
  canonicalImportKindName,
  findImportKind,
  importKindNames,
  listImportKinds,
  requireImportKind,
} from "./registry";
