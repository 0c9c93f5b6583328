// Cost drivers (测算参数) of one item: who it reaches, at what amount, how often, and which split rule
// divides the cost. Values travel as the planner typed them, checked here once for every host.
import { SCALE, fractionForPercent, fromScaled, misplacedComma, plainDecimal, toScaled, ungrouped } from './decimal';
import { normaliseCohort } from './regions';

export type DriverBasis = 'per_person' | 'per_region';

export interface DriverUnit {
  unit: string;
  /** The periods per year the unit implies, suggested when the planner picks it. */
  periods: string;
  basis: DriverBasis;
}

export const DRIVER_UNITS: readonly DriverUnit[] = [
  { unit: '元/人/年', periods: '1', basis: 'per_person' },
  { unit: '元/人/月', periods: '12', basis: 'per_person' },
  { unit: '元/人/天', periods: '365', basis: 'per_person' },
  { unit: '元/生/年', periods: '1', basis: 'per_person' },
  { unit: '元/生/学期', periods: '2', basis: 'per_person' },
  { unit: '元/生/天', periods: '200', basis: 'per_person' },
  { unit: '元/户/年', periods: '1', basis: 'per_person' },
  { unit: '元/户/月', periods: '12', basis: 'per_person' },
  { unit: '元/地区/年', periods: '1', basis: 'per_region' },
];

export function driverUnit(unit: string | null): DriverUnit | null {
  return DRIVER_UNITS.find((u) => u.unit === unit) ?? null;
}

/**
 * The periods a year an item's pricing uses when its own are not set: its unit's (12 for 元/人/月, 200 school
 * days for 元/生/天). Shown in grey in the empty cell, and copied as shown; null when set or without a unit.
 */
export function impliedPeriods(driver: { unit: string | null; periodsPerYear: string | null }): string | null {
  return driver.periodsPerYear === null ? (driverUnit(driver.unit)?.periods ?? null) : null;
}

export const DRIVER_FIELDS = [
  'cohort',
  'coverage',
  'unitAmount',
  'unit',
  'periodsPerYear',
  'baseYear',
  'yearlyChange',
  'splitRuleId',
  'centralPct',
] as const;
export type DriverField = (typeof DRIVER_FIELDS)[number];

export const DRIVER_FIELD_LABELS: Record<DriverField, string> = {
  cohort: '服务人群',
  coverage: '覆盖率',
  unitAmount: '补助标准',
  unit: '单位',
  periodsPerYear: '每年期数',
  baseYear: '标准年份',
  yearlyChange: '每年增减',
  splitRuleId: '分担规则',
  centralPct: '中央分担（手工）',
};

/** A driver cell as a message names it, to find it again: 第6项“中等职业教育免学费”的“补助标准”. */
export const driverCellName = (itemNo: number, itemName: string, field: DriverField) => `第${itemNo}项“${itemName}”的“${DRIVER_FIELD_LABELS[field]}”`;

/**
 * A coverage as a finance officer reads it: 0.015 → "1.5%" (stored as a fraction, as the files give it; typed
 * either way). Exact: the decimal point moves, nothing is computed in binary.
 */
export function coveragePercent(fraction: string): string {
  const scaled = toScaled(fraction, SCALE.coverage);
  return scaled === null ? fraction : `${plainDecimal(fromScaled(scaled, SCALE.coverage - 2))}%`;
}

/** An item's drivers as stored: decimal strings, exactly as the database holds them. */
export interface ItemDriver {
  itemId: string;
  cohort: string | null;
  /** Fraction 0–1. */
  coverage: string | null;
  /** 元 per unit in the base year. */
  unitAmount: string | null;
  unit: string | null;
  periodsPerYear: string | null;
  baseYear: number | null;
  /** 元 added each year after the base year (negative lowers it). */
  yearlyChange: string | null;
  splitRuleId: string | null;
  /** A central share entered by hand (percent), for factor-allocated items; overrides the rule's. */
  centralPct: string | null;
}

export const EMPTY_DRIVER = (itemId: string): ItemDriver => ({
  itemId,
  cohort: null,
  coverage: null,
  unitAmount: null,
  unit: null,
  periodsPerYear: null,
  baseYear: null,
  yearlyChange: null,
  splitRuleId: null,
  centralPct: null,
});

export type FieldValue = string | number | null;
export type Parsed = { ok: true; value: FieldValue } | { ok: false; message: string };

const MAX_AMOUNT = 10n ** 12n * 100n; // 一万亿元, in fen

/**
 * Text typed into the 测算 grid's 覆盖率 cell, read as Excel and WPS read what is typed into a cell formatted as
 * a percentage: a bare figure of 1 or more is a percent (1 → 1%), one below 1 a fraction (0.5 → 50%). Files,
 * the command line and a pasted block keep parseDriverField's own reading, where a bare 1 is everyone.
 */
export function typedCoverage(input: string): string {
  const figure = input.trim().normalize('NFKC');
  return /^\d+(\.\d+)?$/u.test(figure) && !/^0*(\.\d*)?$/u.test(figure) ? `${figure}%` : input;
}

/** Checks one field as typed; the message says what is wrong in words a planner uses. */
export function parseDriverField(field: DriverField, input: string | null): Parsed {
  const typed = input === null ? '' : input.trim();
  // Figures typed with a Chinese input method in full-width mode (１０００，５０％) read as their half-width selves.
  const names = field === 'cohort' || field === 'unit' || field === 'splitRuleId';
  // An amount copied from an Excel 货币 cell (¥1,250.00) is read as its 元, as a trailing 元 is (NFKC makes ￥ ¥).
  const money = field === 'unitAmount' || field === 'yearlyChange';
  const figure = names ? typed : ungrouped(money ? typed.normalize('NFKC').replace(/^([+-]?)¥\s*/u, '$1') : typed.normalize('NFKC'));
  const label = DRIVER_FIELD_LABELS[field];
  if (figure === null) return { ok: false, message: `${label}${misplacedComma(typed)}` };
  const text = figure.replace(/元$/u, '');
  if (text === '') return { ok: true, value: null };
  switch (field) {
    case 'cohort':
      return text.length > 40 ? { ok: false, message: `${label}名称太长（最多 40 字）` } : { ok: true, value: normaliseCohort(text) };
    case 'coverage': {
      const sign = text.endsWith('%') || text.endsWith('％');
      const digits = sign ? text.slice(0, -1) : text;
      // No fraction is above 1: a bare 95 is 95 %, as a finance officer who sees 95% in the cell means it.
      const whole = toScaled(digits, SCALE.coverage);
      const percent = sign || (whole !== null && whole > 10n ** BigInt(SCALE.coverage));
      // 50% read at four places is 500000: the same millionths as 0.5 read at six.
      const value = percent ? toScaled(digits, SCALE.coverage - 2) : whole;
      if (value === null || value < 0n || value > 10n ** BigInt(SCALE.coverage)) {
        return { ok: false, message: `${label}应在 0% 到 100% 之间（可写 50%、50 或 0.5），最多 4 位小数的百分数，收到“${input}”` };
      }
      return { ok: true, value: decimalText(value, SCALE.coverage) };
    }
    case 'unitAmount':
    case 'yearlyChange': {
      const fen = toScaled(text, SCALE.money);
      if (fen === null) return { ok: false, message: `${label}应是金额（元，最多两位小数），收到“${input}”` };
      if (field === 'unitAmount' && fen < 0n) return { ok: false, message: `${label}不能为负数，收到“${input}”` };
      if (fen > MAX_AMOUNT || fen < -MAX_AMOUNT) return { ok: false, message: `${label}超出合理范围（一万亿元以内），收到“${input}”` };
      return { ok: true, value: decimalText(fen, SCALE.money) };
    }
    case 'unit':
      return driverUnit(text) ? { ok: true, value: text } : { ok: false, message: `${label}应为 ${DRIVER_UNITS.map((u) => u.unit).join('、')} 之一，收到“${input}”` };
    case 'periodsPerYear': {
      const v = toScaled(text, SCALE.periods);
      if (v === null || v <= 0n || v > 36600n) return { ok: false, message: `${label}应是大于 0、不超过 366 的数（如每月发放填 12，按在校天数填 200），收到“${input}”` };
      return { ok: true, value: decimalText(v, SCALE.periods) };
    }
    case 'baseYear': {
      const year = /^\d{4}$/u.test(text) ? Number(text) : NaN;
      return year >= 2000 && year <= 2100 ? { ok: true, value: year } : { ok: false, message: `${label}应是 2000 到 2100 之间的年份（如 2025），收到“${input}”` };
    }
    case 'splitRuleId':
      return { ok: true, value: text };
    case 'centralPct': {
      const fraction = fractionForPercent(text);
      if (fraction) return { ok: false, message: `${label}${fraction}` };
      const v = toScaled(text.replace(/[%％]$/u, ''), SCALE.percent);
      if (v === null || v < 0n || v > 100n * 10n ** BigInt(SCALE.percent)) return { ok: false, message: `${label}应是 0 到 100 之间的百分数，收到“${input}”` };
      return { ok: true, value: decimalText(v, SCALE.percent) };
    }
  }
}

function decimalText(scaled: bigint, scale: number): string {
  return plainDecimal(fromScaled(scaled, scale));
}

/** A value as the parser normalises it, so "0.50" and "50%" count as no change from "0.5"; unparsable text as is. */
export function normalisedDriverText(field: DriverField, text: string | null): string | null {
  const parsed = parseDriverField(field, text);
  return parsed.ok ? (parsed.value === null ? null : String(parsed.value)) : text;
}

/** Whether any driver of an item is set: a row whose every field was cleared (an edit undone, a block cleared) is as unset as none. */
export const driverIsSet = (d: ItemDriver): boolean => DRIVER_FIELDS.some((f) => d[f] !== null);

/** What an item still lacks before it can be priced; empty when it can. */
export function missingDrivers(d: ItemDriver): DriverField[] {
  const unit = driverUnit(d.unit);
  const needed: DriverField[] = ['unitAmount', 'unit', 'splitRuleId'];
  if (!unit || unit.basis === 'per_person') needed.push('cohort', 'coverage');
  return needed.filter((f) => d[f] === null);
}

/** The amount in year y: unit amount plus the yearly change for each year since the base year, in fen. */
export function amountFenInYear(d: Pick<ItemDriver, 'unitAmount' | 'yearlyChange' | 'baseYear'>, year: number): bigint {
  const base = toScaled(d.unitAmount ?? '0', SCALE.money) ?? 0n;
  const change = d.yearlyChange === null ? 0n : (toScaled(d.yearlyChange, SCALE.money) ?? 0n);
  const since = d.baseYear === null ? 0 : year - d.baseYear;
  return base + change * BigInt(since);
}

/**
 * What a complete item's amount leaves out without a word in the figures: a yearly change with no base year to
 * count from (every year at the unit amount), years whose amount falls below zero (no line for them). Told to
 * the planner among the 测算 problems, in Chinese, the item named.
 */
export function amountProblems(item: string, d: ItemDriver, years: { fromYear: number; toYear: number }): string[] {
  if (missingDrivers(d).length > 0) return [];
  const problems: string[] = [];
  const change = d.yearlyChange === null ? 0n : (toScaled(d.yearlyChange, SCALE.money) ?? 0n);
  if (change !== 0n && d.baseYear === null) {
    problems.push(`${item}设了每年增减（${d.yearlyChange} 元）但没有标准年份：每年增减没有计入，各年都按 ${d.unitAmount} 元测算；请填写标准年份。`);
  }
  const below: number[] = [];
  for (let year = years.fromYear; year <= years.toYear; year += 1) if (amountFenInYear(d, year) < 0n) below.push(year);
  if (below.length > 0) problems.push(`${item}的补助标准在 ${below.join('、')} 年低于 0 元（每年增减 ${d.yearlyChange} 元），这些年份没有计入测算。`);
  return problems;
}

/**
 * What an edit of an item's drivers from `before` to `after` changes in its lines:
 * - 'amounts': only their money (the amount, its yearly change, base year or periods);
 * - 'values': their beneficiaries and central share as well (coverage, a central share entered by hand);
 * - 'lines': which lines there are (cohort, unit, rule, an item priced or not before or after, a year whose
 *   amount is below zero and so has no line, a central share by hand set or cleared: a rule row without a
 *   central share of its own has lines only where one is entered by hand).
 * For the first two the lines keep their regions, years and rule rows and can be updated where they lie.
 */
export type LineChange = 'amounts' | 'values' | 'lines';

export function lineChange(before: ItemDriver, after: ItemDriver, years: { fromYear: number; toYear: number }): LineChange {
  const same = (fields: readonly DriverField[]) => fields.every((f) => before[f] === after[f]);
  if (!same(['cohort', 'unit', 'splitRuleId']) || !driverUnit(after.unit)) return 'lines';
  if (missingDrivers(before).length > 0 || missingDrivers(after).length > 0) return 'lines';
  if ((before.centralPct === null) !== (after.centralPct === null)) return 'lines';
  for (let year = years.fromYear; year <= years.toYear; year += 1) {
    if (amountFenInYear(before, year) < 0n || amountFenInYear(after, year) < 0n) return 'lines';
  }
  return same(['coverage', 'centralPct']) ? 'amounts' : 'values';
}
