import { describe, expect, it } from 'vitest';
import { EMPTY_DRIVER } from '../../../shared/domain/pricing/drivers';
import type { PricingItemRow } from '../../../shared/domain/pricing/results';
import type { SplitRule } from '../../../shared/domain/pricing/split-rules';
import { suggestDriver, suggestRule } from '../../../shared/domain/pricing/suggest';
import { centralFromText, hasOpenSuggestion, nothingPricedText, statusText, suggestionText } from '../../../renderer/src/views/pricing/pricing-text';

const rules: SplitRule[] = [
  { id: 'tier-shared', name: '中央按档分担，省市县按比例', provinceCode: null, source: '国办发〔2018〕6号', status: 'unverified', note: null, rows: [] },
];

function item(standard: string, funding: string): PricingItemRow {
  return {
    itemId: 'x:002',
    itemNo: 2,
    domainSeq: 1,
    name: '农村义务教育学生营养改善',
    targetGroup: '贫困地区农村义务教育学生',
    standard,
    fundingResponsibility: funding,
    driver: EMPTY_DRIVER('x:002'),
    status: 'not_set',
    missing: [],
    suggestion: suggestDriver(standard, '贫困地区农村义务教育学生'),
    ruleSuggestion: suggestRule(funding),
    beneficiaries: null,
    totals: null,
    quality: null,
    gapRegions: 0,
  };
}

describe('the words of the 测算 view', () => {
  it('shows a suggestion read from the standard and the 支出责任, until the planner sets the driver', () => {
    const row = item('补助标准为每生每天4元', '中央和省、市、县财政按比例分担。');
    expect(suggestionText(row, rules, ['常住人口', '义务教育在校生'])).toBe('建议：4 元/生/天 × 200（摘自“补助标准为每生每天4元”），服务人群“义务教育在校生”；分担建议：中央按档分担，省市县按比例（依据“中央和省、市、县财政按比例”）');
    // A suggested cohort no region has a count of says so: taken as it is, it would price nothing.
    expect(suggestionText(row, rules, ['常住人口'])).toContain('服务人群“义务教育在校生”（还没有这一人群的人数：请导入人数或设置人群比例）');
    expect(hasOpenSuggestion(row)).toBe(true);
    // The amount typed by hand: what 采用建议 would still fill is shown, so the button writes nothing unseen.
    const typed = { ...row, driver: { ...row.driver, unitAmount: '4', splitRuleId: 'tier-shared' } };
    expect(suggestionText(typed, rules, ['义务教育在校生'])).toBe('建议：服务人群“义务教育在校生”、单位 元/生/天、每年期数 200');
    expect(hasOpenSuggestion(typed)).toBe(true);
    const set = { ...typed, driver: { ...typed.driver, cohort: '义务教育在校生', unit: '元/生/天', periodsPerYear: '200' } };
    expect(suggestionText(set, rules, [])).toBeNull();
    expect(hasOpenSuggestion(set)).toBe(false);
  });

  it('says what an item lacks, and never calls an unpriced item zero', () => {
    expect(statusText({ status: 'incomplete', missing: ['cohort', 'coverage'] })).toBe('缺参数：服务人群、覆盖率');
    expect(statusText({ status: 'not_set', missing: [] })).toBe('未设置');
    expect(statusText({ status: 'incomplete', missing: [] })).toBe('未算出（见测算中的问题）');
    expect(statusText({ status: 'priced', missing: [] })).toBe('已测算');
    // Nothing priced: drivers to fill in, or, with problems, the problems to read first.
    expect(nothingPricedText(0)).toContain('请在下面的测算表中为各项目填写测算参数');
    expect(nothingPricedText(2)).toContain('已填的测算参数未能算出，原因见“测算中的问题”（2 条）');
  });

  it('says where a central share came from', () => {
    const rule = { id: 'tier-shared', name: '', row: '其他地区', centralPct: '60.0000', tier: 2, tierSource: '国办发〔2018〕6号', weights: { provincial: '1', city: '1', county: '1' }, source: '', note: null, quality: 'unverified' as const };
    expect(centralFromText({ ...rule, centralFrom: 'tier' })).toBe('60%（省份第2档，国办发〔2018〕6号）');
    expect(centralFromText({ ...rule, centralFrom: 'manual' })).toBe('60%（手工填写）');
  });
});
