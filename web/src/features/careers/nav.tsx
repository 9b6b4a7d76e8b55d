/** The navigation entries of the careers pages, for the signed-in user's roles. */
import type { ReactNode } from "react";
import type { Me } from "../../../../src/shared/api";
import type { MessageKey } from "../../i18n/en";
import { hasRole } from "../auth/session";

export interface CareersNavItem {
  to: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  match: (path: string) => boolean;
}

function Icon({ d }: { d: string }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      <path d={d} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function careersNavItems(me: Me): CareersNavItem[] {
  const items: CareersNavItem[] = [];
  if (me.personId !== null) {
    items.push(
      {
        to: "/careers/report",
        label: "careers.nav.report",
        testId: "nav-career-report",
        icon: <Icon d="M6 3h9l3 3v15H6zM9 12h6M9 16h6" />,
        match: (p) => p === "/careers/report",
      },
      {
        to: "/careers/work-history",
        label: "careers.nav.history",
        testId: "nav-work-history",
        icon: <Icon d="M4 7h16v12H4zM9 7V4h6v3" />,
        match: (p) => p.startsWith("/careers/work-history"),
      },
    );
  }
  if (me.personId !== null && (hasRole(me, "manager") || me.permissions.managedOrgUnitIds.length > 0)) {
    items.push({
      to: "/careers/manager",
      label: "careers.nav.manager",
      testId: "nav-career-manager",
      icon: <Icon d="M4 5h16v11H8l-4 4z" />,
      match: (p) => p.startsWith("/careers/manager"),
    });
  }
  if (hasRole(me, "company_hr", "group_hr")) {
    items.push({
      to: "/careers/hr",
      label: "careers.nav.hr",
      testId: "nav-career-hr",
      icon: <Icon d="M4 20V10M10 20V4M16 20v-7M22 20H2" />,
      match: (p) => p.startsWith("/careers/hr"),
    });
  }
  return items;
}
