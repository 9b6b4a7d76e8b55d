/** HR: one rotation plan — its moves (fit, wishes, tenure), its effect per unit, and approve / commit / discard. */
import { Alert, Badge, Button, Card, Group, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { useLocale, useT } from "../../i18n/locale";
import { formatDate } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { usePageTitle } from "../../lib/usePageTitle";
import { useOrgChart, usePeople } from "../people/queries";
import { ScoreBar } from "../scouting/Explanation";
import { EditPlanForm } from "./EditPlanForm";
import { EffectTable } from "./EffectTable";
import { useAddMove, usePlanAction, useRemoveMove, useRotationPlan } from "./queries";

function AddMove({
  planId,
  effectiveOn,
  companyId,
}: {
  planId: number;
  effectiveOn: string;
  companyId: number | null;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [search, setSearch] = useState("");
  const [personId, setPersonId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const people = usePeople({
    q: search.trim().length >= 1 ? search : null,
    asOf: effectiveOn,
    limit: 20,
    companyId,
  });
  const chart = useOrgChart(effectiveOn, companyId);
  const add = useAddMove(planId);
  const unitOptions = (chart.data?.companies ?? []).flatMap((c) =>
    c.units.map((u) => ({
      value: String(u.id),
      label: `${localized(u.name, locale)} (${localized(c.company.name, locale)})`,
    })),
  );
  return (
    <Card padding="sm">
      <Text fw={600} mb="xs">
        {t("rotation.addMove")}
      </Text>
      <Group align="flex-end" wrap="wrap" gap="xs">
        <Select
          label={t("rotation.person")}
          placeholder={t("rotation.personSearch")}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={(people.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: displayName(p.name, locale),
          }))}
          value={personId}
          onChange={setPersonId}
          filter={({ options }) => options}
          style={{ flex: "1 1 220px" }}
          data-testid="move-person"
        />
        <Select
          label={t("rotation.toUnit")}
          searchable
          data={unitOptions}
          value={unitId}
          onChange={setUnitId}
          style={{ flex: "1 1 220px" }}
          data-testid="move-unit"
        />
        <Button
          disabled={!personId || !unitId}
          loading={add.isPending}
          data-testid="move-add"
          onClick={() =>
            add.mutate(
              {
                personId: Number(personId),
                toOrgUnitId: Number(unitId),
                toPositionId: null,
                toGradeId: null,
                note: null,
              },
              { onSuccess: () => setPersonId(null) },
            )
          }
        >
          {t("rotation.add")}
        </Button>
      </Group>
      {add.error && <ErrorState error={add.error} />}
    </Card>
  );
}

export default function RotationPlanPage() {
  const t = useT();
  const [locale] = useLocale();
  const planId = Number(useParams().id);
  const plan = useRotationPlan(planId);
  const action = usePlanAction(planId);
  const remove = useRemoveMove(planId);
  const [editing, setEditing] = useState(false);
  usePageTitle(plan.data?.name ?? t("rotation.title"));
  if (plan.error) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton h={400} />;
  const p = plan.data;
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>{p.name}</Title>
          <Text size="sm" c="dimmed">
            {t("rotation.effectiveOn")}: {formatDate(p.effectiveOn, locale)} ·{" "}
            {t("rotation.moves", { count: p.moveCount })}
          </Text>
          {p.note && (
            <Text size="sm" data-testid="plan-note">
              {p.note}
            </Text>
          )}
        </div>
        <Badge size="lg" variant="light" data-testid="plan-status">
          {t(`rotation.status.${p.status}`)}
        </Badge>
      </Group>
      {p.status === "committed" && (
        <Alert color="teal" variant="light" data-testid="plan-committed">
          {t("rotation.committed", { date: formatDate(p.effectiveOn, locale) })}
        </Alert>
      )}
      {action.error && <ErrorState error={action.error} />}
      <Group gap="xs">
        {p.status === "draft" && (
          <Button
            onClick={() => action.mutate("approve")}
            loading={action.isPending}
            data-testid="plan-approve"
          >
            {t("rotation.approve")}
          </Button>
        )}
        {p.status === "approved" && (
          <Button
            color="teal"
            onClick={() => action.mutate("commit")}
            loading={action.isPending}
            data-testid="plan-commit"
          >
            {t("rotation.commit")}
          </Button>
        )}
        {(p.status === "draft" || p.status === "approved") && !editing && (
          <Button variant="default" onClick={() => setEditing(true)} data-testid="plan-edit">
            {t("rotation.edit.open")}
          </Button>
        )}
        {(p.status === "draft" || p.status === "approved") && (
          <Button variant="subtle" color="red" onClick={() => action.mutate("discard")}>
            {t("rotation.discard")}
          </Button>
        )}
      </Group>
      {editing && (p.status === "draft" || p.status === "approved") && (
        <EditPlanForm plan={p} onDone={() => setEditing(false)} />
      )}
      {p.status === "draft" && <AddMove planId={p.id} effectiveOn={p.effectiveOn} companyId={p.companyId} />}
      <Title order={3}>{t("rotation.effect")}</Title>
      <Card padding="sm">
        <EffectTable effect={p.effect} />
      </Card>
      {p.moves.map((move) => (
        <Card key={move.id} padding="sm" data-testid="plan-move">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0, flex: "1 1 240px" }}>
              <Text fw={600}>{displayName(move.person.name, locale)}</Text>
              <Text size="xs" c="dimmed">
                {move.person.orgUnit ? localized(move.person.orgUnit.name, locale) : "–"} →{" "}
                {localized(move.to.orgUnit.name, locale)} ({localized(move.to.company.name, locale)})
                {move.to.position ? ` · ${localized(move.to.position.name, locale)}` : ""}
              </Text>
              {move.tenure && (
                <Text size="xs">
                  {t("rotation.tenure", { unit: move.tenure.unitMonths, company: move.tenure.companyMonths })}
                </Text>
              )}
            </div>
            <Group gap="xs">
              {move.fit ? (
                <ScoreBar score={move.fit.score} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t("rotation.noFit")}
                </Text>
              )}
              {p.status === "draft" && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(move.id)}>
                  {t("rotation.remove")}
                </Button>
              )}
            </Group>
          </Group>
          <Group gap={6} mt={6}>
            {move.fit?.skills.map((line) => (
              <Badge
                key={line.skill.id}
                size="sm"
                variant="light"
                color={line.status === "has" ? "teal" : line.status === "gap" ? "orange" : "red"}
              >
                {localized(line.skill.name, locale)} {line.personLevel ?? "–"}/{line.level}
              </Badge>
            ))}
            {move.wishes.map((wish) => (
              <Badge key={wish.kind} size="sm" variant="outline" color={wish.fits ? "teal" : "red"}>
                {t(`scouting.wish.${wish.kind}`)} —{" "}
                {t(wish.fits ? "scouting.wish.fits" : "scouting.wish.conflicts")}
              </Badge>
            ))}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
