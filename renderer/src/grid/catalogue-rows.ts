// The grid shows domains as full-width rows between their items (AG Grid Community has no row grouping).
import type { CatalogueDetail, CatalogueItem } from '../../../shared/domain/catalogue';
import { domainHeading } from '../../../shared/domain/numerals';

export interface DomainRow {
  kind: 'domain';
  id: string;
  seq: number;
  name: string;
  heading: string;
  itemCount: number;
  statedItemCount: number | null;
}
export interface ItemRow extends CatalogueItem {
  kind: 'item';
}
export type GridRow = DomainRow | ItemRow;

export function catalogueRows(detail: CatalogueDetail): GridRow[] {
  const rows: GridRow[] = [];
  for (const domain of detail.domains) {
    const items = detail.items.filter((item) => item.domainSeq === domain.seq);
    rows.push({
      kind: 'domain',
      id: `domain-${domain.seq}`,
      seq: domain.seq,
      name: domain.name,
      heading: domainHeading(domain.seq, domain.name),
      itemCount: items.length,
      statedItemCount: domain.statedItemCount,
    });
    for (const item of items) rows.push({ kind: 'item', ...item });
  }
  return rows;
}
