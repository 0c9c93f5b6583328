// Suggestions the planner confirms, never applies silently: drivers read from the standard's own words
// ("每生每天4元", "每人每月90元"), and a split rule read from the 支出责任 words.
import { RESIDENTS, normaliseCohort } from './regions';

export interface DriverSuggestion {
  unitAmount: string;
  unit: string;
  periodsPerYear: string;
  cohort: string | null;
  /** The words the amount was read from. */
  quote: string;
  /** Other amounts the standard states (another school level, a range's top), for the planner to weigh. */
  others: string[];
}

export interface RuleSuggestion {
  ruleId: string;
  /** The words of 支出责任 that led to it. */
  reason: string;
}

const AMOUNT = /(\d+(?:\.\d+)?)\s*(?:元|块)/gu;

function unitFor(context: string): { unit: string; periods: string } {
  const perStudent = /生/u.test(context);
  const perHousehold = /户/u.test(context) && !perStudent;
  const who = perStudent ? '生' : perHousehold ? '户' : '人';
  if (/每天|每日|\/天|日均/u.test(context)) return perStudent ? { unit: '元/生/天', periods: '200' } : { unit: '元/人/天', periods: '365' };
  if (/每月|月人均|\/月|按月/u.test(context)) return { unit: who === '户' ? '元/户/月' : '元/人/月', periods: '12' };
  if (/每学期/u.test(context) && perStudent) return { unit: '元/生/学期', periods: '2' };
  return { unit: who === '生' ? '元/生/年' : who === '户' ? '元/户/年' : '元/人/年', periods: '1' };
}

/** The age band or group the target-group text names, as a cohort, when it is plain enough to read. */
export function suggestCohort(targetGroup: string | null): string | null {
  if (!targetGroup) return null;
  const text = normaliseCohort(targetGroup);
  const band = /(\d+-\d+岁)/u.exec(text) ?? /(\d+岁及以上)/u.exec(text) ?? /(\d+)周岁以上/u.exec(text);
  if (band) return band[0].includes('周岁以上') ? `${band[1]}岁及以上` : band[1]!;
  if (/城乡居民|常住人口|辖区居民|全体居民|居民/u.test(text)) return RESIDENTS;
  return null;
}

export function suggestDriver(standard: string | null, targetGroup: string | null): DriverSuggestion | null {
  if (!standard) return null;
  const found: { amount: string; index: number; text: string }[] = [];
  for (const m of standard.matchAll(AMOUNT)) {
    // A year ("2020年") or a range's lower end ("500元—1000元" keeps both) are amounts only with 元.
    found.push({ amount: m[1]!, index: m.index, text: m[0] });
  }
  if (found.length === 0) return null;
  const first = found[0]!;
  // The words just before the amount say per whom and how often ("小学生每生每年 1000 元").
  const start = Math.max(0, standard.lastIndexOf('，', first.index) + 1, standard.lastIndexOf('；', first.index) + 1, first.index - 24);
  const context = standard.slice(start, first.index + first.text.length + 4);
  const { unit, periods } = unitFor(context);
  return {
    unitAmount: first.amount,
    unit,
    periodsPerYear: periods,
    cohort: suggestCohort(targetGroup),
    quote: context.trim(),
    others: found.slice(1).map((f) => `${f.amount} 元`),
  };
}

/** Phrase patterns of 支出责任, most specific first (seed-notes/funding_phrases.md sorts all 81 Hebei items). */
const RULE_PATTERNS: { test: RegExp; ruleId: string }[] = [
  { test: /中央财政补贴\s*60\s*[%％]/u, ruleId: 'central-60-local' },
  { test: /国家试点县.*中央财政承担|中央财政按国家确定的基础养老金最低标准/u, ruleId: 'central-100' },
  { test: /中央和省、市、县(?:财政|政府)(?:按比例|共同|分别|分级|分类)/u, ruleId: 'tier-shared' },
  { test: /中央财政补助、省市县财政支持/u, ruleId: 'tier-shared' },
  { test: /^省、市、县(?:财政|政府)/u, ruleId: 'local-province-city-county' },
  { test: /市、县(?:政府|财政)(?:负责|保障)/u, ruleId: 'local-city-county' },
];

export function suggestRule(funding: string | null): RuleSuggestion | null {
  if (!funding) return null;
  const text = funding.replace(/,/gu, '，').trim();
  for (const { test, ruleId } of RULE_PATTERNS) {
    const m = test.exec(text);
    if (m) return { ruleId, reason: m[0] };
  }
  return null;
}
