import { Stack, Text, Title } from "@mantine/core";
import { useCurrentUser } from "../../app/RequireAuth";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate, todayIso } from "../../lib/dates";
import { displayName } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { hasRole } from "../auth/session";
import { usePerson } from "../people/queries";
import { HrOverview } from "./HrOverview";
import { MyProfileCard } from "./MyProfileCard";
import { MyTeams } from "./MyTeams";

/** Home: what the user's role needs first — own profile, the teams they head, or the group's headcount. */
export default function HomePage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const asOf = todayIso();
  const isHr = hasRole(me, "group_hr", "company_hr");
  // The person's name in the UI's language and order when the account is linked to one.
  const person = usePerson(me.personId);
  const name = person.data ? displayName(person.data.name, locale) : me.displayName;
  usePageTitle(t("nav.home"));
  const isManager = me.permissions.managedOrgUnitIds.length > 0 || hasRole(me, "manager");

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t("home.welcome", { name })}</Title>
        <Text c="dimmed" size="sm">
          {t("home.asOf", { date: formatDate(asOf, locale) })}
        </Text>
      </div>
      {isHr && <HrOverview asOf={asOf} />}
      {isManager && <MyTeams asOf={asOf} />}
      {!isHr && <MyProfileCard asOf={asOf} />}
    </Stack>
  );
}
