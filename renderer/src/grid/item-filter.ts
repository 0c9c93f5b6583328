// The filter bar's rule: items of a 领域, of a 牵头负责单位, or holding a text; the 领域 heading rows of what
// is left stay, and the order is the catalogue's.
import type { CatalogueItem } from '../../../shared/domain/catalogue';
import { FIND_FIELDS } from './find';

export interface ItemFilter {
  domainSeq: number | null;
  department: string | null;
  text: string;
}

export const NO_FILTER: ItemFilter = { domainSeq: null, department: null, text: '' };

export const isFiltering = (f: ItemFilter) => f.domainSeq !== null || f.department !== null || f.text.trim() !== '';

/** 牵头负责单位 often names several units (省教育厅、省财政厅): each is one choice. */
export function departmentsOf(text: string | null): string[] {
  return (text ?? '')
    .split(/[、，,；;\s]+/u)
    .map((d) => d.replace(/^[（(]?(?:牵头|配合)[）)]?/u, '').trim())
    .filter((d) => d.length > 0);
}

/** The units named in the catalogue, the most frequent first (ties in the order met). */
export function departmentChoices(items: readonly CatalogueItem[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const d of new Set(departmentsOf(item.leadDepartment))) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([d]) => d);
}

export function itemPasses(item: CatalogueItem, filter: ItemFilter): boolean {
  if (filter.domainSeq !== null && item.domainSeq !== filter.domainSeq) return false;
  if (filter.department !== null && !departmentsOf(item.leadDepartment).includes(filter.department)) return false;
  const q = filter.text.trim().toLowerCase();
  if (q && !FIND_FIELDS.some((f) => (item[f] ?? '').toLowerCase().includes(q))) return false;
  return true;
}

/**
 * The ids of the rows to show: passing items, the items to keep in view whatever they hold (`keep`: rows added
 * under this filter), and the 领域 rows (`domain-<seq>`) that still have one.
 */
export function visibleRowIds(items: readonly CatalogueItem[], filter: ItemFilter, keep: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    if (!itemPasses(item, filter) && !keep.has(item.id)) continue;
    out.add(item.id);
    out.add(`domain-${item.domainSeq}`);
  }
  return out;
}
