import { lazy } from "react";
import { Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { Layout } from "./Layout";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth } from "./RequireAuth";

const HomePage = lazy(() => import("../features/home/HomePage"));
const PeoplePage = lazy(() => import("../features/people/PeoplePage"));
const PersonPage = lazy(() => import("../features/people/PersonPage"));
const OrgPage = lazy(() => import("../features/org/OrgPage"));
const ReportsPage = lazy(() => import("../features/metrics/ReportsPage")); // disclosure report (issue 5)
const ImportsPage = lazy(() => import("../features/import/ImportsPage")); // personnel data imports (issue 4)
const ImportPage = lazy(() => import("../features/import/ImportPage")); // personnel data imports (issue 4)

// skills and learning (issue 6)
const MySkillsPage = lazy(() => import("../features/skills/MySkillsPage"));
const TeamSkillsPage = lazy(() => import("../features/skills/TeamSkillsPage"));
const JobsPage = lazy(() => import("../features/skills/JobsPage"));
const JobDescriptionPage = lazy(() => import("../features/skills/JobDescriptionPage"));
const CatalogPage = lazy(() => import("../features/learning/CatalogPage"));
const CoursePage = lazy(() => import("../features/learning/CoursePage"));
const MyLearningPage = lazy(() => import("../features/learning/MyLearningPage"));
const ApprovalsPage = lazy(() => import("../features/learning/ApprovalsPage"));
const RosterPage = lazy(() => import("../features/learning/RosterPage"));
const OjtPairPage = lazy(() => import("../features/learning/OjtPairPage"));
// end of skills and learning (issue 6)

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="org" element={<OrgPage />} />
          <Route path="reports" element={<ReportsPage />} /> {/* disclosure report (issue 5) */}
          <Route path="imports" element={<ImportsPage />} /> {/* personnel data imports (issue 4) */}
          <Route path="imports/:id" element={<ImportPage />} /> {/* personnel data imports (issue 4) */}
          {/* skills and learning (issue 6) */}
          <Route path="skills" element={<MySkillsPage />} />
          <Route path="skills/people/:id" element={<MySkillsPage />} />
          <Route path="skills/team" element={<TeamSkillsPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="jobs/:id" element={<JobDescriptionPage />} />
          <Route path="learning" element={<CatalogPage />} />
          <Route path="learning/courses/:id" element={<CoursePage />} />
          <Route path="learning/me" element={<MyLearningPage />} />
          <Route path="learning/approvals" element={<ApprovalsPage />} />
          <Route path="learning/sessions/:id" element={<RosterPage />} />
          <Route path="ojt/:id" element={<OjtPairPage />} />
          {/* end of skills and learning (issue 6) */}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
