import type { OrgChartUnit } from "../../../src/shared/api";

export interface UnitNode {
  unit: OrgChartUnit;
  children: UnitNode[];
  depth: number;
  /** Headcount of the unit and every unit below it. */
  subtreeHeadcount: number;
}

/** Nests the units of one company by parentId (units whose parent is missing become roots), ordered by code. */
export function buildUnitTree(units: OrgChartUnit[]): UnitNode[] {
  const byId = new Map<number, UnitNode>();
  for (const unit of units) byId.set(unit.id, { unit, children: [], depth: 0, subtreeHeadcount: 0 });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId === null ? undefined : byId.get(node.unit.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const compare = (a: UnitNode, b: UnitNode) =>
    a.unit.code.localeCompare(b.unit.code) || a.unit.id - b.unit.id;
  const visit = (node: UnitNode, depth: number, seen: Set<number>): number => {
    if (seen.has(node.unit.id)) return 0;
    seen.add(node.unit.id);
    node.depth = depth;
    node.children.sort(compare);
    node.subtreeHeadcount =
      node.unit.headcount + node.children.reduce((n, child) => n + visit(child, depth + 1, seen), 0);
    return node.subtreeHeadcount;
  };
  roots.sort(compare);
  const seen = new Set<number>();
  for (const root of roots) visit(root, 0, seen);
  return roots;
}

/** Depth-first list of the tree (for indented option lists). */
export function flattenTree(roots: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (nodes: UnitNode[]) => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return out;
}
