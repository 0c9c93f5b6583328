// Split rules (分担规则): for one item in one region, the central share (a fixed percent, or the province's
// tier under 国办发〔2018〕6号) and the weights by which the rest divides among province, city and county.
// The rows of a rule may depend on the county's class and grade; the most specific row wins.
import { SCALE, roundDiv, toScaled } from './decimal';
import { COUNTY_CLASSES, DIRECT_COUNTY } from './regions';
import type { CountyClass } from './regions';
import type { ChoiceOption } from '../choice';

export const TIER = 'tier';

export interface SplitRuleRow {
  countyClass: CountyClass | null;
  grade: number | null;
  /** A percent as a decimal string, or "tier" for the province's tier share. */
  centralPct: string;
  provincial: string;
  city: string;
  county: string;
}

export interface SplitRule {
  id: string;
  name: string;
  /** The province whose rules these are; null for a rule any province may use. */
  provinceCode: string | null;
  /** Where the rule comes from, in Chinese (文号, or 规划编制人员自定). */
  source: string;
  status: 'sourced' | 'derived' | 'unverified';
  note: string | null;
  rows: SplitRuleRow[];
}

/** How specific a row is for (class, grade): class and grade 3, class 2, grade 1, default 0; -1 if it does not apply. */
export function rowSpecificity(row: Pick<SplitRuleRow, 'countyClass' | 'grade'>, countyClass: CountyClass | null, grade: number | null): number {
  if (row.countyClass !== null && row.countyClass !== countyClass) return -1;
  if (row.grade !== null && row.grade !== grade) return -1;
  return (row.countyClass !== null ? 2 : 0) + (row.grade !== null ? 1 : 0);
}

/** The row that applies to a region, or null when the rule has none for it. */
export function chooseRow<R extends SplitRuleRow>(rows: readonly R[], countyClass: CountyClass | null, grade: number | null): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const row of rows) {
    const score = rowSpecificity(row, countyClass, grade);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

export interface ScaledWeights {
  provincial: bigint;
  city: bigint;
  county: bigint;
}

export function scaledWeights(row: Pick<SplitRuleRow, 'provincial' | 'city' | 'county'>): ScaledWeights {
  const w = (t: string) => toScaled(t, SCALE.weight) ?? 0n;
  return { provincial: w(row.provincial), city: w(row.city), county: w(row.county) };
}

export interface ShareFen {
  central: bigint;
  provincial: bigint;
  city: bigint;
  county: bigint;
}

/**
 * Divides a cost (fen) exactly: the central part at its percent, then the province's part of the rest by
 * its weight, then the city's part of what remains, the county taking the remainder. Each part rounds half
 * up and is taken from what is left, so the four always sum to the cost and none is negative. A 省直管县's
 * city pays nothing: its weight is dropped and the province and county share the local part.
 */
export function splitFen(costFen: bigint, centralPctScaled: bigint, weights: ScaledWeights, countyClass: CountyClass | null): ShareFen {
  const hundred = 100n * 10n ** BigInt(SCALE.percent);
  const central = roundDiv(costFen * centralPctScaled, hundred);
  const local = costFen - central;
  const city = countyClass === DIRECT_COUNTY ? 0n : weights.city;
  const total = weights.provincial + city + weights.county;
  const provincial = total === 0n ? 0n : roundDiv(local * weights.provincial, total);
  const rest = local - provincial;
  const cityPart = city + weights.county === 0n ? 0n : roundDiv(rest * city, city + weights.county);
  return { central, provincial, city: cityPart, county: rest - cityPart };
}

const WEIGHT_FIELDS = [
  ['provincial', '省级'],
  ['city', '市级'],
  ['county', '县级'],
] as const;

/**
 * The largest weight a row may give. Weights are relative (1 : 1 : 2, 50 : 30 : 20), so the cap takes nothing
 * from a planner; it keeps a line's split on the one-division path of 64-bit arithmetic. Rows saved before it
 * (up to DECIMAL(12,4)'s limit) are still split exactly, in 128 bits (electron/pricing/reprice.ts).
 */
export const MAX_WEIGHT = 10000n;

/** Everything wrong with a rule, in Chinese; empty when every region it can apply to gets four shares that sum to its cost. */
/** `rowPlace` names a row where the planner will look for it: its place in the rule, or a file's line. */
/**
 * Which regions a rule row is for, as the planner reads it: "市管县 · 2档"; the row of any class and grade is
 * 其他地区 beside rows for listed ones, and 所有地区 when it is the rule's only row.
 */
export function ruleRowScope(countyClass: string | null, grade: number | null, onlyRow = false): string {
  return [countyClass, grade === null ? null : `${grade}档`].filter(Boolean).join(' · ') || (onlyRow ? '所有地区' : '其他地区');
}

export function ruleProblems(rule: Pick<SplitRule, 'name' | 'rows'>, rowPlace: (index: number) => string = (index) => `第${index + 1}行`): string[] {
  const problems: string[] = [];
  if (rule.name.trim() === '') problems.push('规则名称不能为空');
  if (rule.rows.length === 0) problems.push(`规则“${rule.name}”没有任何分担行`);
  // The most specific row wins, so without this one a region of no listed class or grade (a city with no
  // counties imported has no class) would have no row: its share of the item would silently go uncounted.
  else if (!rule.rows.some((row) => row.countyClass === null && row.grade === null)) {
    problems.push(`规则“${rule.name}”缺少类别、等级都留空的一行（“其他地区”行）：不属于所列类别或档次的地区（还有没有导入县区的市）没有适用的行，无法分担`);
  }
  const seen = new Set<string>();
  rule.rows.forEach((row, index) => {
    const where = `规则“${rule.name}”${rowPlace(index)}（${row.countyClass ?? '任意类别'}、${row.grade === null ? '任意等级' : `${row.grade}档`}）`;
    const key = `${row.countyClass ?? ''}|${row.grade ?? ''}`;
    if (seen.has(key)) problems.push(`${where}与前面的行适用范围相同，无法判断用哪一行`);
    seen.add(key);
    if (row.countyClass !== null && !(COUNTY_CLASSES as readonly string[]).includes(row.countyClass)) {
      problems.push(`${where}的县类别应为 ${COUNTY_CLASSES.join('、')} 之一`);
    }
    if (row.grade !== null && (!Number.isInteger(row.grade) || row.grade < 1 || row.grade > 9)) problems.push(`${where}的等级应为 1 到 9 的整数`);
    if (row.centralPct !== TIER) {
      const c = toScaled(row.centralPct, SCALE.percent);
      if (c === null || c < 0n || c > 100n * 10n ** BigInt(SCALE.percent)) problems.push(`${where}的中央分担比例应为 0 到 100 的百分数，或按省份分档，收到“${row.centralPct}”`);
    }
    const weights: bigint[] = [];
    for (const [field, label] of WEIGHT_FIELDS) {
      const w = toScaled(row[field], SCALE.weight);
      if (w === null || w < 0n || w > MAX_WEIGHT * 10n ** BigInt(SCALE.weight)) {
        problems.push(`${where}的${label}权重应为 0 到 ${MAX_WEIGHT} 之间的数，最多 4 位小数，收到“${row[field]}”`);
      } else weights.push(w);
    }
    // What the weights together mean is said only of weights that could all be read.
    if (weights.length < WEIGHT_FIELDS.length) return;
    const [p, c, x] = weights as [bigint, bigint, bigint];
    const centralAll = row.centralPct !== TIER && toScaled(row.centralPct, SCALE.percent) === 100n * 10n ** BigInt(SCALE.percent);
    if (!centralAll && p + c + x === 0n) problems.push(`${where}的省、市、县权重都是 0，地方承担的部分无人支付`);
    if (row.countyClass === DIRECT_COUNTY && c !== 0n) problems.push(`${where}：省直管县的市级不承担支出，市级权重应为 0`);
    if (!centralAll && (row.countyClass === null) && p + x === 0n && c > 0n) {
      problems.push(`${where}适用于省直管县时市级不承担支出，而省级和县级权重都是 0：请给省级或县级权重，或另加一行“省直管县”`);
    }
  });
  return problems;
}

/** The rules a catalogue of province `provinceCode` is offered: any province's and its own (all, for a national one). */
export function rulesOfProvince<R extends Pick<SplitRule, 'provinceCode'>>(rules: readonly R[], provinceCode: string | null): R[] {
  return rules.filter((r) => provinceCode === null || r.provinceCode === null || r.provinceCode === provinceCode);
}

/** Rules as a name typed for one is read (resolveChoice): by its name, its id, or a part only it has. */
export function ruleChoices(rules: readonly Pick<SplitRule, 'id' | 'name'>[]): ChoiceOption[] {
  return rules.map((r) => ({ value: r.id, label: r.name }));
}
