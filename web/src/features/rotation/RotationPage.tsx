/** HR: rotation plans — the list, a new plan, and the comparison of two plans' effects. */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { RotationPlan } from "../../../../src/shared/matching-api";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { formatDate } from "../../lib/dates";
import { localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies } from "../people/queries";
import { EffectTable } from "./EffectTable";
import { useCreatePlan, useRotationPlan, useRotationPlans } from "./queries";

function NewPlan() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const companies = useCompanies();
  const create = useCreatePlan();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [companyId, setCompanyId] = useState<string | null>(
    me.permissions.companyScope?.length ? String(me.permissions.companyScope[0]) : null,
  );
  const [effectiveOn, setEffectiveOn] = useState("");
  const options = (companies.data?.items ?? [])
    .filter((c) => me.permissions.companyScope === null || me.permissions.companyScope.includes(c.id))
    .map((c) => ({ value: String(c.id), label: localized(c.name, locale) }));
  return (
    <Card padding="sm">
      <Text fw={600} mb="xs">
        {t("rotation.new")}
      </Text>
      <Group align="flex-end" wrap="wrap" gap="xs">
        <TextInput
          label={t("rotation.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          style={{ flex: "1 1 200px" }}
          data-testid="plan-name"
        />
        <Select
          label={t("rotation.company")}
          data={options}
          value={companyId}
          onChange={setCompanyId}
          clearable={me.permissions.companyScope === null}
          style={{ flex: "1 1 180px" }}
          data-testid="plan-company"
        />
        <TextInput
          label={t("rotation.effectiveOn")}
          placeholder="YYYY-MM-DD"
          value={effectiveOn}
          onChange={(e) => setEffectiveOn(e.currentTarget.value)}
          w={150}
          data-testid="plan-date"
          error={isApiError(create.error) ? create.error.fieldMessage("effectiveOn") : undefined}
        />
        <Button
          disabled={!name.trim() || !effectiveOn}
          loading={create.isPending}
          data-testid="plan-create"
          onClick={() =>
            create.mutate(
              { name, companyId: companyId ? Number(companyId) : null, effectiveOn, note: null },
              { onSuccess: (plan) => void navigate(`/rotation/${plan.id}`) },
            )
          }
        >
          {t("rotation.create")}
        </Button>
      </Group>
      {create.error && <ErrorState error={create.error} />}
    </Card>
  );
}

function Compare({ a, b }: { a: number; b: number }) {
  const t = useT();
  const [locale] = useLocale();
  const first = useRotationPlan(a);
  const second = useRotationPlan(b);
  if (!first.data || !second.data) return <Skeleton h={200} />;
  const column = (plan: RotationPlan) => (
    <Stack gap="xs" style={{ flex: "1 1 320px", minWidth: 0 }}>
      <Text fw={600}>
        {plan.name} · {formatDate(plan.effectiveOn, locale)} ·{" "}
        {t("rotation.moves", { count: plan.moveCount })}
      </Text>
      <EffectTable effect={plan.effect} />
    </Stack>
  );
  return (
    <Card padding="sm" data-testid="plan-compare">
      <Text fw={600} mb="xs">
        {t("rotation.compareTitle")}
      </Text>
      <Group align="flex-start" wrap="wrap" gap="md">
        {column(first.data)}
        {column(second.data)}
      </Group>
    </Card>
  );
}

export default function RotationPage() {
  const t = useT();
  const [locale] = useLocale();
  const plans = useRotationPlans();
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState(false);
  usePageTitle(t("rotation.title"));
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t("rotation.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("rotation.intro")}
      </Text>
      <NewPlan />
      {plans.error && <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />}
      {!plans.data && !plans.error && <Skeleton h={200} />}
      {plans.data?.plans.length === 0 && <Text c="dimmed">{t("rotation.none")}</Text>}
      {plans.data && plans.data.plans.length > 0 && (
        <Card padding="sm">
          <Table.ScrollContainer minWidth={360}>
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {plans.data.plans.map((plan) => (
                  <Table.Tr key={plan.id} data-testid="plan-row">
                    <Table.Td w={32}>
                      <Checkbox
                        aria-label={t("rotation.compare")}
                        checked={picked.includes(plan.id)}
                        onChange={(e) =>
                          setPicked(
                            e.currentTarget.checked
                              ? [...picked, plan.id].slice(-2)
                              : picked.filter((id) => id !== plan.id),
                          )
                        }
                        data-testid="plan-pick"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/rotation/${plan.id}`}>
                        {plan.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(plan.effectiveOn, locale)}</Table.Td>
                    <Table.Td>{t("rotation.moves", { count: plan.moveCount })}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`rotation.status.${plan.status}`)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="xs" gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={picked.length !== 2}
              onClick={() => setComparing(true)}
              data-testid="plan-compare-button"
            >
              {t("rotation.compare")}
            </Button>
            {picked.length !== 2 && (
              <Text size="xs" c="dimmed">
                {t("rotation.pickTwo")}
              </Text>
            )}
          </Group>
        </Card>
      )}
      {comparing && picked.length === 2 && <Compare a={picked[0]!} b={picked[1]!} />}
    </Stack>
  );
}
