import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { useLogout } from "../features/auth/session";
import { useT } from "../i18n/locale";
import { useCurrentUser } from "./RequireAuth";

/** "Group HR (demo)" → "GH", "佐藤 花子" → "佐". */
function avatarText(displayName: string): string {
  const words = displayName.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0] ?? "?";
  if (/^[A-Za-z]/.test(first)) {
    return words
      .slice(0, 2)
      .map((w) => w.charAt(0))
      .join("")
      .toUpperCase();
  }
  return Array.from(first)[0] ?? "?";
}

export function UserMenu() {
  const t = useT();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const roles = [...new Set(me.roles.map((r) => r.role))];

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t("user.menu")}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={32}>
              {avatarText(me.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate>
              {me.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("user.signedInAs")}</Menu.Label>
        <div style={{ padding: "0 12px 8px" }}>
          <Text size="sm" fw={500}>
            {me.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
          <Group gap={4} mt={6}>
            {roles.map((role) => (
              <Badge key={role} size="xs" variant="light">
                {t(`role.${role}`)}
              </Badge>
            ))}
          </Group>
        </div>
        <Menu.Divider />
        {me.personId !== null && (
          <Menu.Item component={Link} to={`/people/${me.personId}`}>
            {t("user.myProfile")}
          </Menu.Item>
        )}
        <Menu.Item
          color="red"
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
        >
          {t("user.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
