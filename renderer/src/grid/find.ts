// Find across the catalogue's text columns, as Ctrl+F in Excel: every occurrence counted, in the order
// shown (row by row, left to right), so 下一处 walks through them as the eye reads.
import type { ItemField } from '../../../shared/domain/catalogue';
import type { GridRow } from './catalogue-rows';

export const FIND_FIELDS: readonly ItemField[] = ['name', 'targetGroup', 'standard', 'fundingResponsibility', 'leadDepartment'];

export interface FindHit {
  itemId: string;
  field: ItemField;
  /** Which occurrence in the cell (0-based). */
  nth: number;
}

/** Where `query` occurs in `text` (start offsets, not overlapping); case-insensitive for Latin letters. */
export function occurrences(text: string, query: string): number[] {
  if (!query) return [];
  const hay = text.toLowerCase();
  const needle = query.toLowerCase();
  const out: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

export function findHits(rows: readonly GridRow[], query: string): FindHit[] {
  const q = query.trim();
  if (!q) return [];
  const hits: FindHit[] = [];
  for (const row of rows) {
    if (row.kind !== 'item') continue;
    for (const field of FIND_FIELDS) {
      const n = occurrences(row[field] ?? '', q).length;
      for (let nth = 0; nth < n; nth += 1) hits.push({ itemId: row.id, field, nth });
    }
  }
  return hits;
}

/** A cell's text cut into plain and found parts, for drawing the hits. */
export function splitByQuery(text: string, query: string): { text: string; hit: number | null }[] {
  const q = query.trim();
  const starts = occurrences(text, q);
  if (!starts.length) return [{ text, hit: null }];
  const parts: { text: string; hit: number | null }[] = [];
  let at = 0;
  starts.forEach((start, n) => {
    if (start > at) parts.push({ text: text.slice(at, start), hit: null });
    parts.push({ text: text.slice(start, start + q.length), hit: n });
    at = start + q.length;
  });
  if (at < text.length) parts.push({ text: text.slice(at), hit: null });
  return parts;
}
