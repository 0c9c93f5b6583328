// The flat record of an item that the CLI prints as CSV or JSON (finance bureaus script against it).
import { stringify } from 'csv-stringify/sync';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { CatalogueDetail } from '../../shared/domain/catalogue';
import { ITEM_COLUMNS } from '../services/item-columns';
import { DRIVER_FIELDS } from '../../shared/domain/pricing/drivers';
import type { ItemDriver } from '../../shared/domain/pricing/drivers';
import { DRIVER_COLUMNS } from '../pricing/drivers-store';

/** The seven columns of the catalogue, then the item's cost drivers (empty where not set). */
export const DUMP_COLUMNS = [
  'item_no',
  'domain',
  ...ITEM_FIELDS.map((field) => ITEM_COLUMNS[field].csv),
  ...DRIVER_FIELDS.map((field) => DRIVER_COLUMNS[field].csv),
] as const;

/** The columns an imported catalogue may keep beside the official ones (migration 008). */
export const EXTRA_DUMP_COLUMNS = ['content', 'category', 'note'] as const;

/** The dump's columns for these records: the extra columns, where any item has one, right after the seven. */
export function dumpColumns(records: readonly ItemRecord[]): string[] {
  const extras = EXTRA_DUMP_COLUMNS.filter((c) => records.some((r) => r[c] !== null && r[c] !== undefined));
  return [...DUMP_COLUMNS.slice(0, 7), ...extras, ...DUMP_COLUMNS.slice(7)];
}

export type ItemRecord = Record<string, string | number | null> & { id: string; item_no: number };

/**
 * `ruleNames` gives a split rule by its name, as `drivers import` reads it and the planner wrote it, not by
 * the id it is stored under: a dump edited and imported again then says what it said.
 */
export function itemRecords(detail: CatalogueDetail, drivers: Map<string, ItemDriver> = new Map(), ruleNames: ReadonlyMap<string, string> = new Map()): ItemRecord[] {
  const domainName = new Map(detail.domains.map((d) => [d.seq, d.name]));
  return detail.items.map((item) => {
    const driver = drivers.get(item.id);
    return {
      item_no: item.itemNo,
      id: item.id,
      domain: domainName.get(item.domainSeq) ?? '',
      ...(Object.fromEntries(ITEM_FIELDS.map((field) => [ITEM_COLUMNS[field].csv, item[field]])) as Record<string, string | null>),
      ...(Object.fromEntries(EXTRA_DUMP_COLUMNS.flatMap((c) => (item[c] ? [[c, item[c]]] : []))) as Record<string, string>),
      ...(Object.fromEntries(
        DRIVER_FIELDS.map((field) => {
          const value = driver?.[field] ?? null;
          return [DRIVER_COLUMNS[field].csv, field === 'splitRuleId' && value !== null ? (ruleNames.get(String(value)) ?? value) : value];
        }),
      ) as Record<string, string | number | null>),
    };
  }) as ItemRecord[];
}

/**
 * A cell that starts with = + - @, a tab or a carriage return (other than a plain signed number) is run as a formula by Excel and WPS when the CSV
 * is opened (CSV injection, OWASP): such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
export function neutraliseCsvCell(value: string | number | null): string | number {
  if (typeof value !== 'string') return value ?? '';
  // A plain signed number (a negative amount) cannot run anything and must stay a number.
  if (/^[+-]?\d+(\.\d+)?$/u.test(value)) return value;
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/** RFC 4180: CRLF between records, fields quoted when they hold a comma, quote or line break. */
export function itemsCsv(records: ItemRecord[]): string {
  const columns = dumpColumns(records);
  return stringify(
    records.map((r) => columns.map((c) => neutraliseCsvCell(r[c] ?? null))),
    { header: true, columns, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
