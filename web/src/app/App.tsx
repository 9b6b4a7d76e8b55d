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
const DashboardPage = lazy(() => import("../features/metrics/DashboardPage")); // group dashboard (issue 5)
const MetricSettingsPage = lazy(() => import("../features/metrics/SettingsPage")); // figures settings (issue 5)
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
const CourseEditorPage = lazy(() => import("../features/learning/CourseEditorPage"));
const OjtPairingPage = lazy(() => import("../features/learning/OjtPairingPage"));
const ExpiringCertificationsPage = lazy(() => import("../features/learning/ExpiringCertificationsPage"));
const SkillSettingsPage = lazy(() => import("../features/skills/SkillSettingsPage"));
// end of skills and learning (issue 6)
// postings and applications (issue 7)
const PostingsBoardPage = lazy(() => import("../features/postings/BoardPage"));
const PostingPage = lazy(() => import("../features/postings/PostingPage"));
const PostingEditorPage = lazy(() => import("../features/postings/PostingEditorPage"));
const ManagePostingsPage = lazy(() => import("../features/postings/ManagePage"));
const ApplicationsPage = lazy(() => import("../features/postings/ApplicationsPage"));
const ApplicationPage = lazy(() => import("../features/postings/ApplicationPage"));
// matching and scouting (issue 7)
const ScoutingPage = lazy(() => import("../features/scouting/ScoutingPage"));
const CandidatesPage = lazy(() => import("../features/scouting/CandidatesPage"));
const MyOpportunitiesPage = lazy(() => import("../features/scouting/MyOpportunitiesPage"));
const RotationPage = lazy(() => import("../features/rotation/RotationPage"));
const RotationPlanPage = lazy(() => import("../features/rotation/RotationPlanPage"));
const MobilityFiguresPage = lazy(() => import("../features/rotation/MobilityFiguresPage"));
// career reports, work history, consent (issue 7)
const MyCareerReportPage = lazy(() => import("../features/careers/MyCareerReportPage"));
const CareerReportPage = lazy(() => import("../features/careers/ReportPage"));
const CareerManagerQueuePage = lazy(() => import("../features/careers/ManagerQueuePage"));
const HrCareerReportsPage = lazy(() => import("../features/careers/HrCareerReportsPage"));
const WorkHistoryPage = lazy(() => import("../features/careers/WorkHistoryPage"));

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
          <Route path="reports/dashboard" element={<DashboardPage />} /> {/* group dashboard (issue 5) */}
          <Route path="reports/settings" element={<MetricSettingsPage />} />{" "}
          {/* figures settings (issue 5) */}
          <Route path="imports" element={<ImportsPage />} /> {/* personnel data imports (issue 4) */}
          <Route path="imports/:id" element={<ImportPage />} /> {/* personnel data imports (issue 4) */}
          {/* skills and learning (issue 6) */}
          <Route path="skills" element={<MySkillsPage />} />
          <Route path="skills/people/:id" element={<MySkillsPage />} />
          <Route path="skills/team" element={<TeamSkillsPage />} />
          <Route path="skills/settings" element={<SkillSettingsPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="jobs/:id" element={<JobDescriptionPage />} />
          <Route path="learning" element={<CatalogPage />} />
          <Route path="learning/courses/new" element={<CourseEditorPage />} />
          <Route path="learning/courses/:id" element={<CoursePage />} />
          <Route path="learning/courses/:id/edit" element={<CourseEditorPage />} />
          <Route path="learning/ojt" element={<OjtPairingPage />} />
          <Route path="learning/certifications" element={<ExpiringCertificationsPage />} />
          <Route path="learning/me" element={<MyLearningPage />} />
          <Route path="learning/approvals" element={<ApprovalsPage />} />
          <Route path="learning/sessions/:id" element={<RosterPage />} />
          <Route path="ojt/:id" element={<OjtPairPage />} />
          {/* end of skills and learning (issue 6) */}
          {/* postings and applications (issue 7) */}
          <Route path="postings" element={<PostingsBoardPage />} />
          <Route path="postings/manage" element={<ManagePostingsPage />} />
          <Route path="postings/new" element={<PostingEditorPage />} />
          <Route path="postings/:id" element={<PostingPage />} />
          <Route path="postings/:id/edit" element={<PostingEditorPage />} />
          <Route path="applications" element={<ApplicationsPage view="mine" />} />
          <Route path="applications/release" element={<ApplicationsPage view="release" />} />
          <Route path="applications/confirm" element={<ApplicationsPage view="confirm" />} />
          <Route path="applications/:id" element={<ApplicationPage />} />
          {/* matching and scouting (issue 7) */}
          <Route path="scouting" element={<ScoutingPage />} />
          <Route path="scouting/mine" element={<MyOpportunitiesPage />} />
          <Route path="scouting/postings/:id" element={<CandidatesPage />} />
          <Route path="rotation" element={<RotationPage />} />
          <Route path="rotation/:id" element={<RotationPlanPage />} />
          <Route path="mobility/figures" element={<MobilityFiguresPage />} />
          {/* career reports, work history, consent (issue 7) */}
          <Route path="careers/report" element={<MyCareerReportPage />} />
          <Route path="careers/reports/:id" element={<CareerReportPage />} />
          <Route path="careers/manager" element={<CareerManagerQueuePage />} />
          <Route path="careers/hr" element={<HrCareerReportsPage />} />
          <Route path="careers/work-history" element={<WorkHistoryPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
