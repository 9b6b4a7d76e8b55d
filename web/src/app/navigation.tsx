/**
 * The side navigation's entries for the signed-in user, grouped by area. Each feature says which entries the user
 * has (features/<area>/nav.tsx); this file sorts them into groups by path, so that a feature adding an entry
 * lands in its area without touching the layout. A group is shown only when it has an entry for the user.
 */
import type { ReactNode } from "react";
import type { Me } from "../../../src/shared/api";
import { HomeIcon, OrgIcon, PeopleIcon } from "../components/Icons";
import { careersNavItems } from "../features/careers/nav"; // career reports, work history, consent (issue 7)
import { ImportIcon } from "../features/import/ImportIcon"; // personnel data imports (issue 4)
import { canViewReports } from "../features/metrics/access"; // disclosure report (issue 5)
import { ReportIcon } from "../features/metrics/ReportIcon"; // disclosure report (issue 5)
import { postingsNavItems } from "../features/postings/nav"; // postings and applications (issue 7)
import { scoutingNavItems } from "../features/scouting/nav"; // matching and scouting (issue 7)
import { skillsNavItems } from "../features/skills/nav"; // skills and learning (issue 6)
import type { MessageKey } from "../i18n/en";

export interface NavItem {
  to: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  match: (path: string) => boolean;
}

export const NAV_GROUPS = ["people", "skills", "careers", "reports", "admin", "more"] as const;
export type NavGroupId = (typeof NAV_GROUPS)[number];

export interface NavGroup {
  id: NavGroupId;
  label: MessageKey;
  items: NavItem[];
}

/** Which group an entry belongs to, by the first segment of its path (entries of a new area go to "more"). */
const GROUP_OF_SEGMENT: Record<string, NavGroupId> = {
  people: "people",
  org: "people",
  skills: "skills",
  jobs: "skills",
  learning: "skills",
  ojt: "skills",
  postings: "careers",
  applications: "careers",
  scouting: "careers",
  rotation: "careers",
  careers: "careers",
  reports: "reports",
  imports: "admin",
  admin: "admin",
};
/** Entries filed under another area than their path says (the figures are a report). */
const GROUP_OF_PATH: Record<string, NavGroupId> = { "/mobility/figures": "reports" };

export function groupOf(to: string): NavGroupId {
  return GROUP_OF_PATH[to] ?? GROUP_OF_SEGMENT[to.split("/")[1] ?? ""] ?? "more";
}

/** Every entry the user has, in the order shown within the groups. */
function navItems(me: Me): NavItem[] {
  const items: NavItem[] = [];
  if (me.permissions.viewDirectory)
    items.push({
      to: "/people",
      label: "nav.people",
      testId: "nav-people",
      icon: <PeopleIcon />,
      match: (p) => p.startsWith("/people"),
    });
  if (me.permissions.viewOrgChart)
    items.push({
      to: "/org",
      label: "nav.org",
      testId: "nav-org",
      icon: <OrgIcon />,
      match: (p) => p.startsWith("/org"),
    });
  // disclosure report (issue 5): HR only
  if (canViewReports(me.roles))
    items.push({
      to: "/reports",
      label: "metrics.nav",
      testId: "nav-reports",
      icon: <ReportIcon />,
      match: (p) => p.startsWith("/reports"),
    });
  // personnel data imports (issue 4): HR only
  if (me.permissions.editPeople)
    items.push({
      to: "/imports",
      label: "import.nav",
      testId: "nav-imports",
      icon: <ImportIcon />,
      match: (p) => p.startsWith("/imports"),
    });
  items.push(...skillsNavItems(me)); // skills and learning (issue 6)
  items.push(...postingsNavItems(me)); // postings and applications (issue 7)
  items.push(...scoutingNavItems(me)); // matching, scouting, rotation and figures (issue 7)
  items.push(...careersNavItems(me)); // career reports, work history, consent (issue 7)
  return items;
}

/** The home entry (always first, outside the groups) and the groups the user has entries in. */
export function navigation(me: Me): { home: NavItem; groups: NavGroup[] } {
  const home: NavItem = {
    to: "/",
    label: "nav.home",
    testId: "nav-home",
    icon: <HomeIcon />,
    match: (p) => p === "/",
  };
  const items = navItems(me);
  const groups = NAV_GROUPS.map(
    (id): NavGroup => ({
      id,
      label: `nav.group.${id}`,
      items: items.filter((item) => groupOf(item.to) === id),
    }),
  ).filter((group) => group.items.length > 0);
  return { home, groups };
}
