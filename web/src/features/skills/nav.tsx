/** The navigation entries of the skills and learning pages, for the signed-in user's roles. */
import type { ReactNode } from "react";
import type { Me } from "../../../../src/shared/api";
import type { MessageKey } from "../../i18n/en";
import { hasRole } from "../auth/session";
import {
  ApprovalIcon,
  CatalogIcon,
  CertificateIcon,
  JobIcon,
  LearningIcon,
  PairIcon,
  SettingsIcon,
  SkillsIcon,
  TeamSkillsIcon,
} from "./icons";

export interface SkillsNavItem {
  to: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  match: (path: string) => boolean;
}

export function skillsNavItems(me: Me): SkillsNavItem[] {
  const overseer =
    me.permissions.managedOrgUnitIds.length > 0 || hasRole(me, "manager", "company_hr", "group_hr");
  const items: SkillsNavItem[] = [];
  if (me.personId !== null) {
    items.push({
      to: "/skills",
      label: "skills.nav.my",
      testId: "nav-skills",
      icon: <SkillsIcon />,
      match: (p) => p === "/skills" || p.startsWith("/skills/people"),
    });
  }
  if (overseer) {
    items.push({
      to: "/skills/team",
      label: "skills.nav.team",
      testId: "nav-team-skills",
      icon: <TeamSkillsIcon />,
      match: (p) => p.startsWith("/skills/team"),
    });
  }
  items.push({
    to: "/jobs",
    label: "skills.nav.jobs",
    testId: "nav-jobs",
    icon: <JobIcon />,
    match: (p) => p.startsWith("/jobs"),
  });
  items.push({
    to: "/learning",
    label: "learning.nav.catalog",
    testId: "nav-learning",
    icon: <CatalogIcon />,
    match: (p) =>
      p === "/learning" || p.startsWith("/learning/courses") || p.startsWith("/learning/sessions"),
  });
  if (me.personId !== null) {
    items.push({
      to: "/learning/me",
      label: "learning.nav.my",
      testId: "nav-my-learning",
      icon: <LearningIcon />,
      match: (p) => p.startsWith("/learning/me") || p.startsWith("/ojt"),
    });
  }
  if (overseer) {
    items.push({
      to: "/learning/approvals",
      label: "learning.nav.approvals",
      testId: "nav-approvals",
      icon: <ApprovalIcon />,
      match: (p) => p.startsWith("/learning/approvals"),
    });
    items.push({
      to: "/learning/certifications",
      label: "learning.nav.expiring",
      testId: "nav-expiring-certifications",
      icon: <CertificateIcon />,
      match: (p) => p.startsWith("/learning/certifications"),
    });
  }
  if (hasRole(me, "company_hr", "group_hr")) {
    items.push({
      to: "/learning/ojt",
      label: "learning.nav.ojtPairs",
      testId: "nav-ojt-pairs",
      icon: <PairIcon />,
      match: (p) => p.startsWith("/learning/ojt"),
    });
  }
  if (hasRole(me, "group_hr")) {
    items.push({
      to: "/skills/settings",
      label: "skills.nav.settings",
      testId: "nav-skill-settings",
      icon: <SettingsIcon />,
      match: (p) => p.startsWith("/skills/settings"),
    });
  }
  return items;
}
