import { Button, Collapse, Grid, Select, Switch, TextInput } from "@mantine/core";
import { useState } from "react";
import { EMPLOYMENT_TYPES } from "../../../../src/shared/enums";
import { FilterIcon } from "../../components/Icons";
import { useLocale, useT } from "../../i18n/locale";
import { compareCompanies } from "../../lib/companies";
import { isIsoDate, todayIso } from "../../lib/dates";
import { localized } from "../../lib/names";
import { buildUnitTree, flattenTree } from "../../lib/orgTree";
import { useCompanies, useGrades, useOrgChart } from "./queries";
import { SearchBox } from "./SearchBox";
import type { PeopleParams, PeopleParamsPatch } from "./usePeopleParams";

interface PeopleFiltersProps {
  params: PeopleParams;
  update: (patch: PeopleParamsPatch) => void;
  /** Phones: everything but the search box folds away behind a button. */
  narrow: boolean;
}

const CLEARED: PeopleParamsPatch = {
  q: "",
  companyId: null,
  orgUnitId: null,
  gradeId: null,
  employmentType: null,
  asOf: null,
  includeInactive: false,
};

export function PeopleFilters({ params, update, narrow }: PeopleFiltersProps) {
  const t = useT();
  const [locale] = useLocale();
  const [showFilters, setShowFilters] = useState(false);
  const asOf = params.asOf ?? todayIso();
  const companies = useCompanies();
  const grades = useGrades(params.companyId);
  const chart = useOrgChart(asOf, params.companyId, params.companyId !== null);

  const companyData = [...(companies.data?.items ?? [])]
    .sort(compareCompanies)
    .map((c) => ({ value: String(c.id), label: `${localized(c.name, locale)} (${c.code})` }));
  const unitNodes = flattenTree(buildUnitTree(chart.data?.companies[0]?.units ?? []));
  const unitDepth = new Map(unitNodes.map((node) => [String(node.unit.id), node.depth]));
  const unitData = unitNodes.map((node) => ({
    value: String(node.unit.id),
    label: localized(node.unit.name, locale),
  }));
  const gradeData = [...(grades.data?.items ?? [])]
    .sort((a, b) => a.rank - b.rank || a.id - b.id)
    .map((g) => ({ value: String(g.id), label: `${g.code} ${localized(g.name, locale)}` }));
  const typeData = EMPLOYMENT_TYPES.map((type) => ({ value: type, label: t(`employmentType.${type}`) }));
  const toId = (v: string | null) => (v ? Number(v) : null);
  const activeCount = [
    params.companyId,
    params.orgUnitId,
    params.gradeId,
    params.employmentType,
    params.asOf,
    params.includeInactive || null,
  ].filter((v) => v !== null).length;
  const pickCompany = params.companyId === null ? t("people.pickCompanyFirst") : t("people.any");

  const filters = (
    <>
      <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
        <TextInput
          label={t("people.asOf")}
          type="date"
          value={asOf}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v === "" || isIsoDate(v)) update({ asOf: v === "" || v === todayIso() ? null : v });
          }}
          data-testid="people-asof"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
        <Switch
          label={t("people.includeInactive")}
          checked={params.includeInactive}
          onChange={(e) => update({ includeInactive: e.currentTarget.checked })}
          data-testid="people-include-inactive"
          mb={8}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <Select
          label={t("people.company")}
          placeholder={t("people.any")}
          data={companyData}
          value={params.companyId === null ? null : String(params.companyId)}
          onChange={(v) => update({ companyId: toId(v), orgUnitId: null, gradeId: null })}
          searchable
          clearable
          data-testid="people-company"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <Select
          label={t("people.orgUnit")}
          placeholder={pickCompany}
          data={unitData}
          value={params.orgUnitId === null ? null : String(params.orgUnitId)}
          onChange={(v) => update({ orgUnitId: toId(v) })}
          disabled={params.companyId === null}
          renderOption={({ option }) => (
            <span style={{ paddingLeft: (unitDepth.get(option.value) ?? 0) * 14 }}>{option.label}</span>
          )}
          searchable
          clearable
          data-testid="people-orgunit"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
        <Select
          label={t("people.grade")}
          placeholder={pickCompany}
          data={gradeData}
          value={params.gradeId === null ? null : String(params.gradeId)}
          onChange={(v) => update({ gradeId: toId(v) })}
          disabled={params.companyId === null}
          clearable
          data-testid="people-grade"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
        <Select
          label={t("people.employmentType")}
          placeholder={t("people.any")}
          data={typeData}
          value={params.employmentType}
          onChange={(v) => update({ employmentType: typeData.find((d) => d.value === v)?.value ?? null })}
          clearable
          data-testid="people-type"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 2 }}>
        <Button
          variant="subtle"
          fullWidth
          disabled={activeCount === 0 && params.q === ""}
          onClick={() => update(CLEARED)}
        >
          {t("people.clearFilters")}
        </Button>
      </Grid.Col>
    </>
  );

  const search = <SearchBox value={params.q} onSearch={(q) => update({ q })} />;
  if (!narrow) {
    return (
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 6 }}>{search}</Grid.Col>
        {filters}
      </Grid>
    );
  }
  return (
    <div>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span="auto">{search}</Grid.Col>
        <Grid.Col span="content">
          <Button
            variant={activeCount > 0 ? "light" : "default"}
            leftSection={<FilterIcon />}
            onClick={() => setShowFilters((v) => !v)}
            aria-expanded={showFilters}
            data-testid="people-filters-toggle"
          >
            {activeCount > 0 ? t("people.filtersActive", { count: activeCount }) : t("people.filters")}
          </Button>
        </Grid.Col>
      </Grid>
      <Collapse expanded={showFilters}>
        <Grid gap="sm" align="flex-end" pt="xs">
          {filters}
        </Grid>
      </Collapse>
    </div>
  );
}
