/** The navigation entries of matching, scouting, rotation plans and mobility figures (issue 7, M3), by role. */
import type { ReactNode } from "react";
import type { Me } from "../../../../src/shared/api";
import type { MessageKey } from "../../i18n/en";

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      {children}
    </svg>
  );
}

const ScoutIcon = () => (
  <Svg>
    <circle cx="10" cy="10" r="6" />
    <path d="M14.5 14.5 20 20" />
    <path d="M10 7v6M7 10h6" />
  </Svg>
);
const RotationIcon = () => (
  <Svg>
    <path d="M4 12a8 8 0 0 1 14-5.3L20 9" />
    <path d="M20 4v5h-5" />
    <path d="M20 12a8 8 0 0 1-14 5.3L4 15" />
    <path d="M4 20v-5h5" />
  </Svg>
);
const FiguresIcon = () => (
  <Svg>
    <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
  </Svg>
);
const OpportunityIcon = () => (
  <Svg>
    <path d="M4 20V8l8-4 8 4v12" />
    <path d="M9 20v-6h6v6" />
  </Svg>
);

export interface ScoutingNavItem {
  to: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  match: (path: string) => boolean;
}

export function scoutingNavItems(me: Me): ScoutingNavItem[] {
  const items: ScoutingNavItem[] = [];
  if (me.personId !== null) {
    items.push({
      to: "/scouting/mine",
      label: "scouting.nav.mine",
      testId: "nav-opportunities",
      icon: <OpportunityIcon />,
      match: (p) => p === "/scouting/mine",
    });
  }
  if (me.permissions.recruit) {
    items.push({
      to: "/scouting",
      label: "scouting.nav.recruit",
      testId: "nav-scouting",
      icon: <ScoutIcon />,
      match: (p) => p === "/scouting" || p.startsWith("/scouting/postings"),
    });
  }
  const hr = me.permissions.companyScope === null || me.permissions.companyScope.length > 0;
  if (me.permissions.editPeople && hr) {
    items.push({
      to: "/rotation",
      label: "rotation.nav",
      testId: "nav-rotation",
      icon: <RotationIcon />,
      match: (p) => p.startsWith("/rotation"),
    });
    items.push({
      to: "/mobility/figures",
      label: "mobilityFigures.nav",
      testId: "nav-mobility-figures",
      icon: <FiguresIcon />,
      match: (p) => p.startsWith("/mobility/figures"),
    });
  }
  return items;
}
