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
  /**
   * 1 when the target group is the whole cohort; null when the words narrow it (家庭经济困难, 贫困, 符合条件 …):
   * the planner must then say what share qualifies, and until then the item is listed as not priced.
   */
  coverage: string | null;
}

export interface RuleSuggestion {
  ruleId: string;
  /** The words of 支出责任 that led to it. */
  reason: string;
}

const AMOUNT = /(\d+(?:\.\d+)?)\s*(?:元|块)/gu;

function unitFor(context: string, perStudent: boolean): { unit: string; periods: string } {
  const perHousehold = /户/u.test(context) && !perStudent;
  const who = perStudent ? '生' : perHousehold ? '户' : '人';
  if (/每天|每日|\/天|日均/u.test(context)) return perStudent ? { unit: '元/生/天', periods: '200' } : { unit: '元/人/天', periods: '365' };
  if (/每月|月人均|\/月|按月/u.test(context)) return { unit: who === '户' ? '元/户/月' : '元/人/月', periods: '12' };
  if (/每学期/u.test(context) && perStudent) return { unit: '元/生/学期', periods: '2' };
  return { unit: who === '生' ? '元/生/年' : who === '户' ? '元/户/年' : '元/人/年', periods: '1' };
}

/** Students and pupils by stage: the cohorts a school-based item is counted on. */
const STUDENT_COHORTS: [RegExp, string][] = [
  [/中等职业|中职/u, '中职在校生'],
  [/普通高中|普高/u, '普通高中在校生'],
  [/义务教育|小学|初中/u, '义务教育在校生'],
  [/幼儿|学前/u, '在园幼儿'],
];

/** Words that say only part of the cohort qualifies. */
const NARROWING = /困难|贫困|低收入|符合条件|特困|残疾|部分|试点|建档立卡|失能|高龄/u;

/** The age band or group the item's words name, as a cohort, when they are plain enough to read. */
export function suggestCohort(targetGroup: string | null, name: string | null = null): string | null {
  const text = normaliseCohort(`${name ?? ''} ${targetGroup ?? ''}`);
  const band = /(\d+-\d+岁)/u.exec(text) ?? /(\d+岁及以上)/u.exec(text) ?? /(\d+)周岁以上/u.exec(text);
  if (band) return band[0].includes('周岁以上') ? `${band[1]}岁及以上` : band[1]!;
  if (/学生|在校生|幼儿/u.test(text)) return STUDENT_COHORTS.find(([test]) => test.test(text))?.[1] ?? null;
  // The basic pension and old-age allowances are paid to people of pensionable age, not to every resident.
  if (/养老|老年人|高龄/u.test(text)) return '60岁及以上';
  if (/城乡居民|常住人口|辖区居民|全体居民|居民/u.test(text)) return RESIDENTS;
  return null;
}

export function suggestDriver(standard: string | null, targetGroup: string | null, name: string | null = null): DriverSuggestion | null {
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
  const perStudent = /生/u.test(context) || /学生|在校生|幼儿/u.test(`${name ?? ''}${targetGroup ?? ''}`);
  const { unit, periods } = unitFor(context, perStudent);
  const cohort = suggestCohort(targetGroup, name);
  return {
    unitAmount: first.amount,
    unit,
    periodsPerYear: periods,
    cohort,
    quote: context.trim(),
    others: found.slice(1).map((f) => `${f.amount} 元`),
    coverage: cohort !== null && !NARROWING.test(targetGroup ?? '') ? '1' : null,
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
