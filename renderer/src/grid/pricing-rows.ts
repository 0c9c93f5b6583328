// The 测算 grid: items in catalogue order under full-width domain rows, as in the items grid.
import type { Domain } from '../../../shared/domain/catalogue';
import { domainHeading } from '../../../shared/domain/numerals';
import type { PricingItemRow } from '../../../shared/domain/pricing/results';

export interface PricingDomainRow {
  kind: 'domain';
  id: string;
  heading: string;
  itemCount: number;
  pricedCount: number;
}
export interface PricingGridItem extends PricingItemRow {
  kind: 'item';
  id: string;
}
export type PricingGridRow = PricingDomainRow | PricingGridItem;

const itemRows = new WeakMap<PricingItemRow, PricingGridItem>();

/** The same row object for an unchanged item, so the grid redraws only what changed. */
function gridItem(row: PricingItemRow): PricingGridItem {
  let item = itemRows.get(row);
  if (!item) {
    item = { kind: 'item', id: row.itemId, ...row };
    itemRows.set(row, item);
  }
  return item;
}

export function pricingRows(domains: readonly Domain[], items: readonly PricingItemRow[]): PricingGridRow[] {
  const rows: PricingGridRow[] = [];
  for (const domain of domains) {
    const inDomain = items.filter((item) => item.domainSeq === domain.seq).sort((a, b) => a.itemNo - b.itemNo);
    if (inDomain.length === 0) continue;
    rows.push({
      kind: 'domain',
      id: `domain-${domain.seq}`,
      heading: domainHeading(domain.seq, domain.name),
      itemCount: inDomain.length,
      pricedCount: inDomain.filter((item) => item.status === 'priced').length,
    });
    rows.push(...inDomain.map(gridItem));
  }
  return rows;
}
