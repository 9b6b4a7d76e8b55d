import {
  AppShell,
  Burger,
  Collapse,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure, useLocalStorage } from "@mantine/hooks";
import { Suspense, useEffect, useRef } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { LangSwitch } from "../components/LangSwitch";
import { PageLoader } from "../components/PageLoader";
import { NotificationBell } from "../features/notifications/NotificationBell"; // notifications (issue 7)
import { useT } from "../i18n/locale";
import { type NavGroup, type NavGroupId, type NavItem, navigation } from "./navigation";
import { useCurrentUser } from "./RequireAuth";
import { UserMenu } from "./UserMenu";

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width={14}
      height={14}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      style={{ transform: open ? "rotate(90deg)" : "none", transition: "transform 150ms ease" }}
    >
      <path d="M9 6l6 6-6 6" />
    </svg>
  );
}

function Entry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const t = useT();
  const location = useLocation();
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label)}
      leftSection={item.icon}
      active={item.match(location.pathname)}
      onClick={onNavigate}
      data-testid={item.testId}
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    />
  );
}

/** A group of entries under a header that folds it away; the user's choice is kept in this browser. */
function Section({
  group,
  open,
  onToggle,
  onNavigate,
}: {
  group: NavGroup;
  open: boolean;
  onToggle: () => void;
  onNavigate: () => void;
}) {
  const t = useT();
  const panelId = `nav-group-${group.id}-items`;
  return (
    <div data-testid={`nav-group-${group.id}`}>
      <UnstyledButton
        onClick={onToggle}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid={`nav-group-${group.id}-toggle`}
        w="100%"
        px="xs"
        py={6}
        mt={4}
        style={{ borderRadius: "var(--mantine-radius-sm)" }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: "0.04em" }}>
            {t(group.label)}
          </Text>
          <Text c="dimmed" component="span" style={{ display: "flex" }}>
            <Chevron open={open} />
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open} id={panelId} transitionDuration={150}>
        <Stack gap={0}>
          {group.items.map((item) => (
            <Entry key={item.to} item={item} onNavigate={onNavigate} />
          ))}
        </Stack>
      </Collapse>
    </div>
  );
}

export function Layout() {
  const t = useT();
  const me = useCurrentUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { home, groups } = navigation(me);
  // Groups the user folded away (all are open at first). Arriving on a page unfolds its group; the user may
  // still fold it while on the page.
  const [folded, setFolded] = useLocalStorage<NavGroupId[]>({
    key: "tekizai.nav.folded",
    defaultValue: [],
    getInitialValueInEffect: false,
  });
  const activeGroup = groups.find((group) => group.items.some((item) => item.match(location.pathname)))?.id;
  useEffect(() => {
    if (activeGroup)
      setFolded((current) =>
        current.includes(activeGroup) ? current.filter((id) => id !== activeGroup) : current,
      );
  }, [activeGroup, setFolded]);
  // Bring the entry of the page shown into view when the list is longer than the screen (after unfolding).
  const viewport = useRef<HTMLDivElement>(null);
  const activeTestId = [home, ...groups.flatMap((group) => group.items)].find((item) =>
    item.match(location.pathname),
  )?.testId;
  // Once the entry's group is unfolded (and its opening animation done).
  const activeShown = activeTestId !== undefined && !(activeGroup && folded.includes(activeGroup));
  useEffect(() => {
    if (!activeShown || !activeTestId) return;
    const timer = window.setTimeout(() => {
      const box = viewport.current;
      const active = box?.querySelector<HTMLElement>(`[data-testid="${activeTestId}"]`);
      if (!box || !active) return;
      const a = active.getBoundingClientRect();
      const v = box.getBoundingClientRect();
      if (a.top < v.top || a.bottom > v.bottom) box.scrollTop += a.top - v.top - (v.height - a.height) / 2;
    }, 250);
    return () => window.clearTimeout(timer);
  }, [activeShown, activeTestId]);
  const toggleGroup = (id: NavGroupId) =>
    setFolded(folded.includes(id) ? folded.filter((g) => g !== id) : [...folded, id]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.menu")}
              data-testid="nav-burger"
            />
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

      <AppShell.Navbar aria-label={t("nav.label")} data-testid="nav">
        <AppShell.Section grow component={ScrollArea} p="sm" type="scroll" viewportRef={viewport}>
          <Entry item={home} onNavigate={close} />
          {groups.map((group) => (
            <Section
              key={group.id}
              group={group}
              open={!folded.includes(group.id)}
              onToggle={() => toggleGroup(group.id)}
              onNavigate={close}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
