// The national standards of the reference data (seeds/reference/national_standards_by_year.csv) that an item
// of a catalogue is priced at least at. A catalogue's own words give the amount of its day (河北's 十三五
// "685 元" of 2016): priced for later years, the latest national standard is the better suggestion, and the
// words' amount stays beside it for the planner to weigh. The same match is what 对标 will compare against.
import { plainDecimal } from './decimal';
import { driverUnit } from './drivers';
import { itemWords, suggestDriver, suggestGroup } from './suggest';
import type { DriverSuggestion } from './suggest';
import type { NationalStandard } from '../reference';

/**
 * Which national standard an item's words name: by its name, or also its standard's text where the amount
 * priced is named there (公用经费 in 免费义务教育). The first match wins; the primary-school figure stands
 * for compulsory education, the lower of the two (the junior one is offered beside it).
 */
const ITEM_STANDARDS: { test: RegExp; standard: string; inStandard?: boolean }[] = [
  { test: /公用经费/u, standard: '义务教育公用经费基准定额(小学)', inStandard: true },
  { test: /营养改善|营养膳食/u, standard: '农村义务教育学生营养膳食补助' },
  { test: /寄宿生生活补助/u, standard: '义务教育家庭经济困难寄宿生生活补助(小学)' },
  { test: /中等职业教育国家助学金|中职国家助学金/u, standard: '中等职业教育国家助学金' },
  { test: /普通高中国家助学金/u, standard: '普通高中国家助学金(平均)' },
  { test: /城乡居民基本养老保险|城乡居民养老保险|基础养老金/u, standard: '城乡居民基础养老金最低标准' },
  { test: /城乡居民基本医疗保险|城乡居民医保/u, standard: '城乡居民基本医疗保险人均财政补助' },
  { test: /基本公共卫生服务/u, standard: '基本公共卫生服务经费人均财政补助' },
];

/** The national standard an item is held to, at the latest year known up to `year` (else the earliest after). */
export function nationalStandardFor(
  item: { name: string | null; standard: string | null },
  standards: readonly NationalStandard[],
  year: number,
): NationalStandard | null {
  const match = ITEM_STANDARDS.find(({ test, inStandard }) => itemWords(test, item, inStandard));
  if (!match) return null;
  const rows = standards.filter((s) => s.standard === match.standard && s.amount !== null).sort((a, b) => a.year - b.year);
  return rows.filter((s) => s.year <= year).at(-1) ?? rows[0] ?? null;
}

/**
 * The suggestion with the national standard's amount in place of the words' (when it differs), its year as
 * the amount's 标准年份, and the words' own amount kept among the others; the cohort and coverage read from
 * the words stay. With no words' suggestion, one from the standard alone (cohort and coverage to be read
 * by the caller from the item's group).
 */
export function withNationalStandard(
  suggestion: DriverSuggestion | null,
  national: NationalStandard | null,
  fallback: Pick<DriverSuggestion, 'cohort' | 'coverage'>,
): DriverSuggestion | null {
  // The periods a year of its unit as the drivers take them (the school days of a daily amount).
  const unit = national && driverUnit(national.unit);
  if (!national || national.amount === null || !unit) return suggestion;
  const amount = plainDecimal(national.amount);
  const quote = `国家标准“${national.standard}”${national.year}年 ${amount} ${national.unit}（${national.source}${national.status === 'sourced' ? '' : '，待核实'}）`;
  const own = suggestion && suggestion.unitAmount !== amount ? [`清单原文“${suggestion.quote}”`] : [];
  // The words' other amounts, less those their quote already shows.
  const others = (suggestion?.others ?? []).filter((o) => !suggestion!.quote.includes(o.replace(/\s*元$/u, '')));
  return {
    unitAmount: amount,
    unit: national.unit,
    periodsPerYear: unit.periods,
    cohort: suggestion?.cohort ?? fallback.cohort,
    coverage: suggestion ? suggestion.coverage : fallback.coverage,
    quote,
    others: [...own, ...others],
    baseYear: String(national.year),
    basis: 'national',
    ownAmount: own.length ? suggestion!.unitAmount : null,
  };
}

/** An item's driver suggestion: the national standard it is held to where there is one, else its words'. */
export function suggestItemDriver(
  item: { name: string | null; standard: string | null; targetGroup: string | null },
  standards: readonly NationalStandard[],
  year: number,
): DriverSuggestion | null {
  const words = suggestDriver(item.standard, item.targetGroup, item.name);
  return withNationalStandard(words, nationalStandardFor(item, standards, year), suggestGroup(item.targetGroup, item.name));
}
