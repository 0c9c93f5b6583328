// regions.list answers a flat list; the page shows it as a tree, province → city → county.
import type { RegionRow } from '../../../../shared/domain/pricing/results';

export interface TreeLine {
  region: RegionRow;
  depth: number;
  childCount: number;
}

/** Lines in tree order; children of a collapsed region are left out. */
export function treeLines(rows: readonly RegionRow[], rootCode: string, expanded: ReadonlySet<string>): TreeLine[] {
  const children = new Map<string, RegionRow[]>();
  for (const row of rows) {
    const key = row.parentCode ?? '';
    const list = children.get(key) ?? [];
    list.push(row);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const lines: TreeLine[] = [];
  const walk = (row: RegionRow, depth: number) => {
    const kids = children.get(row.code) ?? [];
    lines.push({ region: row, depth, childCount: kids.length });
    if (depth === 0 || expanded.has(row.code)) for (const kid of kids) walk(kid, depth + 1);
  };
  const root = rows.find((r) => r.code === rootCode);
  if (root) walk(root, 0);
  // Regions whose parent is not in the list still show, at the top level, rather than vanish.
  const shown = new Set<string>();
  const all = (row: RegionRow) => {
    shown.add(row.code);
    for (const kid of children.get(row.code) ?? []) all(kid);
  };
  if (root) all(root);
  for (const row of rows) if (!shown.has(row.code) && !rows.some((r) => r.code === row.parentCode)) walk(row, 0);
  return lines;
}
