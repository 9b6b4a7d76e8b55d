import { AppShell, Burger, Group, NavLink, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, Suspense } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { HomeIcon, OrgIcon, PeopleIcon } from "../components/Icons";
import { LangSwitch } from "../components/LangSwitch";
import { PageLoader } from "../components/PageLoader";
import { canViewReports } from "../features/metrics/access"; // disclosure report (issue 5)
import { ReportIcon } from "../features/metrics/ReportIcon"; // disclosure report (issue 5)
import { ImportIcon } from "../features/import/ImportIcon"; // personnel data imports (issue 4)
import { skillsNavItems } from "../features/skills/nav"; // skills and learning (issue 6)
import { scoutingNavItems } from "../features/scouting/nav"; // matching and scouting (issue 7)
import { postingsNavItems } from "../features/postings/nav"; // postings and applications (issue 7)
import { careersNavItems } from "../features/careers/nav"; // career reports, work history, consent (issue 7)
import { NotificationBell } from "../features/notifications/NotificationBell"; // notifications (issue 7)
import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/locale";
import { useCurrentUser } from "./RequireAuth";
import { UserMenu } from "./UserMenu";

interface NavItem {
  to: string;
  label: MessageKey;
  testId: string;
  icon: ReactNode;
  match: (path: string) => boolean;
}

export function Layout() {
  const t = useT();
  const me = useCurrentUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  const items: NavItem[] = [
    { to: "/", label: "nav.home", testId: "nav-home", icon: <HomeIcon />, match: (p) => p === "/" },
  ];
  if (me.permissions.viewDirectory) {
    items.push({
      to: "/people",
      label: "nav.people",
      testId: "nav-people",
      icon: <PeopleIcon />,
      match: (p) => p.startsWith("/people"),
    });
  }
  if (me.permissions.viewOrgChart) {
    items.push({
      to: "/org",
      label: "nav.org",
      testId: "nav-org",
      icon: <OrgIcon />,
      match: (p) => p.startsWith("/org"),
    });
  }

  // disclosure report (issue 5): HR only
  if (canViewReports(me.roles)) {
    items.push({
      to: "/reports",
      label: "metrics.nav",
      testId: "nav-reports",
      icon: <ReportIcon />,
      match: (p) => p.startsWith("/reports"),
    });
  }

  // personnel data imports (issue 4): HR only
  if (me.permissions.editPeople) {
    items.push({
      to: "/imports",
      label: "import.nav",
      testId: "nav-imports",
      icon: <ImportIcon />,
      match: (p) => p.startsWith("/imports"),
    });
  }

  items.push(...skillsNavItems(me)); // skills and learning (issue 6)
  items.push(...postingsNavItems(me)); // postings and applications (issue 7)
  items.push(...scoutingNavItems(me)); // matching and scouting (issue 7)
  items.push(...careersNavItems(me)); // career reports, work history, consent (issue 7)

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <UnstyledButton component={Link} to="/" onClick={close}>
              <Text fw={700} size="lg" c="indigo.8" style={{ whiteSpace: "nowrap" }}>
                {t("app.name")}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell /> {/* notifications (issue 7) */}
            <LangSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={item.icon}
            active={item.match(location.pathname)}
            onClick={close}
            data-testid={item.testId}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
