// The pricing model's writes, on the one write path: each validated, applied in one transaction with the
// cost lines it touches rebuilt, and recorded in change_log with its inverse. The caller is told what
// changed so open views refresh only that.
import type { Change } from '../../shared/contract';
import { DRIVER_FIELD_LABELS, driverCellName, driverUnit, parseDriverField } from '../../shared/domain/pricing/drivers';
import type { DriverField, FieldValue, ItemDriver } from '../../shared/domain/pricing/drivers';
import { suggestRule } from '../../shared/domain/pricing/suggest';
import { suggestItemDriver } from '../../shared/domain/pricing/national-standards';
import { listNationalStandards } from './reference-queries';
import { ruleChoices } from '../../shared/domain/pricing/split-rules';
import type { SplitRule } from '../../shared/domain/pricing/split-rules';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { driverText, getDriver, getItemAndDriver, listDrivers, writeDriverFields } from '../pricing/drivers-store';
import { pricingYears, repriceAll, repriceDriverEdit, repriceItems, repriceRule } from '../pricing/reprice';
import { getRegion } from '../pricing/regions-store';
import { parseGrowthPct } from '../../shared/domain/pricing/growth';
import { COUNTY_CLASSES, catalogueProvince, parseCountyClass } from '../../shared/domain/pricing/regions';
import { plainDecimal } from '../../shared/domain/pricing/decimal';
import type { RegionRow, SuggestionOutcome } from '../../shared/domain/pricing/results';
import { uncountedCohorts } from '../pricing/population';
import { quote } from '../db/sql-literal';
import { getRule, listRules, provinceTier, saveRule } from '../pricing/rules';
import { unresolvedChoice } from '../../shared/domain/choice';
import { getCatalogue, getItem } from './catalogue-queries';
import type { Origin } from './commands';
import { groupChanges, logChange } from './change-log';

/** One driver cell as the grid sends it: the value and the value it showed before (`expected`). */
type DriverCellEdit = { field: DriverField; value: string | null; expected: string | null };

export interface Committed<T> {
  value: T;
  change: Change;
}

export async function setDriverField(
  db: Database,
  request: { itemId: string; field: DriverField; value: string | null; expected: string | null },
  origin: Origin,
): Promise<Committed<ItemDriver>> {
  return db.transaction(async (tx) => {
    groupChanges(tx);
    return applyDriverFields(tx, request.itemId, [request], origin, { impliedPeriods: true });
  });
}

/** One driver cell inside a transaction the caller holds (an edit, or its undo and redo), cost lines rebuilt. */
export function applyDriverField(
  tx: Tx,
  request: { itemId: string; field: DriverField; value: string | null; expected: string | null },
  origin: Origin,
): Promise<Committed<ItemDriver>> {
  return applyDriverFields(tx, request.itemId, [request], origin);
}

/**
 * Driver cells of one item inside a transaction the caller holds: each checked against the value the grid
 * showed (`expected`) and logged as an edit of its own, written in one UPDATE, and the item's cost lines
 * repriced once for all of them. With `impliedPeriods` (a planner's own edit, not an undo or redo, which
 * replay what was logged), a unit chosen while no periods a year are set brings the periods it implies,
 * in the same step: one Ctrl+Z takes both back.
 */
async function applyDriverFields(
  tx: Tx,
  itemId: string,
  requested: readonly DriverCellEdit[],
  origin: Origin,
  { reprice = true, impliedPeriods = false } = {},
): Promise<Committed<ItemDriver>> {
  const { item, driver: before, stored: driverRow, years } = await getItemAndDriver(tx, itemId);
  const cells = impliedPeriods ? withImpliedPeriods(requested, before) : requested;
  const changes: Partial<Record<DriverField, FieldValue>> = {};
  const edits: { field: DriverField; value: string | null; stored: string | null; expected: string | null }[] = [];
  for (const cell of cells) {
    const where = driverCellName(item.itemNo, item.name, cell.field);
    const stored = driverText(before, cell.field);
    const expected = cell.expected === null ? null : parseValue(cell.field, cell.expected, where);
    if (String(expected ?? '') !== String(stored ?? '')) {
      throw new AppError('conflict', `${where}已被改动（可能是在另一个窗口），本次修改没有保存。请刷新后再改。`);
    }
    const value = parseValue(cell.field, cell.value, where);
    if (cell.field === 'splitRuleId' && value !== null && !(await getRule(tx, String(value)))) {
      throw new AppError('refused', `${where}：${unresolvedChoice(String(value), ruleChoices(await listRules(tx)), '分担规则')}（可在“分担规则”中查看和新建），本次修改没有保存。`);
    }
    if (String(value ?? '') === String(stored ?? '')) continue;
    changes[cell.field] = value;
    edits.push({ field: cell.field, value: value === null ? null : String(value), stored, expected: cell.expected });
  }
  if (edits.length === 0) return { value: before, change: costsChanged(item.catalogueId, [item.id]) };
  const { driver: after, key } = await writeDriverFields(tx, item.id, changes, driverRow);
  for (const edit of edits) {
    const { field } = edit;
    await logChange(
      tx,
      item.catalogueId,
      'driver.setField',
      { kind: 'driver.setField', itemId, field, value: edit.value, expected: edit.expected },
      { kind: 'driver.setField', itemId, field, value: edit.stored, expected: edit.value },
      origin,
      `修改第${item.itemNo}项的“${DRIVER_FIELD_LABELS[field]}”`,
    );
  }
  if (reprice) await repriceDriverEdit(tx, key, years, before, after);
  return { value: after, change: costsChanged(item.catalogueId, [item.id]) };
}

/** From this many items on, their lines are rebuilt together, set-based (10 items 70 ms, one by one 250 ms). */
const SET_BASED_ITEMS = 3;

/**
 * Driver cells of many items inside a transaction the caller holds (a paste, its undo and redo): each item's
 * cells written and logged together, then the cost lines of all of them rebuilt. Gives their catalogues.
 * `impliedPeriods` as for applyDriverFields.
 */
export async function applyDriverCells(tx: Tx, cells: readonly DriverCell[], origin: Origin, { impliedPeriods = false } = {}): Promise<string[]> {
  const byItem = new Map<string, DriverCell[]>();
  for (const cell of cells) byItem.set(cell.itemId, [...(byItem.get(cell.itemId) ?? []), cell]);
  const setBased = byItem.size >= SET_BASED_ITEMS;
  const catalogues = new Set<string>();
  for (const [itemId, itemCells] of byItem) catalogues.add((await applyDriverFields(tx, itemId, itemCells, origin, { reprice: !setBased, impliedPeriods })).change.catalogueId!);
  if (setBased) await repriceItems(tx, [...byItem.keys()]);
  return [...catalogues];
}

/** A block of driver cells pasted (or cleared) in the 测算 grid. */
export interface DriverCell {
  itemId: string;
  field: DriverField;
  value: string | null;
  expected: string | null;
}

/**
 * Driver cells pasted, cut or cleared in the 测算 grid: one transaction and one undo step, each cell checked
 * and logged as the edit of one cell would be. The first refused cell (a value the field cannot take, a cell
 * changed meanwhile, an item of another catalogue) refuses the whole block, and nothing is written.
 */
export async function pasteDriverCells(
  db: Database,
  request: { catalogueId: string; action: 'paste' | 'cut' | 'clear'; cells: DriverCell[] },
  origin: Origin,
): Promise<Committed<{ changed: number }>> {
  const verb = request.action === 'paste' ? '粘贴' : request.action === 'cut' ? '剪切' : '清除';
  return db.transaction(async (tx) => {
    groupChanges(tx, `${verb} ${request.cells.length} 个测算参数`);
    // A unit pasted brings its periods a year as a unit typed does (not an undo or redo: they replay the log).
    const catalogues = await applyDriverCells(tx, request.cells, origin, { impliedPeriods: request.action === 'paste' });
    if (catalogues.some((id) => id !== request.catalogueId)) throw new AppError('bad_request', `${verb}的单元格不属于这份清单，没有${verb}任何内容。`);
    return { value: { changed: request.cells.length }, change: costsChanged(request.catalogueId, [...new Set(request.cells.map((c) => c.itemId))]) };
  });
}

/**
 * A unit chosen brings its periods a year, where none are set or those set are the old unit's own (filled when
 * it was chosen): 元/人/月 pasted and put right to 元/人/年 must not keep 12 and cost twelve times over.
 * Periods the planner set to something else (a school year of 180 days) stay.
 */
function withImpliedPeriods(cells: readonly DriverCellEdit[], before: ItemDriver): readonly DriverCellEdit[] {
  const unitCell = cells.find((c) => c.field === 'unit');
  const parsed = unitCell ? parseDriverField('unit', unitCell.value) : null;
  const unit = parsed?.ok && parsed.value !== null ? driverUnit(String(parsed.value)) : null;
  if (!unit || unit.unit === before.unit || cells.some((c) => c.field === 'periodsPerYear')) return cells;
  const set = before.periodsPerYear;
  // Periods that follow the unit: none set, or the old unit's own; and only where the new unit's differ.
  const followsUnit = set === null || Number(set) === Number(driverUnit(before.unit)?.periods);
  if (!followsUnit || (set !== null && Number(set) === Number(unit.periods))) return cells;
  return [...cells, { field: 'periodsPerYear', value: unit.periods, expected: set }];
}

function parseValue(field: DriverField, text: string | null, where: string): FieldValue {
  const parsed = parseDriverField(field, text);
  if (!parsed.ok) throw new AppError('refused', `${where}：${parsed.message}，本次修改没有保存。`);
  return parsed.value;
}

function costsChanged(catalogueId: string, itemIds: string[]): Change {
  return { catalogueId, scope: 'drivers', itemIds };
}

/**
 * The planner's confirmation of the suggestions for some items: each empty driver field takes the value
 * read from the standard's words, and the rule read from 支出责任; fields already set are left alone.
 */
export async function applySuggestions(db: Database, catalogueId: string, itemIds: string[], origin: Origin): Promise<Committed<SuggestionOutcome>> {
  return db.transaction(async (tx) => {
    const changed: string[] = [];
    const severalAmounts: number[] = [];
    const nationalOverOwn: number[] = [];
    const [catalogue] = await tx.all('SELECT region_code FROM catalogues WHERE id = $1', [catalogueId]);
    const provinceCode = catalogueProvince(catalogue?.region_code ? String(catalogue.region_code) : null);
    const tier = await provinceTier(tx, provinceCode);
    const rules = await listRules(tx);
    const standards = await listNationalStandards(tx);
    const { fromYear } = await pricingYears(tx, catalogueId);
    for (const itemId of itemIds) {
      const item = await getItem(tx, itemId);
      if (item.catalogueId !== catalogueId) throw new AppError('bad_request', `服务项目“${item.name}”不属于这份清单，没有采用任何建议。`);
      const before = await getDriver(tx, itemId);
      const values: Partial<Record<DriverField, FieldValue>> = {};
      const driver = suggestItemDriver(item, standards, fromYear);
      if (driver) {
        const take = (field: DriverField, value: string | null) => {
          if (value !== null && before[field] === null) values[field] = parseValue(field, value, `第${item.itemNo}项`);
        };
        take('unitAmount', driver.unitAmount);
        take('unit', driver.unit);
        take('periodsPerYear', driver.periodsPerYear);
        take('cohort', driver.cohort);
        take('coverage', driver.coverage);
        // The year is the suggested amount's: not put beside an amount the planner typed (their 4 元 is not of 2021).
        const sameAmount = before.unitAmount !== null && driver.unitAmount !== null && plainDecimal(String(before.unitAmount)) === plainDecimal(driver.unitAmount);
        if (values.unitAmount !== undefined || sameAmount) take('baseYear', driver.baseYear);
      }
      const rule = suggestRule(item.fundingResponsibility, { name: item.name, standard: item.standard, provinceCode, rules, tier });
      if (rule && before.splitRuleId === null && rules.some((r) => r.id === rule.ruleId)) values.splitRuleId = rule.ruleId;
      const fields = Object.keys(values) as DriverField[];
      if (fields.length === 0) continue;
      // The catalogue's own amount beside the national one is said as such, not as "several amounts" (item 20's
      // words state 90 元 alone; the national 163 元 was taken).
      if (values.unitAmount !== undefined && driver?.ownAmount) nationalOverOwn.push(item.itemNo);
      if (values.unitAmount !== undefined && (driver?.others.length ?? 0) > (driver?.ownAmount ? 1 : 0)) severalAmounts.push(item.itemNo);
      // One undo step for all the items taken, logged field by field as the edits a planner would have made.
      groupChanges(tx, itemIds.length === 1 ? `采用第${item.itemNo}项的建议` : `采用 ${itemIds.length} 项建议`);
      const { driver: after } = await writeDriverFields(tx, itemId, values);
      for (const field of fields) {
        const [was, now] = [driverText(before, field), driverText(after, field)];
        await logChange(tx, catalogueId, 'driver.setField', { kind: 'driver.setField', itemId, field, value: now, expected: was }, { kind: 'driver.setField', itemId, field, value: was, expected: now }, origin);
      }
      changed.push(itemId);
    }
    await repriceItems(tx, changed);
    return { value: { ...(await suggestionOutcome(tx, catalogueId, changed)), severalAmounts, nationalOverOwn }, change: costsChanged(catalogueId, changed) };
  });
}

/**
 * What taking the suggestions gave: how many items are priced now, and why the others are not yet (a
 * coverage the suggestion could not know, a cohort with no population), so the planner knows what to do next.
 */
async function suggestionOutcome(tx: Tx, catalogueId: string, itemIds: string[]): Promise<Omit<SuggestionOutcome, 'severalAmounts' | 'nationalOverOwn'>> {
  if (itemIds.length === 0) return { applied: 0, priced: 0, needCoverage: 0, uncountedCohorts: [] };
  const list = itemIds.map(quote).join(', ');
  const [{ n } = { n: 0 }] = await tx.all(`SELECT count(DISTINCT item_id) AS n FROM item_cost_lines WHERE item_id IN (${list})`);
  const stored = await listDrivers(tx, catalogueId);
  const drivers = itemIds.map((id) => stored.get(id)!);
  const perPerson = drivers.filter((d) => driverUnit(d.unit)?.basis !== 'per_region');
  return {
    applied: itemIds.length,
    priced: Number(n),
    needCoverage: perPerson.filter((d) => d.cohort !== null && d.coverage === null).length,
    uncountedCohorts: (await uncountedCohorts(tx, perPerson.map((d) => d.cohort))).sort(),
  };
}

const RULE_ID_PREFIX = 'rule-';

export async function saveSplitRule(
  db: Database,
  request: { id: string | null; name: string; provinceCode: string | null; note: string | null; rows: SplitRule['rows'] },
  origin: Origin,
): Promise<Committed<SplitRule>> {
  return db.transaction(async (tx) => {
    const id = request.id ?? (await newRuleId(tx));
    const before = await getRule(tx, id);
    const rule: SplitRule = {
      id,
      name: request.name.trim(),
      provinceCode: request.provinceCode,
      note: request.note,
      source: before?.source ?? '规划编制人员自定',
      status: before?.status ?? 'unverified',
      rows: request.rows,
    };
    if (rule.provinceCode !== null) await refuseStranding(tx, rule);
    await saveRule(tx, rule);
    await logChange(tx, null, 'rule.save', rule, before, origin);
    await repriceRule(tx, id);
    return { value: rule, change: { catalogueId: null, scope: 'rules', itemIds: [] } };
  });
}

/**
 * A rule narrowed to one province while items of another province's catalogue use it would leave them on a
 * rule their catalogue no longer offers (and that a name typed there no longer finds): refused, naming them.
 */
async function refuseStranding(tx: Tx, rule: SplitRule): Promise<void> {
  const rows = await tx.all(
    `SELECT c.name, count(*) AS items FROM item_drivers d JOIN items i ON i.id = d.item_id JOIN catalogues c ON c.id = i.catalogue_id
     WHERE d.split_rule_id = $1 AND c.region_code IS NOT NULL AND substr(c.region_code, 1, 2) || '0000' <> $2
     GROUP BY c.name ORDER BY c.name`,
    [rule.id, rule.provinceCode],
  );
  if (rows.length === 0) return;
  const [province] = await tx.all('SELECT name FROM regions WHERE code = $1', [rule.provinceCode]);
  const users = rows.map((r) => `《${String(r.name)}》${String(r.items)} 项`).join('、');
  throw new AppError(
    'refused',
    `分担规则“${rule.name}”正被其他省的清单使用（${users}），不能改为只适用于${province ? String(province.name) : rule.provinceCode}，没有保存。只改本省的比例，请用“复制为本省规则”。`,
  );
}

async function newRuleId(tx: Tx): Promise<string> {
  const [row] = await tx.all(`SELECT count(*) AS n FROM split_rules WHERE id LIKE '${RULE_ID_PREFIX}%'`);
  let n = Number(row?.n ?? 0) + 1;
  while ((await tx.all('SELECT 1 FROM split_rules WHERE id = $1', [`${RULE_ID_PREFIX}${n}`])).length) n += 1;
  return `${RULE_ID_PREFIX}${n}`;
}

const REGION_FIELD_LABELS = { countyClass: '县类别', grade: '财力档次', growthPct: '人口年增长率' } as const;
const REGION_FIELD_COLUMNS = { countyClass: 'county_class', grade: 'grade', growthPct: 'growth_pct' } as const;

/** A region's class, grade or growth rate: every priced catalogue is repriced, since any may cover it. */
export async function updateRegion(
  db: Database,
  request: { code: string; field: keyof typeof REGION_FIELD_LABELS; value: string | null },
  origin: Origin,
): Promise<Committed<RegionRow>> {
  return db.transaction(async (tx) => {
    const before = await getRegion(tx, request.code);
    if (!before) throw new AppError('not_found', `没有代码为 ${request.code} 的行政区。`);
    const where = `${before.name}的“${REGION_FIELD_LABELS[request.field]}”`;
    const text = request.value?.trim() ?? '';
    let value: string | number | null = null;
    if (text !== '') {
      if (request.field === 'countyClass') {
        value = parseCountyClass(text);
        if (value === null) throw new AppError('refused', `${where}应为 ${COUNTY_CLASSES.join('、')} 之一，收到“${text}”，没有保存。`);
      } else if (request.field === 'grade') {
        if (!/^[1-9]$/u.test(text)) throw new AppError('refused', `${where}应为 1 到 9 的整数，收到“${text}”，没有保存。`);
        value = Number(text);
      } else {
        const rate = parseGrowthPct(text);
        if (!rate.ok) throw new AppError('refused', `${where}${rate.message}，没有保存。`);
        value = rate.value;
      }
    }
    const column = REGION_FIELD_COLUMNS[request.field];
    await tx.run(`UPDATE regions SET ${column} = $1 WHERE code = $2`, [value, request.code]);
    await logChange(tx, null, 'region.setField', { ...request, value }, { ...request, value: before[request.field] }, origin);
    await repriceAll(tx);
    return { value: (await getRegion(tx, request.code))!, change: { catalogueId: null, scope: 'regions', itemIds: [] } };
  });
}

export async function setPricingYears(db: Database, catalogueId: string, fromYear: number, toYear: number, origin: Origin): Promise<Committed<null>> {
  if (fromYear > toYear || toYear - fromYear >= 20) {
    throw new AppError('refused', `测算年度应从早到晚且不超过 20 年，收到 ${fromYear}—${toYear}，没有保存。`);
  }
  return db.transaction(async (tx) => {
    await getCatalogue(tx, catalogueId);
    // The years in force again (a second click, a repeated request): nothing to log, nothing to reprice.
    const now = await pricingYears(tx, catalogueId);
    if (now.fromYear === fromYear && now.toYear === toYear) return { value: null, change: { catalogueId, scope: 'costs', itemIds: [] } };
    await tx.run(
      `INSERT INTO pricing_settings VALUES ($1, $2, $3) ON CONFLICT (catalogue_id) DO UPDATE SET from_year = excluded.from_year, to_year = excluded.to_year`,
      [catalogueId, fromYear, toYear],
    );
    await logChange(tx, catalogueId, 'pricing.setYears', { fromYear, toYear }, null, origin);
    // The population may now be needed for more years.
    await repriceAll(tx, 'population');
    return { value: null, change: { catalogueId, scope: 'costs', itemIds: [] } };
  });
}
