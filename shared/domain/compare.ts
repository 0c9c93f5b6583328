// Comparing two catalogues (or two versions, or a version with the live draft): which items were added,
// removed, renamed, moved and changed field by field, with the changed characters marked. Items are paired
// by lineage first (an item and the copies made from it share it), then by normalised name. Pure: the Node
// side only reads the two sides. Character diffs come from jsdiff (`diff`), not from code of our own.
import { diffChars } from 'diff';
import { ITEM_FIELDS } from './catalogue';
import type { ColumnLabels, ItemField } from './catalogue';
import { domainHeading } from './numerals';

export interface CompareItem {
  id: string;
  /** The item itself first, then the items it was copied from, nearest first: how lineage is followed. */
  lineage: readonly string[];
  domainSeq: number;
  itemNo: number;
  name: string;
  targetGroup: string | null;
  standard: string | null;
  fundingResponsibility: string | null;
  leadDepartment: string | null;
}

export interface CompareSide {
  /** A catalogue id, or "<catalogue id>@<number>" for a saved version. */
  ref: string;
  /** What the user calls it: the catalogue's name, with the version's name where it is one. */
  label: string;
  columnLabels: ColumnLabels;
  domains: readonly { seq: number; name: string }[];
  items: readonly CompareItem[];
}

export interface DiffPart {
  text: string;
  /** same: in both; removed: only before; added: only after. */
  kind: 'same' | 'removed' | 'added';
}

export interface FieldChange {
  field: ItemField;
  label: string;
  before: string | null;
  after: string | null;
  parts: DiffPart[];
}

export type ComparedKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ComparedRow {
  kind: ComparedKind;
  /** How the two were paired; null for an item on one side only. */
  matchedBy: 'lineage' | 'name' | null;
  /** Paired by a name several items share: paired in catalogue order, which may be wrong. */
  ambiguous: boolean;
  before: CompareItem | null;
  after: CompareItem | null;
  renamed: boolean;
  /** Another 领域 ("二、基本公共就业服务"), with the old one. */
  movedDomain: { from: string; to: string } | null;
  /** Its place among the items it is compared with changed (not merely shifted by an insert above it). */
  reordered: boolean;
  /** Fields whose text differs (the name included when renamed). */
  changes: FieldChange[];
  /** What the 说明 column says: 新增 / 删除 / 修改了服务标准 / 移至“…”领域 …. */
  note: string;
}

export interface ComparedDomain {
  heading: string;
  rows: ComparedRow[];
}

export interface Comparison {
  before: { ref: string; label: string; itemCount: number };
  after: { ref: string; label: string; itemCount: number };
  /** The headings the revised catalogue uses for its columns. */
  columnLabels: ColumnLabels;
  domains: ComparedDomain[];
  counts: Record<ComparedKind, number> & { renamed: number; moved: number; byLineage: number; byName: number; ambiguous: number };
}

/**
 * The form a name is compared in: full-width and half-width folded (NFKC), spaces, punctuation and
 * brackets dropped, so "城乡居民基本养老保险 " and "城乡居民基本养老保险。" are one item.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Character-level differences of two texts (null is an empty cell). */
export function diffText(before: string | null, after: string | null): DiffPart[] {
  return diffChars(before ?? '', after ?? '').map((change) => ({
    text: change.value,
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  }));
}

const sameText = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();

/** Pairs of (before index, after index). */
type Pairing = { pairs: Map<number, number>; how: Map<number, 'lineage' | 'name'>; ambiguous: Set<number> };

function pairItems(before: readonly CompareItem[], after: readonly CompareItem[]): Pairing {
  const pairs = new Map<number, number>();
  const how = new Map<number, 'lineage' | 'name'>();
  const ambiguous = new Set<number>();
  const taken = new Set<number>();
  // Lineage: every id an after-item carries (its own and its ancestors') points at it. A before-item is
  // looked up by its own id first (an item and its copy, or the same item in two versions), then by its
  // ancestors nearest first (two drafts copied from one source).
  const byKey = new Map<string, number[]>();
  after.forEach((item, index) => {
    for (const key of item.lineage) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  before.forEach((item, index) => {
    for (const key of item.lineage) {
      const found = byKey.get(key)?.find((candidate) => !taken.has(candidate));
      if (found !== undefined) {
        pairs.set(index, found);
        how.set(index, 'lineage');
        taken.add(found);
        return;
      }
    }
  });
  // Names, for what lineage left unpaired: equal normalised names, in catalogue order on each side.
  const byName = (items: readonly { name: string }[], paired: ReadonlySet<number> | ReadonlyMap<number, unknown>) => {
    const found = new Map<string, number[]>();
    items.forEach((item, index) => {
      if (paired.has(index)) return;
      const key = normaliseName(item.name);
      const list = found.get(key);
      if (list) list.push(index);
      else found.set(key, [index]);
    });
    return found;
  };
  const unpairedAfter = byName(after, taken);
  const unpairedBefore = byName(before, pairs);
  for (const [key, indexes] of unpairedBefore) {
    const candidates = unpairedAfter.get(key) ?? [];
    const several = indexes.length > 1 || candidates.length > 1;
    indexes.forEach((index, n) => {
      const found = candidates[n];
      if (found === undefined) return;
      pairs.set(index, found);
      how.set(index, 'name');
      if (several) ambiguous.add(index);
    });
  }
  return { pairs, how, ambiguous };
}

/** Indexes (into `values`) of one longest increasing run: the items that kept their order. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i += 1) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

function domainNames(side: CompareSide): Map<number, string> {
  return new Map(side.domains.map((d) => [d.seq, domainHeading(d.seq, d.name)]));
}

function noteOf(row: Omit<ComparedRow, 'note'>, labels: ColumnLabels): string {
  if (row.kind === 'added') return '新增';
  if (row.kind === 'removed') return '删除';
  const parts: string[] = [];
  if (row.renamed) parts.push(`${labels.name}名称由“${row.before!.name}”改为“${row.after!.name}”`);
  const fields = row.changes.filter((c) => c.field !== 'name').map((c) => c.label);
  if (fields.length) parts.push(`修改了${fields.join('、')}`);
  if (row.movedDomain) parts.push(`移至“${row.movedDomain.to}”领域`);
  else if (row.reordered) parts.push('调整了顺序');
  if (row.ambiguous) parts.push('（同名项目不止一个，按顺序对应）');
  return parts.join('；');
}

/** Compares `before` (原文) with `after` (修改后). */
export function compareCatalogues(before: CompareSide, after: CompareSide): Comparison {
  const labels = after.columnLabels;
  const { pairs, how, ambiguous } = pairItems(before.items, after.items);
  const beforeDomains = domainNames(before);
  const afterDomains = domainNames(after);
  const domainKey = (heading: string | undefined) => normaliseName((heading ?? '').replace(/^[一二三四五六七八九十]+、/u, ''));
  // Which new 领域 each old one became: the one most of its paired items are in now (so a renamed or
  // renumbered 领域 moves none of its items), else the one of the same name.
  const domainOf = new Map<number, number>();
  {
    const votes = new Map<number, Map<number, number>>();
    for (const [b, a] of pairs) {
      const from = before.items[b]!.domainSeq;
      const to = after.items[a]!.domainSeq;
      const tally = votes.get(from) ?? new Map<number, number>();
      tally.set(to, (tally.get(to) ?? 0) + 1);
      votes.set(from, tally);
    }
    for (const domain of before.domains) {
      const named = after.domains.find((d) => domainKey(d.name) === domainKey(domain.name))?.seq;
      const tally = [...(votes.get(domain.seq) ?? new Map<number, number>())].sort((x, y) => y[1] - x[1] || (x[0] === named ? -1 : y[0] === named ? 1 : 0));
      const chosen = tally[0]?.[0] ?? named;
      if (chosen !== undefined) domainOf.set(domain.seq, chosen);
    }
  }

  // Order within each 领域: of the items that stayed in it, taken in the old order, those off the longest
  // run in the new order moved (a 领域 moved as a whole moves none of its items).
  const reorderedSet = new Set<number>();
  const stayed = new Map<number, number[]>();
  for (const [b, a] of pairs) {
    const to = after.items[a]!.domainSeq;
    if (domainOf.get(before.items[b]!.domainSeq) !== to) continue;
    const list = stayed.get(to) ?? [];
    list.push(b);
    stayed.set(to, list);
  }
  for (const list of stayed.values()) {
    list.sort((x, y) => before.items[x]!.itemNo - before.items[y]!.itemNo);
    const kept = longestIncreasing(list.map((b) => after.items[pairs.get(b)!]!.itemNo));
    list.forEach((b, n) => {
      if (!kept.has(n)) reorderedSet.add(b);
    });
  }

  const rowsAfter = new Map<number, ComparedRow>();
  const removed: { index: number; row: ComparedRow }[] = [];
  const build = (b: number | null, a: number | null): ComparedRow => {
    const old = b === null ? null : before.items[b]!;
    const now = a === null ? null : after.items[a]!;
    const changes: FieldChange[] = [];
    let movedDomain: ComparedRow['movedDomain'] = null;
    let reordered = false;
    if (old && now) {
      for (const field of ITEM_FIELDS) {
        if (sameText(old[field], now[field])) continue;
        changes.push({ field, label: labels[field], before: old[field], after: now[field], parts: diffText(old[field], now[field]) });
      }
      const from = beforeDomains.get(old.domainSeq) ?? '';
      const to = afterDomains.get(now.domainSeq) ?? '';
      if ((domainOf.get(old.domainSeq) ?? -1) !== now.domainSeq) movedDomain = { from, to };
      else reordered = reorderedSet.has(b!);
    }
    const renamed = changes.some((c) => c.field === 'name');
    const kind: ComparedKind = !old ? 'added' : !now ? 'removed' : changes.length || movedDomain || reordered ? 'changed' : 'unchanged';
    const row = {
      kind,
      matchedBy: b === null || a === null ? null : how.get(b)!,
      ambiguous: b !== null && ambiguous.has(b),
      before: old,
      after: now,
      renamed,
      movedDomain,
      reordered,
      changes,
    };
    return { ...row, note: noteOf(row, labels) };
  };
  before.items.forEach((_, b) => {
    const a = pairs.get(b);
    if (a === undefined) removed.push({ index: b, row: build(b, null) });
    else rowsAfter.set(a, build(b, a));
  });
  after.items.forEach((_, a) => {
    if (!rowsAfter.has(a)) rowsAfter.set(a, build(null, a));
  });

  // Grouped by the new 领域; a removed item goes to the 领域 of the same name, after the item that
  // followed its old neighbour above, or to its old 领域 at the end where the new catalogue has none.
  const groups = new Map<string, ComparedDomain>();
  const groupOf = (heading: string) => {
    const key = domainKey(heading);
    let group = groups.get(key);
    if (!group) {
      group = { heading, rows: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const domain of [...after.domains].sort((x, y) => x.seq - y.seq)) groupOf(afterDomains.get(domain.seq)!);
  const orderedAfter = [...rowsAfter.entries()].sort((x, y) => after.items[x[0]]!.itemNo - after.items[y[0]]!.itemNo);
  for (const [a, row] of orderedAfter) groupOf(afterDomains.get(after.items[a]!.domainSeq) ?? '').rows.push(row);
  for (const { index, row } of removed.sort((x, y) => before.items[x.index]!.itemNo - before.items[y.index]!.itemNo)) {
    const old = before.items[index]!;
    const mapped = domainOf.get(old.domainSeq);
    const group = groupOf(mapped === undefined ? (beforeDomains.get(old.domainSeq) ?? '') : afterDomains.get(mapped)!);
    // The nearest item above it in the old catalogue that is still there: the removed row follows it.
    let anchor: ComparedRow | undefined;
    for (let n = index - 1; n >= 0 && !anchor; n -= 1) {
      const candidate = before.items[n]!;
      if (candidate.domainSeq !== old.domainSeq) break;
      const a = pairs.get(n);
      if (a !== undefined) anchor = rowsAfter.get(a);
    }
    const at = anchor ? group.rows.indexOf(anchor) + 1 : 0;
    // Removed rows after the same anchor keep their old order.
    let position = at;
    while (position < group.rows.length && group.rows[position]!.kind === 'removed') position += 1;
    group.rows.splice(position, 0, row);
  }

  const all = [...groups.values()].flatMap((g) => g.rows);
  const count = (test: (r: ComparedRow) => boolean) => all.filter(test).length;
  return {
    before: { ref: before.ref, label: before.label, itemCount: before.items.length },
    after: { ref: after.ref, label: after.label, itemCount: after.items.length },
    columnLabels: labels,
    domains: [...groups.values()].filter((g) => g.rows.length > 0),
    counts: {
      added: count((r) => r.kind === 'added'),
      removed: count((r) => r.kind === 'removed'),
      changed: count((r) => r.kind === 'changed'),
      unchanged: count((r) => r.kind === 'unchanged'),
      renamed: count((r) => r.renamed),
      moved: count((r) => r.movedDomain !== null || r.reordered),
      byLineage: count((r) => r.matchedBy === 'lineage'),
      byName: count((r) => r.matchedBy === 'name'),
      ambiguous: count((r) => r.ambiguous),
    },
  };
}

/** The rows a 对照表 lists: everything but the unchanged, in 领域 order. */
export function changedDomains(comparison: Comparison): ComparedDomain[] {
  return comparison.domains
    .map((d) => ({ heading: d.heading, rows: d.rows.filter((r) => r.kind !== 'unchanged') }))
    .filter((d) => d.rows.length > 0);
}
