// The `price` table finance bureaus script against: one row per item, region and year at the level asked
// (county: the leaf regions; city; province), money in 元 with two places and no separators.
import type { Database } from '../db/database';
import { yuanSql } from './sql-values';
import { INPUT_QUALITIES } from '../../shared/domain/pricing/results';

export const PRICE_LEVELS = ['county', 'city', 'province'] as const;
export type PriceLevel = (typeof PRICE_LEVELS)[number];
export const PRICE_COLUMNS = ['item_no', 'item', 'region_code', 'region', 'year', 'beneficiaries', 'cost', 'central', 'provincial', 'city', 'county'] as const;

const LEVEL_CODE: Record<PriceLevel, string> = { county: 'l.code', city: 'coalesce(l.city_code, l.code)', province: 'l.top_code' };

export async function priceTable(db: Database, catalogueId: string, level: PriceLevel): Promise<Record<string, string | number | null>[]> {
  const rows = await db.all(
    `WITH numbered AS (
       SELECT id, name, row_number() OVER (ORDER BY domain_seq, position) AS item_no FROM items WHERE catalogue_id = $1),
     lines AS (
       SELECT ${LEVEL_CODE[level]} AS code, c.* FROM item_cost_lines c JOIN leaf_regions l ON l.region = c.region WHERE c.catalogue_id = $1)
     SELECT n.item_no, n.name AS item, x.code AS region_code, coalesce(r.name, x.code) AS region, x.year,
            CAST(x.beneficiaries AS VARCHAR) AS beneficiaries, ${['cost', 'central', 'provincial', 'city', 'county'].map((k) => `${yuanSql(`x.${k}`)} AS ${k}`).join(', ')}
     FROM (SELECT item_id, code, year, sum(beneficiaries) AS beneficiaries, sum(cost_fen) AS cost, sum(central_fen) AS central,
                  sum(provincial_fen) AS provincial, sum(city_fen) AS city, sum(county_fen) AS county
           FROM lines GROUP BY ALL) x
     JOIN numbered n ON n.id = x.item_id
     LEFT JOIN regions r ON r.code = x.code
     ORDER BY n.item_no, x.code, x.year`,
    [catalogueId],
  );
  return rows.map((r) => ({ ...r, item_no: Number(r.item_no), year: Number(r.year) }));
}

/**
 * How many county lines of a catalogue rest on estimated or unverified inputs: the table has no column for it
 * (its header is fixed), so the command line says so beside it.
 */
export async function lineQualities(db: Database, catalogueId: string): Promise<{ lines: number; estimated: number; unverified: number }> {
  const [row] = await db.all(
    `SELECT count(*) AS lines, count(*) FILTER (WHERE quality = ${INPUT_QUALITIES.indexOf('estimated')}) AS estimated,
            count(*) FILTER (WHERE quality = ${INPUT_QUALITIES.indexOf('unverified')}) AS unverified
     FROM item_cost_lines WHERE catalogue_id = $1`,
    [catalogueId],
  );
  return { lines: Number(row?.lines ?? 0), estimated: Number(row?.estimated ?? 0), unverified: Number(row?.unverified ?? 0) };
}
