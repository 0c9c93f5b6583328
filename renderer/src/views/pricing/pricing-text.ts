// The words the 测算 view shows for statuses, suggestions and the inputs behind a figure.
import { DRIVER_FIELD_LABELS, coveragePercent } from '../../../../shared/domain/pricing/drivers';
import type { DriverField } from '../../../../shared/domain/pricing/drivers';
import { plainDecimal } from '../../../../shared/domain/pricing/decimal';
import type { ExplainLine, PopulationInput, PricingItemRow, SuggestionOutcome } from '../../../../shared/domain/pricing/results';
import type { SplitRule } from '../../../../shared/domain/pricing/split-rules';

export function missingText(missing: DriverField[]): string {
  return missing.map((f) => DRIVER_FIELD_LABELS[f]).join('、');
}

export function statusText(row: Pick<PricingItemRow, 'status' | 'missing'> & { gapRegions?: number; driver?: Pick<PricingItemRow['driver'], 'cohort'> }): string {
  // Priced, but some regions lack its cohort: its figure is not the whole catalogue's (测算中的问题 names them).
  if (row.status === 'priced' && row.gapRegions) return `部分测算：${row.gapRegions} 个地区缺“${row.driver?.cohort ?? ''}”人数`;
  if (row.status === 'priced') return '已测算';
  // Every driver set and still no line: what is lacking is not a driver (a population, an amount below 0).
  if (row.status === 'incomplete') return row.missing.length ? `缺参数：${missingText(row.missing)}` : '未算出（见测算中的问题）';
  return '未设置';
}

/** Whether the row offers a suggestion the planner has not taken yet. */
export function hasOpenSuggestion(row: PricingItemRow): boolean {
  return (row.suggestion !== null && (row.driver.unitAmount === null || stillSuggested(row).length > 0)) || (row.ruleSuggestion !== null && row.driver.splitRuleId === null);
}

/** Besides the amount, the drivers a suggestion fills where the planner left them empty (as applySuggestions takes them). */
function stillSuggested(row: PricingItemRow): [DriverField, string][] {
  const s = row.suggestion;
  if (!s) return [];
  const offered: [DriverField, string | null][] = [['cohort', s.cohort], ['coverage', s.coverage], ['unit', s.unit], ['periodsPerYear', s.periodsPerYear]];
  return offered.filter((o): o is [DriverField, string] => o[1] !== null && row.driver[o[0]] === null);
}

export function ruleName(rules: readonly SplitRule[], id: string | null): string | null {
  if (id === null) return null;
  return rules.find((r) => r.id === id)?.name ?? id;
}

/** "建议：4 元/生/天 × 200（摘自“每生每天4元”）；分担：…（依据“…”）" for what the planner has not set yet. */
export function suggestionText(row: PricingItemRow, rules: readonly SplitRule[], countedCohorts: readonly string[]): string | null {
  const parts: string[] = [];
  const s = row.suggestion;
  if (s && row.driver.unitAmount === null) {
    const periods = plainDecimal(s.periodsPerYear) === '1' ? '' : ` × ${plainDecimal(s.periodsPerYear)}`;
    // A cohort no region has a count of prices nothing until one is imported or given as a share.
    const uncounted = s.cohort && !countedCohorts.includes(s.cohort) ? '（还没有这一人群的人数：请导入人数或设置人群比例）' : '';
    const cohort = s.cohort && row.driver.cohort === null ? `，服务人群“${s.cohort}”${uncounted}` : '';
    if (s.basis === 'national') {
      // The latest national standard, its year as the amount's 标准年份; the catalogue's own words' amount beside it.
      const others = s.others.length ? `；另：${s.others.join('、')}` : '';
      parts.push(`建议：${plainDecimal(s.unitAmount)} ${s.unit}${periods}，标准年份 ${s.baseYear ?? ''}（${s.quote}）${cohort}${others}`);
    } else {
      const others = s.others.length ? `；文中另有 ${s.others.join('、')}` : '';
      parts.push(`建议：${plainDecimal(s.unitAmount)} ${s.unit}${periods}（摘自“${s.quote}”）${cohort}${others}`);
    }
  } else if (s) {
    // The amount typed already: what 采用建议 would still fill is shown, so the button writes nothing unseen.
    const rest = stillSuggested(row).map(([field, value]) =>
      field === 'cohort' ? `服务人群“${value}”${countedCohorts.includes(value) ? '' : '（还没有这一人群的人数：请导入人数或设置人群比例）'}` : `${DRIVER_FIELD_LABELS[field]} ${field === 'coverage' ? coveragePercent(value) : plainDecimal(value)}`,
    );
    if (rest.length) parts.push(`建议：${rest.join('、')}`);
  }
  const r = row.ruleSuggestion;
  if (r && row.driver.splitRuleId === null) {
    const basis =
      r.basis === 'province' ? `本省分担办法所列事项“${r.reason}”` : r.basis === 'national' ? `国办发〔2018〕6号对“${r.reason}”按本省档次的规定` : `依据“${r.reason}”`;
    parts.push(`分担建议：${ruleName(rules, r.ruleId)}（${basis}）`);
  }
  return parts.length ? parts.join('；') : null;
}

/**
 * A line's population as the chain that found it, with the figure it came from (so it can be checked by hand):
 * 常住人口 66,512 人（由 2025 年统计数 68,200 人按年增长 -0.5% 推算）.
 */
export function populationText(p: PopulationInput, year: number): string {
  const people = (value: string) => `${Number(value).toLocaleString('zh-CN')} 人`;
  const value = `${p.cohort} ${people(p.value)}`;
  if (p.method === 'counted') return `${value}（统计数）`;
  // How a count of another year was brought to this one, and whose rate that was when not the region's own.
  const grown = `按年增长 ${plainDecimal(p.growthPct ?? '0')}% 推算${p.growthFrom ? `，人口年增长率沿用${p.growthFrom}的` : ''}`;
  if (p.method === 'grown') return `${value}（由 ${p.fromYear ?? '最近'} 年${p.base ? `统计数 ${people(p.base.value)}` : '数'}${grown}）`;
  const shareOf = p.shareOf ?? '常住人口';
  const pct = `${plainDecimal(p.sharePct ?? '0')}%`;
  if (!p.base) return `${value}（按${shareOf}的 ${pct} 推算${p.shareFrom ? `，沿用${p.shareFrom}的比例` : ''}）`;
  // As a product, the base written out: 60岁及以上 2,112,131 人 = 常住人口 10,640,458 人 × 19.85%.
  const notes = [
    p.shareFrom ? `比例沿用${p.shareFrom}的` : '',
    p.base.year !== null && p.base.year !== year
      ? `${shareOf}由 ${p.base.year} 年统计数${p.growthPct === null ? '推算' : grown}`
      : '',
  ].filter(Boolean);
  return `${value} = ${shareOf} ${people(p.base.value)} × ${pct}${notes.length ? `（${notes.join('；')}）` : ''}`;
}

/** Where a line's population came from, and the figure it was found from when that has a source of its own. */
export function populationSourceText(p: PopulationInput): string {
  return p.method === 'share' && p.base?.source ? `${p.source}；${p.shareOf ?? '常住人口'}：${p.base.source}` : p.source;
}

export function centralFromText(rule: ExplainLine['rule']): string {
  const pct = `${plainDecimal(rule.centralPct)}%`;
  if (rule.centralFrom === 'manual') return `${pct}（手工填写）`;
  // The province's tier, said to be the province's: a county's own grade (4档) may stand beside it.
  if (rule.centralFrom === 'tier') return `${pct}（${rule.tier === null ? '按省份分档' : `省份第${rule.tier}档`}${rule.tierSource ? `，${rule.tierSource}` : ''}）`;
  return `${pct}（规则规定）`;
}

export function weightsText(w: ExplainLine['rule']['weights']): string {
  return `省 ${plainDecimal(w.provincial)} : 市 ${plainDecimal(w.city)} : 县 ${plainDecimal(w.county)}`;
}

/** "第1、3项", or the first few and how many: "第1、3、5项等 12 项". */
function itemNumbers(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 5).join('、');
  return numbers.length > 5 ? `第${shown}项等 ${numbers.length} 项` : `第${shown}项`;
}

/** After 采用建议: what was taken, how many are priced, and what the rest still need, as the planner acts on it. */
export function adoptedText(o: SuggestionOutcome): string {
  if (o.applied === 0) return '没有可采用的新建议（已填写的参数不会被建议覆盖）';
  const rest = [
    o.needCoverage > 0 ? `${o.needCoverage} 项还需填写覆盖率（服务对象只是该人群的一部分）` : null,
    o.uncountedCohorts.length > 0 ? `人群“${o.uncountedCohorts.join('、')}”还没有人口数，请在“行政区与人口”导入` : null,
    o.severalAmounts.length > 0 ? `${itemNumbers(o.severalAmounts)}的标准写有不止一个金额（如分学段、分档），只采用了建议的一个，请核对补助标准` : null,
    o.nationalOverOwn.length > 0 ? `${itemNumbers(o.nationalOverOwn)}采用了国家标准规定的金额（测算首年适用的标准），与清单原文写的金额不同，请核对补助标准` : null,
  ].filter(Boolean);
  return `已采用 ${o.applied} 项建议，其中 ${o.priced} 项已算出${rest.length ? `；${rest.join('；')}` : ''}。可用“撤销”恢复`;
}

/**
 * Why no total has a figure yet, and where to look: drivers still to fill in, or, where some are filled in but
 * could not be priced (a cohort without counts, a rule without a row for a region), the 测算 problems.
 */
export function nothingPricedText(problems: number): string {
  const todo = '还没有算出金额的项目，合计要等第一个项目算出后才有数：';
  return problems > 0
    ? `${todo}已填的测算参数未能算出，原因见“测算中的问题”（${problems} 条）；其余项目缺什么见测算表的“状态”一列。`
    : `${todo}请在下面的测算表中为各项目填写测算参数（服务人群、覆盖率、补助标准、单位、分担规则），或点“采用全部建议”后补齐缺项；各项目缺什么见“状态”一列。`;
}
