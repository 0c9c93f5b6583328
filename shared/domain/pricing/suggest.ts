// Suggestions the planner confirms, never applies silently: drivers read from the standard's own words
// ("每生每天4元", "每人每月90元"), and a split rule: the province's own where its document names the item,
// else one read from the 支出责任 words.
import { RESIDENTS, normaliseCohort } from './regions';
import type { SplitRule } from './split-rules';

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
  /** The year the amount is of (a national standard's); null for the words' own amount. */
  baseYear: string | null;
  /** 'words': read from the item's standard; 'national': the latest national standard (national-standards.ts). */
  basis: 'words' | 'national';
  /** A national amount's suggestion: the amount the item's own words state, when it differs (90 元 against 163 元). */
  ownAmount?: string | null;
}

export interface RuleSuggestion {
  ruleId: string;
  /** The words that led to it: of 支出责任, or of the item where its province's own rule names it. */
  reason: string;
  /**
   * 'province': a rule of the catalogue's province made for this item; 'national': the rule 国办发〔2018〕6号 sets
   * for this item by the province's tier; 'funding': read from 支出责任.
   */
  basis: 'province' | 'national' | 'funding';
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

/** Where a clause ends, and where a sentence does (a clause of another sentence says nothing of this one's). */
const CLAUSE_MARKS = ['，', '；', '。'];
const SENTENCE_MARKS = ['；', '。', ';'];

/** Where the clause or sentence holding `index` starts: just after the last of `marks` before it (0 for none). */
const afterLastMark = (text: string, index: number, marks: readonly string[]) => Math.max(...marks.map((mark) => text.lastIndexOf(mark, index))) + 1;

/**
 * The words an amount was read from: from where its clause starts to where it ends (the next ，；。), so a range
 * or a unit after it is quoted whole ("每生每年 500 元—1000 元", not "500 元—100"); at most 30 characters after.
 */
function quoteOf(standard: string, start: number, amountEnd: number): string {
  const ends = [...CLAUSE_MARKS, ',', ';'].map((mark) => standard.indexOf(mark, amountEnd)).filter((i) => i >= 0);
  const end = Math.min(ends.length ? Math.min(...ends) : standard.length, amountEnd + 30);
  return standard.slice(start, end).trim();
}

/** An age band the words name ("3-6岁", "60周岁以上", "百岁以上"), as a cohort. */
function ageBand(words: string): string | null {
  const text = normaliseCohort(words);
  if (/百岁(?:及)?以上|百岁老人/u.test(text)) return '100岁及以上';
  const range = /(\d+)-(\d+)周?岁/u.exec(text);
  if (range) return `${range[1]}-${range[2]}岁`;
  const over = /(\d+)周?岁(?:及)?以上/u.exec(text);
  return over ? `${over[1]}岁及以上` : null;
}

/** Words that say only part of the cohort qualifies. */
const NARROWING = /困难|贫困|低收入|符合条件|特困|残疾|部分|试点|建档立卡|失能|高龄|除[^，。；]*以外/u;

/** The age band or group the item's words name, as a cohort, when they are plain enough to read. */
export function suggestCohort(targetGroup: string | null, name: string | null = null): string | null {
  const text = normaliseCohort(`${name ?? ''} ${targetGroup ?? ''}`);
  const band = ageBand(text);
  if (band) return band;
  if (/学生|在校生|幼儿/u.test(text)) return STUDENT_COHORTS.find(([test]) => test.test(text))?.[1] ?? null;
  // The basic pension and old-age allowances are paid to people of pensionable age, not to every resident.
  if (/养老|老年人|高龄/u.test(text)) return '60岁及以上';
  if (/城乡居民|常住人口|辖区居民|全体居民|居民/u.test(text)) return RESIDENTS;
  return null;
}

/** The cohort an item's group names, and a coverage of 1 unless its words narrow it to a part. */
export function suggestGroup(targetGroup: string | null, name: string | null = null): Pick<DriverSuggestion, 'cohort' | 'coverage'> {
  const cohort = suggestCohort(targetGroup, name);
  return { cohort, coverage: cohort !== null && !NARROWING.test(targetGroup ?? '') ? '1' : null };
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
  const start = Math.max(afterLastMark(standard, first.index, CLAUSE_MARKS), first.index - 24);
  const context = standard.slice(start, first.index + first.text.length + 4);
  const perStudent = /生/u.test(context) || /学生|在校生|幼儿/u.test(`${name ?? ''}${targetGroup ?? ''}`);
  const { unit, periods } = unitFor(context, perStudent);
  // An amount whose own sentence names an age ("百岁以上老年人的高龄津贴每人每月不少于300元") is paid to that
  // age alone, not to the item's whole group (every 60-year-old).
  const sentence = standard.slice(afterLastMark(standard, first.index, SENTENCE_MARKS), first.index);
  const sentenceBand = ageBand(sentence);
  // The whole band qualifies unless the sentence itself narrows it (高龄 is the band's own name there).
  const { cohort, coverage } = sentenceBand
    ? { cohort: sentenceBand, coverage: NARROWING.test(sentence.replace(/高龄/gu, '')) ? null : '1' }
    : suggestGroup(targetGroup, name);
  return {
    unitAmount: first.amount,
    unit,
    periodsPerYear: periods,
    cohort,
    quote: quoteOf(standard, start, first.index + first.text.length),
    others: found.slice(1).map((f) => `${f.amount} 元`),
    coverage,
    baseYear: null,
    basis: 'words',
  };
}

/** Phrase patterns of 支出责任, most specific first (seed-notes/funding_phrases.md sorts all 81 Hebei items). */
const RULE_PATTERNS: { test: RegExp; ruleId: string }[] = [
  { test: /中央财政补贴\s*60\s*[%％]/u, ruleId: 'central-60-local' },
  // The basic pension where the province's tier is not known (nationalRule: where it is).
  { test: /国家试点县.*中央财政承担|中央财政按国家确定的基础养老金最低标准/u, ruleId: 'central-100' },
  { test: /中央和省、市、县(?:财政|政府)(?:按比例|共同|分别|分级|分类)/u, ruleId: 'tier-shared' },
  { test: /中央财政补助、省市县财政支持/u, ruleId: 'tier-shared' },
  { test: /^省、市、县(?:财政|政府)/u, ruleId: 'local-province-city-county' },
  { test: /市、县(?:政府|财政)(?:负责|保障)/u, ruleId: 'local-city-county' },
];

/**
 * Where an item's words name what `test` looks for: its name, or also its standard (`inStandard`) where the
 * amount priced is named there (公用经费 in 免费义务教育). The words matched, or null.
 */
export function itemWords(test: RegExp, item: { name: string | null; standard: string | null }, inStandard = false): string | null {
  return (test.exec(item.name?.trim() ?? '') ?? (inStandard ? test.exec(item.standard ?? '') : null))?.[0] ?? null;
}

/**
 * Items a province's own document gives shares for (seeds/reference/split_rules.md): for them its rule comes
 * before any read from 支出责任, whose words ("中央和省、市、县财政按比例分担") do not say the province's shares.
 * Matched on the item's name, or also its standard where the amount priced is named there (公用经费 in 免费义务教育).
 */
const PROVINCE_ITEMS: { provinceCode: string; ruleId: string; test: RegExp; inStandard?: boolean }[] = [
  { provinceCode: '130000', ruleId: 'hebei-compulsory-education', test: /公用经费/u, inStandard: true },
  { provinceCode: '130000', ruleId: 'hebei-resident-medical', test: /城乡居民(?:基本)?医疗保险|城乡居民医保/u },
  // 豫政办〔2021〕75号's items whose central share follows the tier (the basic pension's and the pilots' do not).
  { provinceCode: '410000', ruleId: 'henan-graded', test: /公用经费/u, inStandard: true },
  {
    provinceCode: '410000',
    ruleId: 'henan-graded',
    test: /中等职业教育国家助学金|中等职业教育免学费|中职(?:国家)?助学金|中职免学费|普通高中国家助学金|普通高中[^，。]*免学|城乡居民(?:基本)?医疗保险|城乡居民医保/u,
  },
];

/** The item a rule is suggested for: its words, and the province of its catalogue. */
export interface RuleContext {
  name: string | null;
  standard: string | null;
  /** The 6-digit code of the catalogue's province (130000), or null for a national catalogue. */
  provinceCode: string | null;
  /** The rules there are: a province's own rule named for the item ("河北·基本公共卫生服务") is suggested first. */
  rules: readonly Pick<SplitRule, 'id' | 'name' | 'provinceCode'>[];
  /** The province's tier under 国办发〔2018〕6号 (1–5); null or absent when not known (a national catalogue). */
  tier?: number | null;
}

/**
 * The basic pension's national minimum: 国办发〔2018〕6号 has the centre pay it whole in tiers 1 and 2 and half in
 * the others, not the tiers' 80/60/50/30/10 % (seeds/reference/split_rules.md), whatever 支出责任 says of it.
 */
const PENSION = /城乡居民基本养老保险|城乡居民养老保险|基础养老金/u;

function nationalRule(item: RuleContext, funding: string): RuleSuggestion | null {
  const words = itemWords(PENSION, item) ?? PENSION.exec(funding)?.[0] ?? null;
  if (!words || item.tier === null || item.tier === undefined) return null;
  const ruleId = item.tier <= 2 ? 'central-100' : 'central-50-local';
  return item.rules.some((r) => r.id === ruleId) ? { ruleId, reason: words, basis: 'national' } : null;
}

/** The province's own rule for the item: a shipped one its document names the item for, or one named after it. */
function provinceRule(item: RuleContext): RuleSuggestion | null {
  const name = item.name?.trim() ?? '';
  if (item.provinceCode === null) return null;
  for (const { provinceCode, ruleId, test, inStandard } of PROVINCE_ITEMS) {
    if (provinceCode !== item.provinceCode || !item.rules.some((r) => r.id === ruleId)) continue;
    const words = itemWords(test, item, inStandard);
    if (words) return { ruleId, reason: words, basis: 'province' };
  }
  if (name.length < 2) return null;
  // A rule the planner wrote for the province, its name the item's after the province's ("河北·…").
  const own = item.rules.find((r) => {
    const subject = r.name.split('·').pop()!.trim();
    return r.provinceCode === item.provinceCode && subject.length >= 2 && (name.includes(subject) || subject.includes(name));
  });
  return own ? { ruleId: own.id, reason: name, basis: 'province' } : null;
}

export function suggestRule(funding: string | null, item: RuleContext | null = null): RuleSuggestion | null {
  const own = item && (provinceRule(item) ?? nationalRule(item, funding ?? ''));
  if (own) return own;
  if (!funding) return null;
  const text = funding.replace(/,/gu, '，').trim();
  for (const { test, ruleId } of RULE_PATTERNS) {
    const m = test.exec(text);
    if (m) return { ruleId, reason: m[0], basis: 'funding' };
  }
  return null;
}
