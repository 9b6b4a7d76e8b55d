import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../app/RequireAuth";
import { ErrorState } from "../../components/ErrorState";
import type { MessageKey } from "../../i18n/en";
import { useLocale, useT } from "../../i18n/locale";
import { isApiError } from "../../lib/api";
import { formatDate, todayIso } from "../../lib/dates";
import { displayName, localized } from "../../lib/names";
import { useNarrow } from "../../lib/useNarrow";
import { usePageTitle } from "../../lib/usePageTitle";
import { useCompanies, usePeople } from "../people/queries";
import { hrCompanies, useCompanyPairs, useCreatePair, useTrainers } from "./admin-queries";

/** Server refusals of a pairing, in the user's language (the server's English message otherwise). */
const PAIRING_ERRORS: [RegExp, MessageKey][] = [
  [/has not completed the OJT trainer training/, "learning.pairing.err.untrained"],
  [/may not be the trainee's line manager/, "learning.pairing.err.manager"],
  [/must work at the trainee's company/, "learning.pairing.err.otherCompany"],
  [/overlap|already (has|paired)|two trainers/i, "learning.pairing.err.overlap"],
];

/** Company HR pair new graduates with trained OJT trainers, and see the company's pairs. */
export default function OjtPairingPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useCurrentUser();
  const narrow = useNarrow();
  const companies = useCompanies();
  const scope = hrCompanies(me);
  const options = (companies.data?.items ?? [])
    .filter((c) => scope === null || scope.includes(c.id))
    .map((c) => ({ value: String(c.id), label: `${c.code} · ${localized(c.name, locale)}` }));
  const [companyValue, setCompanyValue] = useState<string | null>(null);
  const companyId = companyValue ? Number(companyValue) : options[0] ? Number(options[0].value) : null;
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q, 300);
  const people = usePeople({ companyId, q: search || undefined, limit: 30 });
  const trainers = useTrainers(companyId);
  const pairs = useCompanyPairs(companyId);
  const create = useCreatePair();
  const [trainee, setTrainee] = useState<string | null>(null);
  const [trainer, setTrainer] = useState<string | null>(null);
  // the chosen people stay choosable while the search moves on
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState("");
  const [done, setDone] = useState(false);
  usePageTitle(t("learning.pairing.title"));

  const err = isApiError(create.error) ? create.error : null;
  const explain = (message: string | undefined) => {
    if (!message) return undefined;
    const known = PAIRING_ERRORS.find(([pattern]) => pattern.test(message));
    return known ? t(known[1]) : message;
  };
  const conflict = err?.status === 409 ? t("learning.pairing.err.overlap") : undefined;
  const found = (people.data?.items ?? []).map((p) => ({
    value: String(p.id),
    label: `${displayName(p.name, locale)}${p.employeeNumber ? ` (${p.employeeNumber})` : ""}`,
  }));
  const keep = (value: string | null) =>
    value && chosen[value] && !found.some((o) => o.value === value) ? [{ value, label: chosen[value] }] : [];
  const remember = (value: string | null, options: { value: string; label: string }[]) => {
    const option = options.find((o) => o.value === value);
    if (option) setChosen((c) => ({ ...c, [option.value]: option.label }));
  };
  const traineeOptions = [...keep(trainee), ...found];
  const trainerOptions = (trainers.data?.items ?? []).map((tr) => ({
    value: String(tr.personId),
    label: `${displayName(tr.name, locale)} · ${t("learning.pairing.trainedOn", {
      date: formatDate(tr.trainedOn, locale),
    })} · ${t("learning.pairing.activePairs", { count: tr.activePairs })}`,
  }));
  // anyone else the search finds may be chosen too: the server says why they cannot train
  const trainerChoices = [
    ...trainerOptions,
    ...[...keep(trainer), ...found].filter(
      (o) => o.value !== trainee && !trainerOptions.some((tr) => tr.value === o.value),
    ),
  ];
  const submit = () => {
    if (!trainee || !trainer) return;
    setDone(false);
    create.mutate(
      {
        traineePersonId: Number(trainee),
        trainerPersonId: Number(trainer),
        validFrom,
        validTo: validTo || null,
      },
      {
        onSuccess: () => {
          setDone(true);
          setTrainee(null);
          setTrainer(null);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t("learning.pairing.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("learning.pairing.hint")}
      </Text>
      <Card padding="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("learning.pairing.company")}
              data={options}
              value={companyValue ?? options[0]?.value ?? null}
              onChange={(v) => {
                setCompanyValue(v);
                setTrainee(null);
                setTrainer(null);
                create.reset();
              }}
              allowDeselect={false}
              data-testid="pairing-company"
            />
            <TextInput
              label={t("learning.pairing.traineeSearch")}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              data-testid="pairing-search"
            />
            <Select
              label={t("learning.pairing.trainee")}
              data={traineeOptions}
              value={trainee}
              onChange={(v) => {
                remember(v, traineeOptions);
                setTrainee(v);
                create.reset();
              }}
              searchable
              nothingFoundMessage="—"
              error={explain(err?.fieldMessage("traineePersonId"))}
              data-testid="pairing-trainee"
            />
            <Select
              label={t("learning.pairing.trainer")}
              description={t("learning.pairing.trainerHint", { count: trainerOptions.length })}
              data={trainerChoices}
              value={trainer}
              onChange={(v) => {
                remember(v, trainerChoices);
                setTrainer(v);
                create.reset();
              }}
              searchable
              error={explain(err?.fieldMessage("trainerPersonId"))}
              data-testid="pairing-trainer"
            />
            <TextInput
              type="date"
              label={t("learning.pairing.validFrom")}
              value={validFrom}
              onChange={(e) => setValidFrom(e.currentTarget.value)}
              error={explain(err?.fieldMessage("validFrom"))}
              data-testid="pairing-from"
            />
            <TextInput
              type="date"
              label={t("learning.pairing.validTo")}
              value={validTo}
              onChange={(e) => setValidTo(e.currentTarget.value)}
              error={explain(err?.fieldMessage("validTo"))}
            />
          </SimpleGrid>
          {create.error && !err?.fields.length && !conflict && <ErrorState error={create.error} />}
          {conflict && (
            <Alert color="red" variant="light" role="alert">
              {conflict}
            </Alert>
          )}
          {err && err.fields.length > 0 && (
            <Alert color="red" variant="light" role="alert" data-testid="pairing-error">
              {err.fields.map((f) => explain(f.message)).join(" ")}
            </Alert>
          )}
          {done && (
            <Alert color="teal" variant="light" data-testid="pairing-done">
              {t("learning.pairing.paired")}
            </Alert>
          )}
          <Button
            onClick={submit}
            loading={create.isPending}
            disabled={!trainee || !trainer}
            w="fit-content"
            data-testid="pairing-submit"
          >
            {t("learning.pairing.pair")}
          </Button>
        </Stack>
      </Card>
      <Card padding="md">
        <Text fw={600} mb="xs">
          {t("learning.pairing.pairs")}
        </Text>
        {pairs.error && <ErrorState error={pairs.error} />}
        {!pairs.data && !pairs.error && <Skeleton h={80} />}
        {pairs.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("learning.pairing.noPairs")}
          </Text>
        )}
        {pairs.data && pairs.data.items.length > 0 && (
          <Table fz="sm" verticalSpacing={6} data-testid="pairing-list">
            <Table.Tbody>
              {pairs.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ojt/${p.id}`} size="sm">
                      {displayName(p.trainee.name, locale)}
                    </Anchor>
                    {narrow && (
                      <Text size="xs" c="dimmed">
                        {displayName(p.trainer.name, locale)}
                      </Text>
                    )}
                  </Table.Td>
                  {!narrow && <Table.Td>{displayName(p.trainer.name, locale)}</Table.Td>}
                  <Table.Td className="tz-tabular">
                    <Text size="xs">
                      {formatDate(p.validFrom, locale)}
                      {p.validTo ? ` – ${formatDate(p.validTo, locale)}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={p.status === "active" ? "teal" : "gray"}>
                      {t(`learning.pairing.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Group />
    </Stack>
  );
}
