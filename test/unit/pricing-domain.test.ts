// The pure pricing domain: exact decimals, driver fields as typed, the split arithmetic, rule checks, growth.
import { describe, expect, it } from 'vitest';
import { fractionForPercent, fromScaled, roundDiv, toScaled, ungrouped } from '../../shared/domain/pricing/decimal';
import { EMPTY_DRIVER, coveragePercent, lineChange, parseDriverField, typedCoverage } from '../../shared/domain/pricing/drivers';
import type { ItemDriver } from '../../shared/domain/pricing/drivers';
import { growthFactor, applyFactor } from '../../shared/domain/pricing/growth';
import { formatMoney } from '../../shared/domain/pricing/money';
import { chooseRow, ruleProblems, rulesOfProvince, scaledWeights, splitFen } from '../../shared/domain/pricing/split-rules';
import { suggestItemDriver } from '../../shared/domain/pricing/national-standards';
import { suggestDriver, suggestRule } from '../../shared/domain/pricing/suggest';

describe('exact decimals', () => {
  it('reads and writes scaled integers without rounding surprises', () => {
    expect(toScaled('1000.55', 2)).toBe(100055n);
    expect(toScaled('0.105', 2)).toBeNull();
    expect(toScaled('0.100', 2)).toBe(10n);
    expect(toScaled('-3', 2)).toBe(-300n);
    expect(toScaled('1e3', 2)).toBeNull();
    expect(fromScaled(5n, 2)).toBe('0.05');
    expect(fromScaled(-12345n, 2)).toBe('-123.45');
    expect(roundDiv(5n, 10n)).toBe(1n);
    expect(roundDiv(4n, 10n)).toBe(0n);
  });

  it('shows 元 in 万元 and 亿元 by moving the point, rounding half up', () => {
    expect(formatMoney('1234567.89', '元')).toBe('1,234,567.89');
    expect(formatMoney('1234567.89', '万元')).toBe('123.46');
    expect(formatMoney('123456789012.34', '亿元')).toBe('1,234.5679');
    expect(formatMoney('-50.00', '万元')).toBe('-0.01');
  });
});

describe('driver fields as a planner types them', () => {
  it('accepts percents, thousands separators and a trailing 元, and refuses the rest in words', () => {
    expect(parseDriverField('coverage', '50%')).toEqual({ ok: true, value: '0.5' });
    expect(parseDriverField('coverage', '0.333333')).toEqual({ ok: true, value: '0.333333' });
    expect(parseDriverField('unitAmount', '1,000.50元')).toEqual({ ok: true, value: '1000.5' });
    // Full-width, as a Chinese input method types figures in its full-width mode.
    expect(parseDriverField('unitAmount', '１，０００．５元')).toEqual({ ok: true, value: '1000.5' });
    // As an Excel 货币 cell shows it, half- or full-width sign.
    expect(parseDriverField('unitAmount', '¥1,250.00')).toEqual({ ok: true, value: '1250' });
    expect(parseDriverField('unitAmount', '￥1250')).toEqual({ ok: true, value: '1250' });
    expect(parseDriverField('yearlyChange', '-¥5')).toEqual({ ok: true, value: '-5' });
    expect(parseDriverField('coverage', '５０％')).toEqual({ ok: true, value: '0.5' });
    expect(parseDriverField('baseYear', '２０２５')).toEqual({ ok: true, value: 2025 });
    expect(parseDriverField('cohort', '0—3岁')).toEqual({ ok: true, value: '0-3岁' });
    // No fraction is above 1: a bare figure above it is a percentage, as the grid shows coverage.
    expect(parseDriverField('coverage', '95')).toEqual({ ok: true, value: '0.95' });
    expect(parseDriverField('coverage', '1.5')).toEqual({ ok: true, value: '0.015' });
    expect(parseDriverField('coverage', '1')).toEqual({ ok: true, value: '1' });
    // Typed into the grid's percent cell, as Excel reads it: 1 and more a percent, below 1 a fraction.
    const typed = (text: string) => parseDriverField('coverage', typedCoverage(text));
    expect(typed('1')).toEqual({ ok: true, value: '0.01' });
    expect(typed(' １ ')).toEqual({ ok: true, value: '0.01' });
    expect(typed('2')).toEqual({ ok: true, value: '0.02' });
    expect(typed('1.5')).toEqual({ ok: true, value: '0.015' });
    expect(typed('100')).toEqual({ ok: true, value: '1' });
    expect(typed('0.5')).toEqual({ ok: true, value: '0.5' });
    expect(typed('0')).toEqual({ ok: true, value: '0' });
    expect(typed('1%')).toEqual({ ok: true, value: '0.01' });
    expect(typed('')).toEqual({ ok: true, value: null });
    expect(typed('abc')).toMatchObject({ ok: false });
    expect(parseDriverField('coverage', '150')).toMatchObject({ ok: false, message: expect.stringContaining('覆盖率应在 0% 到 100% 之间（可写 50%、50 或 0.5）') });
    expect(parseDriverField('coverage', '101%')).toMatchObject({ ok: false });
    expect(parseDriverField('unitAmount', '-5')).toMatchObject({ ok: false, message: '补助标准不能为负数，收到“-5”' });
    expect(parseDriverField('baseYear', '25')).toMatchObject({ ok: false });
    expect(parseDriverField('unit', '元/只')).toMatchObject({ ok: false });
    expect(parseDriverField('unitAmount', '')).toEqual({ ok: true, value: null });
  });

  it('reads a comma only as a thousands separator, and asks whether a bare figure below 1 in a percent is a fraction', () => {
    expect(ungrouped('12,345,678.9')).toBe('12345678.9');
    expect(ungrouped('89')).toBe('89');
    // A decimal comma (89,5) read with the comma dropped was 895.
    for (const wrong of ['89,5', '1,0,0,0', ',5', '1,00']) expect(ungrouped(wrong)).toBeNull();
    expect(parseDriverField('unitAmount', '89,5')).toEqual({ ok: false, message: '补助标准“89,5”中的逗号不是千位分隔（如 1,000），不能读作数字；小数请用小数点（如 89.5）' });
    expect(parseDriverField('periodsPerYear', '0')).toMatchObject({ ok: false, message: expect.stringContaining('应是大于 0、不超过 366 的数') });
    expect(parseDriverField('baseYear', '1850')).toMatchObject({ ok: false, message: expect.stringContaining('应是 2000 到 2100 之间的年份') });
    expect(parseDriverField('centralPct', '0.6')).toMatchObject({ ok: false, message: expect.stringContaining('“0.6”像是小数') });
    expect(parseDriverField('centralPct', '0.6%')).toEqual({ ok: true, value: '0.6' });
    expect(parseDriverField('centralPct', '60')).toEqual({ ok: true, value: '60' });
    expect(fractionForPercent('0')).toBeNull();
    expect(fractionForPercent('1')).toBeNull();
    // A cohort's name keeps its commas.
    expect(parseDriverField('cohort', '低保,特困人员')).toEqual({ ok: true, value: '低保,特困人员' });
  });
});

describe('what an edit of drivers changes in the lines', () => {
  const priced: ItemDriver = { ...EMPTY_DRIVER('i'), cohort: '常住人口', coverage: '1', unitAmount: '89', unit: '元/人/年', splitRuleId: 'r', baseYear: 2026, yearlyChange: '5' };
  const years = { fromYear: 2026, toYear: 2030 };
  it('updates lines in place when they keep their regions and years', () => {
    expect(lineChange(priced, { ...priced, unitAmount: '90' }, years)).toBe('amounts');
    expect(lineChange(priced, { ...priced, periodsPerYear: '12', baseYear: 2027 }, years)).toBe('amounts');
    expect(lineChange(priced, { ...priced, coverage: '0.5' }, years)).toBe('values');
    expect(lineChange({ ...priced, centralPct: '20' }, { ...priced, centralPct: '35' }, years)).toBe('values');
  });
  it('rebuilds them when the set of lines may change', () => {
    expect(lineChange(priced, { ...priced, cohort: '60岁及以上' }, years)).toBe('lines');
    expect(lineChange(priced, { ...priced, unit: '元/地区/年' }, years)).toBe('lines');
    expect(lineChange(priced, { ...priced, splitRuleId: 's' }, years)).toBe('lines');
    expect(lineChange({ ...priced, unitAmount: null }, priced, years)).toBe('lines');
    expect(lineChange(priced, { ...priced, coverage: null }, years)).toBe('lines');
    // A rule row without a central share of its own has lines only where one is entered by hand.
    expect(lineChange(priced, { ...priced, centralPct: '35' }, years)).toBe('lines');
    expect(lineChange({ ...priced, centralPct: '35' }, priced, years)).toBe('lines');
    // 89 − 4 × 30 < 0 in 2026: that year has no line.
    expect(lineChange(priced, { ...priced, yearlyChange: '30', baseYear: 2030 }, years)).toBe('lines');
    expect(lineChange({ ...priced, unit: '元/某/年' }, { ...priced, unit: '元/某/年', unitAmount: '1' }, years)).toBe('lines');
  });
});

describe('the split', () => {
  it('sums to the cost to the fen, the county taking the remainder, the city of a 省直管县 paying nothing', () => {
    const w = scaledWeights({ provincial: '1', city: '1', county: '1' });
    expect(splitFen(1n, 600000n, w, null)).toEqual({ central: 1n, provincial: 0n, city: 0n, county: 0n });
    const parts = splitFen(1235178975n, 350000n, w, null);
    expect(parts).toEqual({ central: 432312641n, provincial: 267622111n, city: 267622112n, county: 267622111n });
    expect(splitFen(100n, 0n, scaledWeights({ provincial: '1', city: '1', county: '1' }), '省直管县')).toEqual({ central: 0n, provincial: 50n, city: 0n, county: 50n });
    expect(splitFen(3n, 0n, scaledWeights({ provincial: '1', city: '1', county: '0' }), null)).toEqual({ central: 0n, provincial: 2n, city: 1n, county: 0n });
  });

  it('takes the most specific row: class and grade, class, grade, default', () => {
    const rows = [
      { countyClass: null, grade: null, centralPct: '60', provincial: '1', city: '1', county: '1' },
      { countyClass: null, grade: 2, centralPct: '60', provincial: '2', city: '1', county: '1' },
      { countyClass: '市管县' as const, grade: null, centralPct: '60', provincial: '3', city: '1', county: '1' },
      { countyClass: '市管县' as const, grade: 2, centralPct: '60', provincial: '4', city: '1', county: '1' },
    ];
    expect(chooseRow(rows, '市管县', 2)?.provincial).toBe('4');
    expect(chooseRow(rows, '市管县', 1)?.provincial).toBe('3');
    expect(chooseRow(rows, '市辖区', 2)?.provincial).toBe('2');
    expect(chooseRow(rows, null, null)?.provincial).toBe('1');
    expect(chooseRow(rows.slice(1), '市辖区', 1)).toBeNull();
  });

  it('refuses a rule that cannot give every region four shares summing to its cost', () => {
    expect(ruleProblems({ name: '零', rows: [{ countyClass: null, grade: null, centralPct: '50', provincial: '0', city: '0', county: '0' }] })).toEqual([
      '规则“零”第1行（任意类别、任意等级）的省、市、县权重都是 0，地方承担的部分无人支付',
    ]);
    const fallback = { countyClass: null, grade: null, centralPct: 'tier', provincial: '1', city: '1', county: '1' };
    expect(ruleProblems({ name: '直管', rows: [{ countyClass: '省直管县', grade: null, centralPct: 'tier', provincial: '1', city: '1', county: '1' }, fallback] })).toEqual([
      '规则“直管”第1行（省直管县、任意等级）：省直管县的市级不承担支出，市级权重应为 0',
    ]);
    // Without a row for any class and grade, a 市管县, or a city with no counties, would have no row at all.
    expect(ruleProblems({ name: '只有市辖区', rows: [{ countyClass: '市辖区', grade: null, centralPct: '60', provincial: '1', city: '1', county: '1' }] })).toEqual([
      '规则“只有市辖区”缺少类别、等级都留空的一行（“其他地区”行）：不属于所列类别或档次的地区（还有没有导入县区的市）没有适用的行，无法分担',
    ]);
    expect(ruleProblems({ name: '有默认', rows: [{ countyClass: '市辖区', grade: null, centralPct: '60', provincial: '1', city: '1', county: '1' }, fallback] })).toEqual([]);
    expect(ruleProblems({ name: '全额', rows: [{ countyClass: null, grade: null, centralPct: '100', provincial: '0', city: '0', county: '0' }] })).toEqual([]);
    // Weights are relative; beyond 10000 the split's integer arithmetic would overflow.
    expect(ruleProblems({ name: '大', rows: [{ countyClass: null, grade: null, centralPct: '0', provincial: '10000', city: '0.0001', county: '9999.9999' }] })).toEqual([]);
    expect(ruleProblems({ name: '过大', rows: [{ countyClass: null, grade: null, centralPct: '0', provincial: '10000.0001', city: '1', county: '1' }] })).toEqual([
      '规则“过大”第1行（任意类别、任意等级）的省级权重应为 0 到 10000 之间的数，最多 4 位小数，收到“10000.0001”',
    ]);
  });
});

describe('growth', () => {
  it('grows and shrinks exactly, rounding once to whole persons', () => {
    expect(applyFactor(500000n, growthFactor('1', 2))).toBe(510050n);
    expect(applyFactor(510050n, growthFactor('1', -2))).toBe(500000n);
    expect(growthFactor('0', 7)).toBe(10n ** 12n);
  });
});

describe('the rules a catalogue is offered', () => {
  it('are the shared ones and its own province’s, all of them for a national catalogue', () => {
    const rules = [{ id: 'a', provinceCode: null }, { id: 'hebei', provinceCode: '130000' }, { id: 'henan', provinceCode: '410000' }];
    expect(rulesOfProvince(rules, '130000').map((r) => r.id)).toEqual(['a', 'hebei']);
    expect(rulesOfProvince(rules, null).map((r) => r.id)).toEqual(['a', 'hebei', 'henan']);
  });
});

describe('coverage as a finance officer reads it', () => {
  it('shows the stored fraction as a percentage, exactly', () => {
    expect(coveragePercent('0.015000')).toBe('1.5%');
    expect(coveragePercent('1.000000')).toBe('100%');
    expect(coveragePercent('0.000001')).toBe('0.0001%');
    expect(coveragePercent('0')).toBe('0%');
  });
});

describe('suggestions for the planner to confirm', () => {
  it('reads the amount, unit, cohort and rule from the item’s own words', () => {
    expect(suggestDriver('补助标准为每生每天4元，根据实际在校天数补助', '农村义务教育学生', '营养改善')).toMatchObject({
      unitAmount: '4', unit: '元/生/天', periodsPerYear: '200', cohort: '义务教育在校生', coverage: '1',
    });
    expect(suggestDriver('基础养老金标准为每人每月90元', '符合条件的城乡居民', '城乡居民基本养老保险')).toMatchObject({
      unitAmount: '90', unit: '元/人/月', periodsPerYear: '12', cohort: '60岁及以上', coverage: null,
    });
    expect(suggestDriver('按规定提供服务', null)).toBeNull();
    expect(suggestRule('中央财政补贴60%，省、市、县财政按比例分担。')?.ruleId).toBe('central-60-local');
    expect(suggestRule('市、县政府负责,中央和省财政适当补助。')?.ruleId).toBe('local-city-county');
    expect(suggestRule('用人单位缴纳工资总额的6%左右')).toBeNull();
  });

  it('gives an amount stated for one age to that age alone, all of whom qualify', () => {
    const standard = '对80周岁以上低收入老年人给予高龄津贴；百岁以上老年人的高龄津贴每人每月不少于300元。';
    expect(suggestDriver(standard, '经济困难的老年人', '老年人福利补贴')).toMatchObject({ unitAmount: '300', cohort: '100岁及以上', coverage: '1' });
    expect(suggestDriver('对80周岁以上低收入老年人每人每月发放50元', '老年人', '高龄津贴')).toMatchObject({ cohort: '80岁及以上', coverage: null });
    expect(suggestDriver('为3—6岁儿童每人每年补助1000元', '儿童', '学前资助')).toMatchObject({ cohort: '3-6岁' });
  });

  it('prefers the province’s own rule for the items its document names, then the 支出责任 words', () => {
    const rules = [
      { id: 'tier-shared', name: '中央按档分担，省市县按比例', provinceCode: null },
      { id: 'hebei-compulsory-education', name: '河北·义务教育公用经费', provinceCode: '130000' },
      { id: 'hebei-resident-medical', name: '河北·城乡居民医保补助', provinceCode: '130000' },
      { id: 'rule-7', name: '河北·基本公共卫生服务', provinceCode: '130000' },
    ];
    const item = (name: string, standard: string | null, provinceCode: string | null) => ({ name, standard, provinceCode, rules });
    const funding = '中央和省、市、县财政按比例分担。';
    const education = item('免费义务教育', '年生均公用经费标准普通小学 685 元、普通初中 885 元。', '130000');
    expect(suggestRule(funding, education)).toEqual({ ruleId: 'hebei-compulsory-education', reason: '公用经费', basis: 'province' });
    // The same item in another province's catalogue, or a national one, reads 支出责任.
    expect(suggestRule(funding, { ...education, provinceCode: '620000' })).toMatchObject({ ruleId: 'tier-shared', basis: 'funding' });
    expect(suggestRule(funding, { ...education, provinceCode: null })).toMatchObject({ ruleId: 'tier-shared', basis: 'funding' });
    expect(suggestRule('个人缴费和政府补助相结合。', item('城乡居民基本医疗保险', null, '130000'))?.ruleId).toBe('hebei-resident-medical');
    // Another item's standard naming 城乡居民基本医疗保险 (医疗救助 pays its premium) is not that item.
    expect(suggestRule('省、市、县政府负责，中央财政给予补助。', item('医疗救助', '对参加城乡居民基本医疗保险的个人缴费部分进行补贴', '130000'))?.ruleId).toBe(
      'local-province-city-county',
    );
    // A rule the planner wrote for the province, named after the item.
    expect(suggestRule(funding, item('基本公共卫生服务', '人均89元', '130000'))).toMatchObject({ ruleId: 'rule-7', basis: 'province' });
    // A shipped rule taken out of the list is not suggested.
    expect(suggestRule(funding, { ...education, rules: rules.filter((r) => r.id !== 'hebei-compulsory-education') })?.ruleId).toBe('tier-shared');
  });

  it('suggests for the basic pension the centre’s share 国办发〔2018〕6号 sets by tier: whole in tiers 1 and 2, half in 3 to 5', () => {
    const rules = [
      { id: 'central-100', name: '中央全额承担', provinceCode: null },
      { id: 'central-50-local', name: '中央50%，省市县按比例', provinceCode: null },
      { id: 'tier-shared', name: '中央按档分担，省市县按比例', provinceCode: null },
    ];
    const hebei = '在基本养老金基金中支出。中央财政按国家确定的基础养老金最低标准对我省给予补助。';
    const pension = (provinceCode: string | null, tier: number | null) => ({ name: '城乡居民基本养老保险', standard: '每人每月90元', provinceCode, rules, tier });
    expect(suggestRule(hebei, pension('130000', 2))).toEqual({ ruleId: 'central-100', reason: '城乡居民基本养老保险', basis: 'national' });
    expect(suggestRule(hebei, pension('620000', 1))?.ruleId).toBe('central-100');
    // 山东 (tier 3), 浙江 (tier 4), 北京 (tier 5): half, not the tiers' own 50/30/10 %, whatever 支出责任 says.
    expect(suggestRule(hebei, pension('370000', 3))).toEqual({ ruleId: 'central-50-local', reason: '城乡居民基本养老保险', basis: 'national' });
    expect(suggestRule('中央和省、市、县财政按比例分担。', pension('330000', 4))?.ruleId).toBe('central-50-local');
    expect(suggestRule('中央和省、市、县财政按比例分担。', { ...pension('110000', 5), name: '基础养老金' })?.ruleId).toBe('central-50-local');
    // Named only in 支出责任, the item is still the pension; its tier not known (a national catalogue): the words.
    expect(suggestRule(hebei, { ...pension('370000', 3), name: '居民养老' })?.ruleId).toBe('central-50-local');
    expect(suggestRule(hebei, pension(null, null))).toMatchObject({ ruleId: 'central-100', basis: 'funding' });
    // A file that lacks the rule gets none of it.
    expect(suggestRule('', { ...pension('370000', 3), rules: rules.filter((r) => r.id !== 'central-50-local') })).toBeNull();
  });
});

describe('the national standard an item is held to', () => {
  const standards = [
    { standard: '义务教育公用经费基准定额(小学)', unit: '元/生/年', year: 2016, amountText: '600', amount: '600.00', source: '财政部 2016', status: 'sourced' as const },
    { standard: '义务教育公用经费基准定额(小学)', unit: '元/生/年', year: 2023, amountText: '720', amount: '720.00', source: '财政部 2023', status: 'sourced' as const },
    { standard: '城乡居民基本医疗保险人均财政补助', unit: '元/人/年', year: 2026, amountText: '724', amount: '724.00', source: '推算', status: 'derived' as const },
  ];
  const education = { name: '免费义务教育', standard: '年生均公用经费标准普通小学 685 元、普通初中 885 元。', targetGroup: '义务教育学生' };

  it('suggests the latest national standard up to the first year priced, its year as 标准年份, the words’ amount beside it', () => {
    expect(suggestItemDriver(education, standards, 2026)).toMatchObject({
      unitAmount: '720', unit: '元/生/年', periodsPerYear: '1', baseYear: '2023', basis: 'national', cohort: '义务教育在校生', coverage: '1',
    });
    expect(suggestItemDriver(education, standards, 2026)!.others[0]).toContain('685 元');
    // Priced for 2020, the standard of 2016 applies.
    expect(suggestItemDriver(education, standards, 2020)).toMatchObject({ unitAmount: '600', baseYear: '2016' });
  });

  it('suggests an amount where the words give none, and leaves the coverage open where the group is a part', () => {
    const medical = { name: '城乡居民基本医疗保险', standard: '政策范围内住院医疗费用报销比例达到并稳定在75%左右', targetGroup: '除职工基本医疗保险应参保人员以外的其他所有城乡居民' };
    expect(suggestItemDriver(medical, standards, 2026)).toMatchObject({ unitAmount: '724', baseYear: '2026', cohort: '常住人口', coverage: null, basis: 'national' });
    expect(suggestItemDriver(medical, standards, 2026)!.quote).toContain('待核实');
  });

  it('keeps the words’ suggestion for an item no national standard names', () => {
    expect(suggestItemDriver({ name: '老年人福利补贴', standard: '百岁以上老年人的高龄津贴每人每月不少于300元。', targetGroup: '老年人' }, standards, 2026)).toMatchObject({
      unitAmount: '300', basis: 'words', baseYear: null,
    });
  });
});
