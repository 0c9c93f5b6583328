// What the planner clicked: a figure the Node side explains (an item or all items, in a region or the
// whole catalogue, in a year or all years), or a domain's total, which is the sum of its items' parts.
export type ExplainTarget =
  | { kind: 'figure'; itemId: string | null; regionCode: string | null; year: number | null }
  | { kind: 'domain'; domainSeq: number };

export const figure = (itemId: string | null, regionCode: string | null = null, year: number | null = null): ExplainTarget => ({
  kind: 'figure',
  itemId,
  regionCode,
  year,
});

export function sameTarget(a: ExplainTarget, b: ExplainTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
