import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TIER_CENTRAL_SHARE_PCT,
  parseFiscalTiers,
  parseNationalStandards,
  parsePopulation,
} from '../../../electron/importers/reference';

const file = (name: string): string => readFileSync(new URL(`../../../seeds/reference/${name}`, import.meta.url), 'utf8');
const tiersCsv = file('fiscal_tiers_2018.csv');
const populationCsv = file('population_2020_census.csv');
const standardsCsv = file('national_standards_by_year.csv');

/** The CSV with one line replaced (1-based). */
function withLine(csv: string, lineNo: number, edit: (line: string) => string): string {
  const lines = csv.split('\n');
  lines[lineNo - 1] = edit(lines[lineNo - 1]!);
  return lines.join('\n');
}

describe('parseFiscalTiers', () => {
  const tiers = parseFiscalTiers(tiersCsv);

  it('reads the 31 provinces with the central share of their tier', () => {
    expect(tiers).toHaveLength(31);
    expect(tiers.find((t) => t.province === '河北')).toEqual({
      provinceCode: '130000',
      province: '河北',
      tier: 2,
      centralSharePct: '60',
      source: '国办发〔2018〕6号',
      status: 'sourced',
    });
    expect(tiers.find((t) => t.provinceCode === '620000')).toMatchObject({ tier: 1, centralSharePct: '80' });
  });

  it('matches each tier to its share: 1→80, 2→60, 3→50, 4→30, 5→10', () => {
    expect(TIER_CENTRAL_SHARE_PCT).toEqual({ 1: '80', 2: '60', 3: '50', 4: '30', 5: '10' });
    for (const t of tiers) expect(t.centralSharePct, t.province).toBe(TIER_CENTRAL_SHARE_PCT[t.tier]);
    expect(new Set(tiers.map((t) => t.tier))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('refuses a share that does not match the tier', () => {
    const broken = withLine(tiersCsv, 4, () => '130000,河北,2,50,国办发〔2018〕6号,sourced');
    expect(() => parseFiscalTiers(broken)).toThrow('fiscal_tiers_2018.csv 第4行“central_share_pct”列：第2档的中央分担比例应为60，实为“50”');
  });

  it('refuses a tier outside 1..5', () => {
    const broken = withLine(tiersCsv, 2, (l) => l.replace(',5,10,', ',6,10,'));
    expect(() => parseFiscalTiers(broken)).toThrow('fiscal_tiers_2018.csv 第2行“tier”列：“6”不是1至5档之一');
  });
});

describe('parsePopulation', () => {
  const rows = parsePopulation(populationCsv);
  const provinces = rows.filter((r) => r.level === 'province');

  it('reads the three provinces and their prefecture-level units', () => {
    expect(rows).toHaveLength(49);
    expect(provinces.map((p) => [p.regionCode, p.region, p.population])).toEqual([
      ['410000', '河南省', 99365519],
      ['130000', '河北省', 74610235],
      ['620000', '甘肃省', 25019831],
    ]);
    expect(rows.find((r) => r.region === '河南省')).toMatchObject({
      parentCode: null,
      share0to14Pct: '23.14',
      share15to59Pct: '58.78',
      share60PlusPct: '18.08',
      share65PlusPct: '13.49',
    });
    expect(rows.find((r) => r.region === '郑州市')).toMatchObject({ parentCode: '410000', level: 'city', share0to14Pct: null });
    expect(rows.find((r) => r.region === '秦皇岛市')?.status).toBe('unverified');
  });

  it('has the children of each province sum exactly to the province total', () => {
    for (const province of provinces) {
      const children = rows.filter((r) => r.parentCode === province.regionCode);
      expect(children.length, province.region).toBeGreaterThan(0);
      expect(children.reduce((sum, r) => sum + r.population, 0), province.region).toBe(province.population);
    }
    expect(rows.filter((r) => r.parentCode === '130000')).toHaveLength(14);
  });

  it('names file, line and column for a number that is not an integer', () => {
    const broken = withLine(populationCsv, 7, (l) => l.replace('5477614', 'abc'));
    expect(() => parsePopulation(broken)).toThrow('population_2020_census.csv 第7行“population”列：“abc”不是整数');
  });

  it('refuses a share that is not a number', () => {
    const broken = withLine(populationCsv, 2, (l) => l.replace('23.14', '23,14'));
    // The comma adds a field, so the row is now too long: caught before the cell is read.
    expect(() => parsePopulation(broken)).toThrow('population_2020_census.csv 第2行：有12列，表头只有11列');
    const broken2 = withLine(populationCsv, 2, (l) => l.replace('23.14', '约23'));
    expect(() => parsePopulation(broken2)).toThrow('population_2020_census.csv 第2行“share_0_14_pct”列：“约23”不是数字');
  });

  it('refuses a row with a column missing', () => {
    const broken = withLine(populationCsv, 3, (l) => l.replace(/,sourced$/u, ''));
    expect(() => parsePopulation(broken)).toThrow('population_2020_census.csv 第3行“status”列：该行缺少这一列');
  });

  it('refuses a header without a column', () => {
    const broken = withLine(populationCsv, 1, (l) => l.replace('population,', 'pop,'));
    expect(() => parsePopulation(broken)).toThrow('population_2020_census.csv 第1行：缺少“population”列');
  });

  it('refuses an unknown status', () => {
    const broken = withLine(populationCsv, 5, (l) => l.replace(/sourced$/u, 'verified'));
    expect(() => parsePopulation(broken)).toThrow(
      'population_2020_census.csv 第5行“status”列：“verified”不是已知的状态（应为sourced、derived、unverified之一）',
    );
  });

  it('refuses a parent that is not in the file', () => {
    const broken = withLine(populationCsv, 3, (l) => l.replace('410100,郑州市,410000,', '410100,郑州市,420000,'));
    expect(() => parsePopulation(broken)).toThrow('population_2020_census.csv 第3行“parent_code”列：“420000”在本文件中不存在');
  });

  it('counts lines the way an editor does, quoted line breaks included', () => {
    const csv = [
      'region_code,region,parent_code,level,population,share_0_14_pct,share_15_59_pct,share_60_plus_pct,share_65_plus_pct,source,status',
      '410000,河南省,,province,10,,,,,"two',
      'lines",sourced',
      '',
      '410100,郑州市,410000,city,x,,,,,s,sourced',
    ].join('\n');
    expect(() => parsePopulation(csv)).toThrow('population_2020_census.csv 第5行“population”列：“x”不是整数');
  });
});

describe('parseNationalStandards', () => {
  const standards = parseNationalStandards(standardsCsv);

  it('keeps amounts as decimal strings', () => {
    expect(standards).toHaveLength(41);
    expect(standards[0]).toEqual({
      standard: '基本公共卫生服务经费人均财政补助',
      unit: '元/人/年',
      year: 2011,
      amountText: '25',
      amount: '25',
      source: '新华社 2019-05-19',
      status: 'sourced',
    });
    expect(standards.every((s) => s.amount === null || typeof s.amount === 'string')).toBe(true);
  });

  it('keeps a pair like 340/170 as text, with no single amount', () => {
    const pair = standards.find((s) => s.amountText === '340/170');
    expect(pair).toMatchObject({ amount: null, year: 2014, unit: '元/人/月' });
    expect(standards.filter((s) => s.amount === null).map((s) => s.amountText)).toEqual(['340/170', '270/150']);
  });

  it('refuses an amount that is not a number', () => {
    const broken = withLine(standardsCsv, 3, (l) => l.replace(',55,', ',五十五,'));
    expect(() => parseNationalStandards(broken)).toThrow(
      'national_standards_by_year.csv 第3行“amount”列：“五十五”不是金额（应为一个数，或以“/”分隔的几个数）',
    );
  });

  it('refuses a year that is not an integer', () => {
    const broken = withLine(standardsCsv, 2, (l) => l.replace(',2011,', ',2011年,'));
    expect(() => parseNationalStandards(broken)).toThrow('national_standards_by_year.csv 第2行“year”列：“2011年”不是整数');
  });

  it('refuses an empty amount', () => {
    const broken = withLine(standardsCsv, 2, (l) => l.replace(',25,', ',,'));
    expect(() => parseNationalStandards(broken)).toThrow('national_standards_by_year.csv 第2行“amount”列：不能为空');
  });
});
