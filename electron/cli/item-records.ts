// The flat record of an item that the CLI prints as CSV or JSON (finance bureaus script against it).
import { stringify } from 'csv-stringify/sync';
import type { CatalogueDetail } from '../../shared/domain/catalogue';

export const DUMP_COLUMNS = [
  'item_no',
  'domain',
  'item',
  'target_group',
  'standard',
  'funding_responsibility',
  'lead_department',
] as const;

export type ItemRecord = Record<(typeof DUMP_COLUMNS)[number], string | number | null> & { id: string };

export function itemRecords(detail: CatalogueDetail): ItemRecord[] {
  const domainName = new Map(detail.domains.map((d) => [d.seq, d.name]));
  return detail.items.map((item) => ({
    item_no: item.itemNo,
    id: item.id,
    domain: domainName.get(item.domainSeq) ?? '',
    item: item.name,
    target_group: item.targetGroup,
    standard: item.standard,
    funding_responsibility: item.fundingResponsibility,
    lead_department: item.leadDepartment,
  }));
}

/** RFC 4180: CRLF between records, fields quoted when they hold a comma, quote or line break. */
export function itemsCsv(records: ItemRecord[]): string {
  return stringify(
    records.map((r) => DUMP_COLUMNS.map((c) => r[c] ?? '')),
    { header: true, columns: [...DUMP_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
