/** The navigation entries of the postings and applications pages, for the signed-in user's roles. */
import type { ReactNode } from "react";
import type { Me } from "../../../../src/shared/api";
import type { MessageKey } from "../../i18n/en";
import { hasRole } from "../auth/session";

export interface PostingsNavItem {
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

const BOARD = "M4 5h16v14H4zM8 9h8M8 13h5";
const MINE = "M9 12l2 2 4-4M5 4h14v16H5z";
const MANAGE = "M4 6h16M4 12h10M4 18h7M17 15l3 3-3 3";
const RELEASE = "M5 12h14M13 6l6 6-6 6";
const CONFIRM = "M20 6L9 17l-5-5";

export function postingsNavItems(me: Me): PostingsNavItem[] {
  const items: PostingsNavItem[] = [
    {
      to: "/postings",
      label: "postings.nav.board",
      testId: "nav-postings",
      icon: <Icon d={BOARD} />,
      match: (p) => p === "/postings" || /^\/postings\/\d+$/.test(p),
    },
  ];
  if (me.personId !== null)
    items.push({
      to: "/applications",
      label: "postings.nav.mine",
      testId: "nav-my-applications",
      icon: <Icon d={MINE} />,
      match: (p) => p === "/applications" || /^\/applications\/\d+$/.test(p),
    });
  const hr = hasRole(me, "company_hr", "group_hr");
  if (hr || hasRole(me, "recruiter"))
    items.push({
      to: "/postings/manage",
      label: "postings.nav.manage",
      testId: "nav-manage-postings",
      icon: <Icon d={MANAGE} />,
      match: (p) => p.startsWith("/postings/manage") || p.startsWith("/postings/new") || p.endsWith("/edit"),
    });
  if (me.personId !== null && (me.permissions.managedOrgUnitIds.length > 0 || hasRole(me, "manager")))
    items.push({
      to: "/applications/release",
      label: "postings.nav.release",
      testId: "nav-releases",
      icon: <Icon d={RELEASE} />,
      match: (p) => p.startsWith("/applications/release"),
    });
  if (hr)
    items.push({
      to: "/applications/confirm",
      label: "postings.nav.confirm",
      testId: "nav-confirm-moves",
      icon: <Icon d={CONFIRM} />,
      match: (p) => p.startsWith("/applications/confirm"),
    });
  return items;
}
