// Cost lines, set-based in DuckDB: for every priced item, leaf region of its catalogue and year, the
// beneficiaries, the cost and the four shares, in integer fen. An edit rebuilds only what it touches,
// inside the edit's own transaction, so the figures a planner sees are never out of step with the inputs.
import type { Params, Tx } from '../db/database';
import { idList, idsFromJson } from '../db/id-list';
import { rebuildLeaves } from './leaves';
import { rebuildPopulation } from './population';
import { driverUnit, lineChange } from '../../shared/domain/pricing/drivers';
import type { ItemDriver } from '../../shared/domain/pricing/drivers';
import { quote } from '../db/sql-literal';
import { UNITS_SQL } from './sql-values';

export const DEFAULT_YEARS = { fromYear: 2026, toYear: 2030 } as const;

/** The years a catalogue is priced for, from its pricing_settings row `s` (none: the 十五五 period), in SQL. */
export const pricedYearsSql = (s: string) =>
  `coalesce(${s}.from_year, ${DEFAULT_YEARS.fromYear}) AS from_year, coalesce(${s}.to_year, ${DEFAULT_YEARS.toYear}) AS to_year`;

/** The years a catalogue is priced for (its own setting, else the 十五五 period). */
export async function pricingYears(tx: Pick<Tx, 'all'>, catalogueId: string): Promise<{ fromYear: number; toYear: number }> {
  const [row] = await tx.all('SELECT from_year, to_year FROM pricing_settings WHERE catalogue_id = $1', [catalogueId]);
  return row ? { fromYear: Number(row.from_year), toYear: Number(row.to_year) } : { ...DEFAULT_YEARS };
}

/** The span of years any catalogue is priced for, as `f` and `t`. */
const PRICED_SPAN_SQL = `SELECT least(min(from_year), ${DEFAULT_YEARS.fromYear}) AS f, greatest(max(to_year), ${DEFAULT_YEARS.toYear}) AS t FROM pricing_settings`;

/** The span of years any catalogue is priced for: the population is resolved once for all of them. */
async function populationSpan(tx: Tx): Promise<{ fromYear: number; toYear: number }> {
  const [row] = await tx.all(PRICED_SPAN_SQL);
  return { fromYear: Number(row?.f ?? DEFAULT_YEARS.fromYear), toYear: Number(row?.t ?? DEFAULT_YEARS.toYear) };
}

/** cost_lines as migrations 002, 009 and 011 leave it: the county's share is derived (item_cost_lines). */
const COST_LINES_COLUMNS = `item_key INTEGER NOT NULL, region INTEGER NOT NULL, year SMALLINT NOT NULL, beneficiaries BIGINT,
  cost_fen BIGINT NOT NULL, central_fen BIGINT NOT NULL, provincial_fen BIGINT NOT NULL, city_fen BIGINT NOT NULL, quality TINYINT NOT NULL`;

/**
 * round(x·n/d) half up, for x ≥ 0 and n ≤ d, exact for any BIGINT operands. The remainder's product fits 64 bits
 * while d ≤ 2·10^9 (always, under MAX_WEIGHT); beyond, for a rule row saved before weights were capped, it is
 * taken in 128 bits, which costs twice the whole UPDATE of an item's lines when every line takes it.
 */
const share = (x: string, n: string, d: string) => {
  const remainder = (r: string) => `(${r} * (${n}) * 2 + (${d})) // (2 * (${d}))`;
  return `((${x}) // (${d})) * (${n}) + CASE WHEN (${d}) <= 2000000000 THEN ${remainder(`((${x}) % (${d}))`)}
    ELSE CAST(${remainder(`CAST((${x}) % (${d}) AS HUGEINT)`)} AS BIGINT) END`;
};

/**
 * 4·10^18: a product x·n up to this, doubled, plus a divisor stays inside 64 bits. The divisor is a sum of three
 * weights: below 10^9 under MAX_WEIGHT, below 3·10^12 even for a row saved before the cap.
 */
const PRODUCT_BOUND = '4000000000000000000';

/**
 * round(x·n/d) half up for x ≥ 0, as `share` gives it, but with one division, (2xn + d) // 2d, where that
 * product fits (`fits`): the same integer, and the million lines need a third of the divisions.
 */
const shareOf = (x: string, n: string, d: string, fits: string) =>
  `CASE WHEN ${fits} THEN ((${x}) * (${n}) * 2 + (${d})) // (2 * (${d})) ELSE ${share(x, n, d)} END`;

/**
 * Per rule term `t`: the largest part whose product with the province's (lim_p) or the city's (lim_c) weight
 * fits PRODUCT_BOUND; a larger part takes `share`'s exact form.
 */
const termLimitsSql = (t: string) =>
  `${PRODUCT_BOUND} // greatest(${t}.wp, 1) AS lim_p, ${PRODUCT_BOUND} // greatest(${t}.wc, 1) AS lim_c`;

/** Drivers complete enough to price: an amount, a rule, and (unless per region) a cohort and coverage. */
const COMPLETE = `d.unit_amount IS NOT NULL AND d.split_rule_id IS NOT NULL AND (u.per_region OR (d.cohort IS NOT NULL AND d.coverage IS NOT NULL))`;

/**
 * Per priced item, its drivers as integers (fen, millionths, hundredths of a period). Incomplete drivers
 * give no row: such items are listed as not priced. For one item (an edit), its catalogue's region and
 * years come along, and an incomplete driver gives a row marked so (its old lines must still go).
 */
function driverTermsSql(driverFilter: string, oneItem = false): string {
  return `
    SELECT d.key AS item_key, i.catalogue_id, d.split_rule_id, u.per_region,
           CASE WHEN u.per_region THEN NULL ELSE d.cohort END AS people,
           CAST(coalesce(d.coverage, 0) * 1000000 AS BIGINT) AS cov_u,
           CAST(d.central_pct * 10000 AS BIGINT) AS manual_u,
           CAST(d.unit_amount * 100 AS BIGINT) AS unit_fen,
           -- Without a base year the amount never changes.
           CASE WHEN d.base_year IS NULL THEN 0 ELSE CAST(coalesce(d.yearly_change, 0) * 100 AS BIGINT) END AS change_fen,
           coalesce(d.base_year, 0) AS base_year, CAST(coalesce(d.periods_per_year, u.periods) * 100 AS BIGINT) AS periods_c
           ${oneItem ? `, c.region_code AS root, ${pricedYearsSql('s')}, coalesce(${COMPLETE}, false) AS complete` : ''}
    FROM item_drivers d JOIN items i ON i.id = d.item_id
    ${oneItem ? 'JOIN catalogues c ON c.id = i.catalogue_id LEFT JOIN pricing_settings s ON s.catalogue_id = c.id LEFT ' : ''}JOIN ${UNITS_SQL} ON u.unit = d.unit
    WHERE ${driverFilter}${oneItem ? '' : ` AND ${COMPLETE}`}`;
}

/** The catalogues of the drivers in `drv`, with the region at the top of each and the years it is priced for. */
const CATALOGUE_YEARS_SQL = `
    SELECT c.id, c.region_code AS root, ${pricedYearsSql('s')}
    FROM catalogues c LEFT JOIN pricing_settings s ON s.catalogue_id = c.id
    WHERE c.id IN (SELECT DISTINCT catalogue_id FROM drv)`;

/**
 * The amount in fen of an item in `year` (its driver terms as `d`), and the yearly amount per beneficiary split
 * as per_a·100 + per_b. Written out per line, so an edit of one item joins its one row of terms, not a row per
 * year: the join that finds its lines is then on the region alone.
 */
function yearAmountSql(year: string, d = 'd.') {
  const amount = `(${d}unit_fen + ${d}change_fen * (${year} - ${d}base_year))`;
  return { amount, ...perYearSql(amount, d) };
}

/** A yearly amount per beneficiary, `amount` fen × periods, as per_a·100 + per_b. */
const perYearSql = (amount: string, d: string) => ({ perA: `(${amount} * ${d}periods_c) // 100`, perB: `(${amount} * ${d}periods_c) % 100` });

/**
 * Per item and year (a relation `drv_years` of driver terms and a year): the amount in fen, and the yearly
 * amount per beneficiary split as per_a·100 + per_b. Negative amounts give no line.
 */
const YEAR_AMOUNT_SQL = `
    SELECT *, ${perYearSql('amount_fen', '').perA} AS per_a, ${perYearSql('amount_fen', '').perB} AS per_b
    FROM (SELECT *, ${yearAmountSql('year', '').amount} AS amount_fen FROM drv_years)
    WHERE amount_fen >= 0`;

/** A leaf region's rule terms belong to a catalogue when the leaf is under the catalogue's region. */
const UNDER_ROOT = (root: string) => `(${root} IS NULL OR t.code = ${root} OR t.top_code = ${root} OR t.city_code = ${root})`;

/** round(population × coverage): the beneficiaries of a line. */
const BENEFICIARIES = (value: string, covU: string) => `(${value} * ${covU} * 2 + 1000000) // 2000000`;

/**
 * A line's cost in fen and its three stored shares, in SQL over per_region, per_a, per_b (the yearly amount, or
 * expressions given for them),
 * wp, wc, wx (the rule row's weights), the given beneficiaries and central share in millionths. Cost =
 * round(beneficiaries × yearly amount), or the yearly amount per region; central = round(cost × pct); the
 * province's weight share of the rest, then the city's of what remains; the county takes the remainder, so
 * the four always sum to the cost (its share is not stored: item_cost_lines computes it). A share refers to
 * the ones before it by their aliases in a SELECT (DuckDB's lateral column aliases: the million lines are
 * copied once, not once per share, and each share takes one division where the product fits); in an
 * UPDATE's SET, where aliases cannot be used, each is written out in the exact form, the shorter text.
 */
function lineMoneySql(
  beneficiaries: string,
  centralU: string,
  refer: 'alias' | 'inline',
  { perA = 'per_a', perB = 'per_b', perRegion = 'per_region' } = {},
) {
  const cost_fen = `CASE WHEN ${perRegion} THEN ${perA} + (${perB} * 2 + 100) // 200 ELSE ${beneficiaries} * ${perA} + (${beneficiaries} * ${perB} * 2 + 100) // 200 END`;
  const alias = refer === 'alias';
  const cost = alias ? 'cost_fen' : `(${cost_fen})`;
  // A central share is at most 100 % (10^6 millionths).
  const central_fen = alias ? shareOf(cost, centralU, '1000000', `${cost} <= 4000000000000 AND ${centralU} <= 1000000`) : share(cost, centralU, '1000000');
  const local = `${cost} - ${alias ? 'central_fen' : `(${central_fen})`}`;
  const provincial = alias ? shareOf(local, 'wp', 'wp + wc + wx', `${local} <= lim_p`) : share(local, 'wp', 'wp + wc + wx');
  const provincial_fen = `CASE WHEN wp + wc + wx = 0 THEN 0 ELSE ${provincial} END`;
  const rest = `${local} - ${alias ? 'provincial_fen' : `(${provincial_fen})`}`;
  const city = alias ? shareOf(rest, 'wc', 'wc + wx', `${rest} <= lim_c`) : share(rest, 'wc', 'wc + wx');
  return { cost_fen, central_fen, provincial_fen, city_fen: `CASE WHEN wc + wx = 0 THEN 0 ELSE ${city} END` };
}

type LineMoney = ReturnType<typeof lineMoneySql>;

/**
 * From a relation `base` of lines (item_key, region, year, per_a, per_b, per_region, beneficiaries,
 * central_u, wp, wc, wx, lim_p, lim_c, quality): the columns of cost_lines, with `money`'s arithmetic.
 */
const splitSql = (money: LineMoney) => `
  costed AS (SELECT *, ${money.cost_fen} AS cost_fen FROM base WHERE central_u IS NOT NULL)
  SELECT CAST(item_key AS INTEGER) AS item_key, CAST(region AS INTEGER) AS region, CAST(year AS SMALLINT) AS year, beneficiaries, cost_fen,
         ${money.central_fen} AS central_fen, ${money.provincial_fen} AS provincial_fen, ${money.city_fen} AS city_fen,
         CAST(quality AS TINYINT) AS quality
  FROM costed`;

/** The exact forms (lineMoneySql), each share choosing its form line by line. */
const SPLIT_SQL = splitSql(lineMoneySql('beneficiaries', 'central_u', 'alias'));

/**
 * SPLIT_SQL's money with no CASE to choose a form per line (those CASEs took a tenth of a full reprice), for lines
 * whose shares of the province and the city are known to fit shareOf's one-division form (FITS_SQL). The
 * central share takes share's exact form, which fits for any cost: a central share is at most 10^6
 * millionths. A line priced per region counts one beneficiary. Weights all 0 give shares of 0, as in
 * lineMoneySql (the divisor taken as 1, each weight being 0).
 */
const FAST_SPLIT_SQL = splitSql({
  cost_fen: 'coalesce(beneficiaries, 1) * per_a + (coalesce(beneficiaries, 1) * per_b * 2 + 100) // 200',
  central_fen: '(cost_fen // 1000000) * central_u + ((cost_fen % 1000000) * central_u * 2 + 1000000) // 2000000',
  provincial_fen: '((cost_fen - central_fen) * wp * 2 + greatest(wp + wc + wx, 1)) // (2 * greatest(wp + wc + wx, 1))',
  city_fen: '((cost_fen - central_fen - provincial_fen) * wc * 2 + greatest(wc + wx, 1)) // (2 * greatest(wc + wx, 1))',
});

/** A line's quality: the worse of its population's and its central share's (the rule's own when entered by hand). */
const QUALITY = (popQuality: string, manualU: string) => `greatest(${popQuality}, CASE WHEN ${manualU} IS NULL THEN t.rule_quality ELSE t.own_quality END)`;

/** Just past PRODUCT_BOUND: a factor this large already fails FITS_SQL. */
const CAP = `CAST(${PRODUCT_BOUND} AS HUGEINT) + 1`;

/**
 * Whether every line any driver could have takes FAST_SPLIT_SQL: the most a line could cost (the largest
 * population wholly covered, at the largest yearly amount of any item in any year priced, rounded up) times
 * the heaviest weight of any rule within PRODUCT_BOUND, as shareOf checks per line. One row, `fits`. Bounds
 * over the whole model, not the lines being written, so it is a few small aggregates and no join of the
 * lines' inputs (a check per item and rule took as long as the CASEs it spares). The schema's CHECKs keep every
 * coverage ≤ 1 and weight ≥ 0.
 */
const FITS_SQL = `
  WITH span AS (${PRICED_SPAN_SQL}),
  -- The amount is linear in the year: its largest is at one end of the span (change_fen is 0 without a base year).
  amounts AS (
    SELECT CAST(d.unit_fen AS HUGEINT) + greatest(CAST(d.change_fen AS HUGEINT) * (span.t - d.base_year), CAST(d.change_fen AS HUGEINT) * (span.f - d.base_year), 0) AS fen,
           CAST(d.periods_c AS HUGEINT) AS periods_c, d.per_region
    FROM (${driverTermsSql('true')}) d CROSS JOIN span)
  -- Each factor capped just past the bound, so the check itself never overflows 128 bits, whatever is stored.
  SELECT least(coalesce(max(least(CASE WHEN a.per_region THEN 1 ELSE (SELECT max(value) FROM population_resolved) END, ${CAP})
           * least((a.fen * a.periods_c) // 100 + 1, ${CAP})), 0), ${CAP})
           * (SELECT greatest(max(wp), max(wc), 1) FROM rule_leaf_terms) <= ${PRODUCT_BOUND} AS fits
  FROM amounts a`;


/**
 * The lines of one catalogue (or of some of its items), set-based: drivers × the leaf regions under the
 * catalogue's region × its years, joined to the resolved population and the rule terms of each leaf.
 * Everything per item and rule is turned into integers first (a few thousand rows); the million lines then
 * need only BIGINT arithmetic: FAST_SPLIT_SQL's when FITS_SQL finds they all fit (`fast`), else the exact forms.
 */
function linesSql(driverFilter: string, fast: boolean): string {
  return `
  WITH drv AS (${driverTermsSql(driverFilter)}),
  -- Each (catalogue, rule) pair numbered: the million-row join is then on one small integer.
  pairs AS (
    SELECT catalogue_id, split_rule_id AS rule_id, CAST(row_number() OVER (ORDER BY catalogue_id, split_rule_id) AS INTEGER) AS pair
    FROM (SELECT DISTINCT catalogue_id, split_rule_id FROM drv)),
  cat AS (${CATALOGUE_YEARS_SQL}),
  drv_years AS (
    SELECT drv.*, CAST(unnest(range(cat.from_year, cat.to_year + 1)) AS INTEGER) AS year FROM drv JOIN cat ON cat.id = drv.catalogue_id),
  -- Cohorts numbered from 1, so the population is found by one integer key (region, cohort, year); an item
  -- priced per region has cohort 0 and finds none.
  cohorts AS (SELECT people AS cohort, CAST(row_number() OVER (ORDER BY people) AS BIGINT) AS cohort_no FROM (SELECT DISTINCT people FROM drv WHERE people IS NOT NULL)),
  drv_amount AS (
    SELECT y.item_key, y.year, y.amount_fen, y.per_a, y.per_b, y.per_region, y.cov_u, y.manual_u, pr.pair, coalesce(k.cohort_no, 0) AS cohort_no
    FROM (${YEAR_AMOUNT_SQL}) y JOIN pairs pr ON pr.catalogue_id = y.catalogue_id AND pr.rule_id = y.split_rule_id
    LEFT JOIN cohorts k ON k.cohort = y.people),
  pop AS (SELECT p.region, k.cohort_no, CAST(p.year AS INTEGER) AS year, p.value, p.quality FROM population_resolved p JOIN cohorts k ON k.cohort = p.cohort),
  rule_terms AS (
    SELECT pr.pair, t.*, ${termLimitsSql('t')} FROM pairs pr JOIN cat ON cat.id = pr.catalogue_id
    JOIN rule_leaf_terms t ON t.rule_id = pr.rule_id AND ${UNDER_ROOT('cat.root')}),
  -- Per person: each item-year meets the population of its cohort in every region, then the rule terms of
  -- its region; per region: each item-year meets the rule terms directly.
  per_person AS (
    SELECT d.item_key, p.region, d.year, d.amount_fen, d.per_a, d.per_b, d.per_region, d.pair, d.manual_u,
           ${BENEFICIARIES('p.value', 'd.cov_u')} AS beneficiaries, p.quality AS pop_quality
    FROM drv_amount d JOIN pop p ON p.cohort_no = d.cohort_no AND p.year = d.year
    WHERE NOT d.per_region),
  per_region AS (
    SELECT d.item_key, t.region, d.year, d.amount_fen, d.per_a, d.per_b, d.per_region, d.pair, d.manual_u,
           CAST(NULL AS BIGINT) AS beneficiaries, 0 AS pop_quality
    FROM drv_amount d JOIN rule_terms t ON t.pair = d.pair
    WHERE d.per_region),
  base AS (
    SELECT x.item_key, x.region, x.year, x.amount_fen, x.per_a, x.per_b, x.per_region, x.beneficiaries,
           coalesce(x.manual_u, t.central_u) AS central_u, t.wp, t.wc, t.wx, t.lim_p, t.lim_c, ${QUALITY('x.pop_quality', 'x.manual_u')} AS quality
    FROM (SELECT * FROM per_person UNION ALL SELECT * FROM per_region) x
    JOIN rule_terms t ON t.pair = x.pair AND t.region = x.region),
  ${fast ? FAST_SPLIT_SQL : SPLIT_SQL}`;
}

/** Whether the lines of the model as it stands can all take FAST_SPLIT_SQL (FITS_SQL). */
export async function linesFit(tx: Pick<Tx, 'all'>): Promise<boolean> {
  const [row] = await tx.all(FITS_SQL);
  return row?.fits === true;
}

/** Writes the lines of the drivers `driverFilter` selects (with `params`), in item order. */
async function insertLines(tx: Tx, driverFilter: string, params?: Params): Promise<void> {
  await tx.run(`INSERT INTO cost_lines ${linesSql(driverFilter, await linesFit(tx))} ORDER BY item_key`, params);
}


/**
 * Per year of the one item in `drv` (its terms, driverTermsSql for one item): `drv_years`, then `a`, the
 * amount in fen and the yearly amount per beneficiary (YEAR_AMOUNT_SQL).
 */
const ITEM_YEARS_SQL = `drv_years AS (SELECT drv.*, CAST(unnest(range(drv.from_year, drv.to_year + 1)) AS INTEGER) AS year FROM drv),
     a AS (${YEAR_AMOUNT_SQL})`;

/**
 * Which lines one item has: its key, its rule, its cohort (none when priced per region). The statements below
 * name them in their text (so DuckDB skips the storage that holds none of their lines) and read every value
 * from the tables: the text stays the same from one edit of the item to the next, and the statement is planned
 * once and kept (Tx.runKept).
 */
interface ItemLines {
  key: number;
  ruleId: string | null;
  cohort: string | null;
  perRegion: boolean;
}

const itemTermsCte = (key: number) => `drv AS (${driverTermsSql(`d.key = ${key}`, true)})`;

/**
 * One item's new lines as `base` rows (SPLIT_SQL's input), its drivers' terms as `drv`. Per person, its one
 * row of terms meets its rule's rows under the catalogue's region and then its cohort's population in the
 * years priced, each year's amount written out per line (yearAmountSql): the population is the probe side
 * of a join on the region alone. Per region, its years meet its rule's rows.
 */
function itemBaseSql(item: ItemLines & { ruleId: string }): string {
  const terms = `coalesce(d.manual_u, t.central_u) AS central_u, t.wp, t.wc, t.wx, ${termLimitsSql('t')}`;
  if (item.perRegion) {
    return `${ITEM_YEARS_SQL},
     base AS (
       SELECT d.item_key, t.region, d.year, d.per_a, d.per_b, d.per_region, CAST(NULL AS BIGINT) AS beneficiaries, ${terms},
              ${QUALITY('0', 'd.manual_u')} AS quality
       FROM rule_leaf_terms t JOIN a d ON ${UNDER_ROOT('d.root')}
       WHERE t.rule_id = ${quote(item.ruleId)} AND d.complete AND d.per_region)`;
  }
  const year = yearAmountSql('p.year');
  return `base AS (
       SELECT d.item_key, t.region, p.year, ${year.perA} AS per_a, ${year.perB} AS per_b, d.per_region,
              ${BENEFICIARIES('p.value', 'd.cov_u')} AS beneficiaries, ${terms}, ${QUALITY('p.quality', 'd.manual_u')} AS quality
       FROM drv d JOIN rule_leaf_terms t ON t.rule_id = ${quote(item.ruleId)} AND ${UNDER_ROOT('d.root')}
       JOIN population_resolved p ON p.region = t.region AND p.cohort = ${quote(item.cohort ?? '')} AND p.year BETWEEN d.from_year AND d.to_year
       WHERE d.complete AND NOT d.per_region AND ${year.amount} >= 0)`;
}

/**
 * One item's lines, rebuilt. The same arithmetic as linesSql, in a statement small enough that DuckDB plans
 * it in a few milliseconds.
 */
async function rebuildItemLines(tx: Tx, item: ItemLines): Promise<void> {
  await tx.runKept(`DELETE FROM cost_lines WHERE item_key = ${item.key}`);
  if (item.ruleId === null || (!item.perRegion && item.cohort === null)) return;
  await tx.runKept(`INSERT INTO cost_lines WITH ${itemTermsCte(item.key)}, ${itemBaseSql({ ...item, ruleId: item.ruleId })}, ${SPLIT_SQL}`);
}

/**
 * One item's lines after an edit of money alone (lineChange 'amounts'): their regions, years, rule rows,
 * beneficiaries and quality stay, so they are updated where they lie, with the same arithmetic as SPLIT_SQL,
 * and the population is not read at all. The SET refers to each line's own beneficiaries and year, so the
 * money is written out in the exact form (lineMoneySql 'inline').
 *
 * The item is named through its one row of terms `d`, not as a filter on the lines. DuckDB then estimates the
 * lines at their full count and reads them as the probe side of the join, in the order they are stored; at
 * run time the join's key prunes the scan to the item's own storage. An UPDATE whose rows arrive out of that
 * order takes many times as long (150 ms against 5 when the rule terms led the join). With a row per year
 * instead of `d`, DuckDB built the join from every year × rule row on three keys: 2 ms more of the 9.
 */
async function updateItemMoney(tx: Tx, item: ItemLines & { ruleId: string }): Promise<void> {
  const year = yearAmountSql('c.year');
  const money = lineMoneySql('c.beneficiaries', 'coalesce(d.manual_u, t.central_u)', 'inline', { perA: `(${year.perA})`, perB: `(${year.perB})`, perRegion: 'd.per_region' });
  const set = (['cost_fen', 'central_fen', 'provincial_fen', 'city_fen'] as const).map((column) => `${column} = ${money[column]}`);
  await tx.runKept(
    `UPDATE cost_lines c SET ${set.join(', ')}
     FROM (WITH ${itemTermsCte(item.key)} SELECT * FROM drv) d, rule_leaf_terms t
     WHERE c.item_key = d.item_key AND t.rule_id = ${quote(item.ruleId)} AND t.region = c.region
       AND coalesce(d.manual_u, t.central_u) IS NOT NULL`,
  );
}

/**
 * One item's lines after an edit that changes their beneficiaries but not their places (lineChange
 * 'values': a coverage, a share entered by hand): the new lines computed as a rebuild computes them
 * (SPLIT_SQL), then written over the old ones where they lie. Written out in the SET instead, the money of a
 * line whose beneficiaries are themselves an expression took half as long again to run (18 ms against 12).
 * Their quality stays: it changes only with the population's cohort or a share by hand set or cleared, which
 * are 'lines' edits (each column written costs about 1 ms of the 14,000 lines' UPDATE and its commit).
 */
async function updateItemValues(tx: Tx, item: ItemLines & { ruleId: string }): Promise<void> {
  await tx.runKept(
    `UPDATE cost_lines c SET ${['cost_fen', 'central_fen', 'provincial_fen', 'city_fen', 'beneficiaries'].map((column) => `${column} = n.${column}`).join(', ')}
     FROM (WITH ${itemTermsCte(item.key)}, ${itemBaseSql(item)}, ${SPLIT_SQL}) n
     WHERE c.item_key = n.item_key AND c.year = n.year AND c.region = n.region`,
  );
}

/**
 * After an edit of one item's drivers (its key `key`) from `before` to `after`, in a catalogue priced for
 * `years`: its lines updated where they lie when they keep their places (lineChange), else rebuilt.
 */
export async function repriceDriverEdit(
  tx: Tx,
  key: number,
  years: { fromYear: number; toYear: number },
  before: ItemDriver,
  after: ItemDriver,
): Promise<void> {
  const item = { key, ruleId: after.splitRuleId, cohort: after.cohort, perRegion: driverUnit(after.unit)?.basis === 'per_region' };
  const change = lineChange(before, after, years);
  if (change === 'lines' || item.ruleId === null) await rebuildItemLines(tx, item);
  else if (change === 'amounts') await updateItemMoney(tx, { ...item, ruleId: item.ruleId });
  else await updateItemValues(tx, { ...item, ruleId: item.ruleId });
}

export async function repriceCatalogue(tx: Tx, catalogueId: string): Promise<void> {
  await tx.run(
    'DELETE FROM cost_lines WHERE item_key IN (SELECT d.key FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1)',
    [catalogueId],
  );
  await insertLines(tx, 'i.catalogue_id = $1', [catalogueId]);
}

/** After a driver edit: only that item's lines (about 14,000 for one item of a national model). */
export async function repriceItems(tx: Tx, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  if (itemIds.length === 1) {
    const [row] = await tx.all('SELECT key, split_rule_id, cohort, unit FROM item_drivers WHERE item_id = $1', [itemIds[0]!]);
    if (!row) return;
    const perRegion = driverUnit(row.unit === null ? null : String(row.unit))?.basis === 'per_region';
    const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
    return rebuildItemLines(tx, { key: Number(row.key), ruleId: text(row.split_rule_id), cohort: text(row.cohort), perRegion });
  }
  const ids = [idList(itemIds)];
  await tx.run(`DELETE FROM cost_lines WHERE item_key IN (SELECT key FROM item_drivers WHERE item_id IN ${idsFromJson('$1')})`, ids);
  await insertLines(tx, `d.item_id IN ${idsFromJson('$1')}`, ids);
}

/**
 * After a change of regions (the default: everything derived from them, leaves and rule terms too), or of the
 * population, cohort shares or years priced ('population'): the population again, then every line of every
 * catalogue, written as a new table in one statement (far cheaper than deleting a million rows).
 */
export async function repriceAll(tx: Tx, changed: 'regions' | 'population' = 'regions'): Promise<void> {
  const { fromYear, toYear } = await populationSpan(tx);
  if (changed === 'regions') await rebuildLeaves(tx);
  await rebuildPopulation(tx, fromYear, toYear);
  // A new table, declared as the migrations leave it (CREATE … AS would drop its NOT NULLs), then filled.
  await tx.run(`CREATE OR REPLACE TABLE cost_lines (${COST_LINES_COLUMNS})`);
  await insertLines(tx, 'true');
}

/** After a rule edit: the catalogues whose items use it. */
export async function repriceRule(tx: Tx, ruleId: string): Promise<string[]> {
  const rows = await tx.all(
    'SELECT DISTINCT i.catalogue_id AS id FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE d.split_rule_id = $1',
    [ruleId],
  );
  const ids = rows.map((r) => String(r.id));
  for (const id of ids) await repriceCatalogue(tx, id);
  return ids;
}
