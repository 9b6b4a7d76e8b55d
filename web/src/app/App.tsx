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
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
