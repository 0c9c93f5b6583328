// Item drivers as stored, read and written in one shape (ItemDriver, decimal strings).
import { DRIVER_FIELDS, EMPTY_DRIVER } from '../../shared/domain/pricing/drivers';
import type { DriverField, FieldValue, ItemDriver } from '../../shared/domain/pricing/drivers';
import { plainDecimal } from '../../shared/domain/pricing/decimal';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import type { CatalogueItem } from '../../shared/domain/catalogue';
import { numberedItem } from '../services/catalogue-queries';
import { pricedYearsSql } from './reprice';
import { quote } from '../db/sql-literal';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

export const DRIVER_COLUMNS: Record<DriverField, { column: string; cast: string; csv: string }> = {
  cohort: { column: 'cohort', cast: 'VARCHAR', csv: 'cohort' },
  coverage: { column: 'coverage', cast: 'DECIMAL(9,6)', csv: 'coverage' },
  unitAmount: { column: 'unit_amount', cast: 'DECIMAL(18,2)', csv: 'unit_amount' },
  unit: { column: 'unit', cast: 'VARCHAR', csv: 'unit' },
  periodsPerYear: { column: 'periods_per_year', cast: 'DECIMAL(7,2)', csv: 'periods_per_year' },
  baseYear: { column: 'base_year', cast: 'INTEGER', csv: 'base_year' },
  yearlyChange: { column: 'yearly_change', cast: 'DECIMAL(18,2)', csv: 'yearly_change' },
  splitRuleId: { column: 'split_rule_id', cast: 'VARCHAR', csv: 'split_rule' },
  centralPct: { column: 'central_pct', cast: 'DECIMAL(9,4)', csv: 'central_pct' },
};

/** The driver field a file's column carries (unit_amount → unitAmount), as DRIVER_COLUMNS names it. */
const FIELD_OF_COLUMN = new Map((Object.keys(DRIVER_COLUMNS) as DriverField[]).map((field) => [DRIVER_COLUMNS[field].csv, field]));
export const driverFieldOfColumn = (column: string): DriverField | undefined => FIELD_OF_COLUMN.get(column);

export function toDriver(itemId: string, row: PlainRow | undefined): ItemDriver {
  if (!row) return EMPTY_DRIVER(itemId);
  return withFields(EMPTY_DRIVER(itemId), Object.fromEntries(DRIVER_FIELDS.map((field) => [field, row[DRIVER_COLUMNS[field].column]])));
}

/** The drivers with some fields replaced, each value in the form a stored one is read back in. */
function withFields(driver: ItemDriver, values: Partial<Record<DriverField, unknown>>): ItemDriver {
  const next = { ...driver };
  for (const field of DRIVER_FIELDS) {
    if (!(field in values)) continue;
    const value = values[field];
    if (value === null || value === undefined) next[field] = null;
    else if (field === 'baseYear') next.baseYear = Number(value);
    else next[field] = DRIVER_COLUMNS[field].cast.startsWith('DECIMAL') ? plainDecimal(String(value)) : String(value);
  }
  return next;
}

export async function getDriver(db: Reader, itemId: string): Promise<ItemDriver> {
  const [row] = await db.all('SELECT * FROM item_drivers WHERE item_id = $1', [itemId]);
  return toDriver(itemId, row);
}

/**
 * An item, its drivers and the years its catalogue is priced for, in one read: what every edit of a driver
 * checks first.
 */
export async function getItemAndDriver(
  tx: Tx,
  itemId: string,
): Promise<{ item: CatalogueItem; driver: ItemDriver; stored: StoredDriver | null; years: { fromYear: number; toYear: number } }> {
  // Kept statements (the item named in their text): an edit of the same item reads them again and again.
  const [row] = await tx.allKept(
    `SELECT i.*, d.* EXCLUDE (item_id, key, updated_at), d.key AS driver_key, ${pricedYearsSql('s')}
     FROM items i LEFT JOIN item_drivers d ON d.item_id = i.id LEFT JOIN pricing_settings s ON s.catalogue_id = i.catalogue_id
     WHERE i.id = ${quote(itemId)}`,
  );
  const driver = toDriver(itemId, row);
  return {
    item: await numberedItem((sql) => tx.allKept(sql), itemId, row),
    driver,
    stored: row?.driver_key === null || row?.driver_key === undefined ? null : { driver, key: Number(row.driver_key) },
    years: { fromYear: Number(row?.from_year), toYear: Number(row?.to_year) },
  };
}

export async function listDrivers(db: Reader, catalogueId: string): Promise<Map<string, ItemDriver>> {
  const rows = await db.all('SELECT d.* FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1', [catalogueId]);
  return new Map(rows.map((r) => [String(r.item_id), toDriver(String(r.item_id), r)]));
}

/** An item's drivers as stored, and the key their cost lines carry. */
export interface StoredDriver {
  driver: ItemDriver;
  key: number;
}

/**
 * Writes the given fields of an item's drivers (creating the row the first time); gives the drivers as written
 * and the key their cost lines carry. With the row as the caller just read it (`stored`), the written drivers
 * are that row with the fields replaced, and the UPDATE returns nothing: a RETURNING clause doubled its cost.
 */
export async function writeDriverFields(
  tx: Tx,
  itemId: string,
  changes: Partial<Record<DriverField, FieldValue>>,
  stored: StoredDriver | null = null,
): Promise<StoredDriver> {
  const fields = DRIVER_FIELDS.filter((f) => f in changes);
  if (fields.length === 0) {
    const [row] = await tx.all('SELECT * FROM item_drivers WHERE item_id = $1', [itemId]);
    return { driver: toDriver(itemId, row), key: Number(row?.key) };
  }
  const columns = fields.map((f) => DRIVER_COLUMNS[f].column);
  const casts = fields.map((f, i) => `CAST($${i + 2} AS ${DRIVER_COLUMNS[f].cast})`);
  const values = [
    itemId,
    ...fields.map((f) => {
      const v = changes[f];
      return v === null || v === undefined ? null : String(v);
    }),
  ];
  // An UPDATE of the row most edits find; the row is created the first time. (DuckDB's INSERT … ON CONFLICT
  // costs several times a plain UPDATE, and an edit must stay quick.)
  const update = `UPDATE item_drivers SET ${columns.map((c, i) => `${c} = ${casts[i]!}`).join(', ')}, updated_at = now() WHERE item_id = $1`;
  if (stored) {
    await tx.runKept(update, values);
    return { driver: withFields(stored.driver, changes), key: stored.key };
  }
  const [updated] = await tx.allKept(`${update} RETURNING *`, values);
  const [written] = updated ? [updated] : await tx.all(`INSERT INTO item_drivers (item_id, ${columns.join(', ')}) VALUES ($1, ${casts.join(', ')}) RETURNING *`, values);
  return { driver: toDriver(itemId, written), key: Number(written?.key) };
}

/** A driver's value as text, the form edits compare against. */
export function driverText(driver: ItemDriver, field: DriverField): string | null {
  const value = driver[field];
  return value === null ? null : String(value);
}
