import { ActionIcon, Badge, Box, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useEffect, useMemo, useRef, useState } from "react";
import type { OrgChartResponse } from "../../../../src/shared/api";
import { ChevronIcon } from "../../components/Icons";
import { useLocale, useT } from "../../i18n/locale";
import { compareCompanies } from "../../lib/companies";
import { displayName, localized } from "../../lib/names";
import { buildUnitTree, type UnitNode } from "../../lib/orgTree";
import classes from "./OrgTree.module.css";

type CompanyEntry = OrgChartResponse["companies"][number];

interface TreeState {
  expanded: Set<string>;
  toggle: (key: string) => void;
  expand: (key: string) => void;
  selectedUnitId: number | null;
  onSelect: (unitId: number) => void;
}

const INDENT = 18;

function Chevron({ open, onClick, label }: { open: boolean; onClick: () => void; label: string }) {
  return (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="sm"
      onClick={onClick}
      aria-label={label}
      aria-expanded={open}
    >
      <ChevronIcon className={classes.chevron} data-open={open || undefined} />
    </ActionIcon>
  );
}

function UnitRow({ node, level, state }: { node: UnitNode; level: number; state: TreeState }) {
  const t = useT();
  const [locale] = useLocale();
  const key = `u:${node.unit.id}`;
  const open = state.expanded.has(key);
  const hasChildren = node.children.length > 0;
  const selected = state.selectedUnitId === node.unit.id;
  return (
    <>
      <Group
        gap={4}
        wrap="nowrap"
        pl={level * INDENT}
        className={classes.row}
        data-selected={selected || undefined}
      >
        {hasChildren ? (
          <Chevron
            open={open}
            onClick={() => state.toggle(key)}
            label={t(open ? "org.collapse" : "org.expand")}
          />
        ) : (
          <Box w={22} />
        )}
        <UnstyledButton
          className={classes.main}
          data-testid="org-unit"
          data-unit-id={node.unit.id}
          aria-current={selected || undefined}
          onClick={() => {
            state.onSelect(node.unit.id);
            if (hasChildren) state.expand(key);
          }}
        >
          <Text size="sm" fw={600} lh={1.3}>
            {localized(node.unit.name, locale)}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {node.unit.head
              ? t("org.head", { name: displayName(node.unit.head.name, locale) })
              : t("org.noHead")}
          </Text>
        </UnstyledButton>
        <Group gap={4} wrap="nowrap">
          <Badge
            variant="light"
            size="sm"
            className="tz-tabular"
            title={t("org.headcount", { count: node.unit.headcount })}
          >
            {node.unit.headcount}
          </Badge>
          {hasChildren && (
            <Badge
              variant="outline"
              color="gray"
              size="sm"
              className="tz-tabular"
              visibleFrom="xs"
              title={t("org.subtreeHeadcount", { count: node.subtreeHeadcount })}
            >
              Σ {node.subtreeHeadcount}
            </Badge>
          )}
        </Group>
      </Group>
      {open &&
        node.children.map((child) => (
          <UnitRow key={child.unit.id} node={child} level={level + 1} state={state} />
        ))}
    </>
  );
}

function CompanyRow({ entry, roots, state }: { entry: CompanyEntry; roots: UnitNode[]; state: TreeState }) {
  const t = useT();
  const [locale] = useLocale();
  const key = `c:${entry.company.id}`;
  const open = state.expanded.has(key);
  return (
    <>
      <Group gap={4} wrap="nowrap" className={classes.row}>
        <Chevron
          open={open}
          onClick={() => state.toggle(key)}
          label={t(open ? "org.collapse" : "org.expand")}
        />
        <UnstyledButton
          className={classes.main}
          data-testid="org-company-node"
          onClick={() => state.toggle(key)}
        >
          <Text size="sm" fw={700} lh={1.3}>
            {localized(entry.company.name, locale)}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3}>
            {entry.company.code} · {entry.company.country}
          </Text>
        </UnstyledButton>
        <Badge size="md" className="tz-tabular" title={t("org.headcount", { count: entry.headcount })}>
          {entry.headcount.toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}
        </Badge>
      </Group>
      {open && roots.map((node) => <UnitRow key={node.unit.id} node={node} level={1} state={state} />)}
      {open && roots.length === 0 && (
        <Text size="sm" c="dimmed" pl={INDENT + 30} py={6}>
          {t("org.noUnits")}
        </Text>
      )}
    </>
  );
}

export interface OrgTreeProps {
  chart: OrgChartResponse;
  groupView: boolean;
  selectedUnitId: number | null;
  onSelect: (unitId: number) => void;
  expandSignal: { all: boolean; n: number };
}

/** Units nested by parent; in the group view the companies are the top level (collapsed at first). */
export function OrgTree({ chart, groupView, selectedUnitId, onSelect, expandSignal }: OrgTreeProps) {
  const t = useT();
  const companies = useMemo(
    () =>
      [...chart.companies]
        .sort((a, b) => compareCompanies(a.company, b.company))
        .map((entry) => ({ entry, roots: buildUnitTree(entry.units) })),
    [chart],
  );
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const keys = new Set<string>();
    if (!groupView) for (const c of companies) for (const r of c.roots) keys.add(`u:${r.unit.id}`);
    // Open the path to a unit selected by the URL.
    const parents = new Map(chart.companies.flatMap((c) => c.units.map((u) => [u.id, u] as const)));
    let unit = selectedUnitId === null ? undefined : parents.get(selectedUnitId);
    if (unit && groupView) keys.add(`c:${unit.companyId}`);
    for (let i = 0; unit && unit.parentId !== null && i < 100; i++) {
      keys.add(`u:${unit.parentId}`);
      unit = parents.get(unit.parentId);
    }
    return keys;
  });

  const lastSignal = useRef(expandSignal.n);
  useEffect(() => {
    if (expandSignal.n === lastSignal.current) return;
    lastSignal.current = expandSignal.n;
    if (!expandSignal.all) return setExpanded(new Set());
    const keys = new Set<string>();
    const walk = (nodes: UnitNode[]) => {
      for (const n of nodes) {
        if (n.children.length > 0) keys.add(`u:${n.unit.id}`);
        walk(n.children);
      }
    };
    for (const c of companies) {
      keys.add(`c:${c.entry.company.id}`);
      walk(c.roots);
    }
    setExpanded(keys);
  }, [expandSignal, companies]);

  const state: TreeState = {
    expanded,
    selectedUnitId,
    onSelect,
    toggle: (key) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    expand: (key) => setExpanded((prev) => (prev.has(key) ? prev : new Set(prev).add(key))),
  };

  if (companies.every((c) => c.roots.length === 0) && (!groupView || companies.length === 0)) {
    return (
      <Text c="dimmed" p="sm">
        {t("org.noUnits")}
      </Text>
    );
  }
  return (
    <Stack gap={0} data-testid="org-tree">
      {groupView
        ? companies.map((c) => (
            <CompanyRow key={c.entry.company.id} entry={c.entry} roots={c.roots} state={state} />
          ))
        : companies.flatMap((c) =>
            c.roots.map((node) => <UnitRow key={node.unit.id} node={node} level={0} state={state} />),
          )}
    </Stack>
  );
}
