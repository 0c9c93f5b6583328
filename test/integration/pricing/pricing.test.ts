// The pricing model against figures worked out by hand, on a real seeded database file: every case of
// issue 10's correctness list, through the same imports and commands the app and the CLI use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { importTable } from '../../../electron/exchange/pricing-imports';
import type { ImportKind } from '../../../electron/exchange/pricing-imports';
import { priceTable } from '../../../electron/pricing/price-table';
import { explainFigure } from '../../../electron/pricing/explain';
import { pricingSummary } from '../../../electron/pricing/summary';
import { pricingItems } from '../../../electron/pricing/items';
import { populationSourceText, populationText, statusText } from '../../../renderer/src/views/pricing/pricing-text';
import { linesFit, repriceAll } from '../../../electron/pricing/reprice';
import { setDriverField, updateRegion } from '../../../electron/services/pricing-commands';
import { getDriver } from '../../../electron/pricing/drivers-store';
import { getCatalogue } from '../../../electron/services/catalogue-queries';
import { ChangeFeed } from '../../../electron/services/change-feed';
import { createHandlers } from '../../../electron/services/handlers';
import type { ChangeEvent } from '../../../shared/contract';
import { fenToYuan, yuanToFen } from '../../../shared/domain/pricing/money';
import type { DriverField } from '../../../shared/domain/pricing/drivers';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';
import { makeDraft } from '../../support/draft';

const temp = tempDir();
let db: Database;

async function load(kind: ImportKind, csv: string, catalogueId: string | null = null): Promise<void> {
  const { report } = await importTable(db, { kind, catalogueId, fileName: `${kind}.csv`, bytes: Buffer.from(csv), apply: true }, 'test');
  expect(report.problems).toEqual([]);
  expect(report.applied).toBe(true);
}

// Each cell sent with the value the grid shows at that moment, as the grid does: a unit chosen first has
// already brought the periods it implies.
async function drive(itemId: string, values: Partial<Record<DriverField, string>>): Promise<void> {
  for (const [field, value] of Object.entries(values) as [DriverField, string][]) {
    const shown = (await getDriver(db, itemId))[field];
    await setDriverField(db, { itemId, field, value, expected: shown === null ? null : String(shown) }, 'test');
  }
}

async function line(catalogueId: string, itemNo: number, regionCode: string, year = 2026) {
  const rows = await priceTable(db, catalogueId, 'county');
  return rows.find((r) => r.item_no === itemNo && r.region_code === regionCode && r.year === year);
}

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
  // The seeded Hebei catalogue is published (read-only): it is priced through a draft of it.
  await makeDraft(db, 'hebei-13th', 'hebei-draft');
  await load(
    'regions',
    [
      'region_code,region,parent_code,level,class,grade',
      '130102,长安区,130100,county,市辖区,',
      '130121,井陉县,130100,county,市管县,',
      '130183,晋州市,130100,county,省直管县,',
      '410122,中牟县,410100,county,市管县,1',
    ].join('\r\n'),
  );
  await load(
    'population',
    [
      'region_code,cohort,year,value',
      '130102,常住人口,2026,500000',
      '130121,常住人口,2026,300000',
      '130183,常住人口,2026,200000',
      '130102,60岁及以上,2026,80000',
      '130121,义务教育在校生,2026,40000',
      '130121,低保对象,2026,12345',
      '410122,常住人口,2026,1000000',
    ].join('\n'),
  );
  await load(
    'rules',
    [
      'rule,class,grade,central_pct,provincial,city,county',
      '卫生按类别,市辖区,,tier,1,1,2',
      '卫生按类别,市管县,,tier,2,1,1',
      '卫生按类别,省直管县,,tier,1,0,1',
      '卫生按类别,,,tier,1,1,1',
    ].join('\n'),
  );
});
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('pricing by hand', () => {
  it('基本公共卫生服务: 89 元 a resident, tier 2 (60 % central), the local part split by county class', async () => {
    // Item 26 of the Hebei catalogue is 居民健康档案, one of the basic public health services.
    await drive('hebei-draft:026', { cohort: '常住人口', coverage: '1', unitAmount: '89', unit: '元/人/年', splitRuleId: 'rule-1' });
    // 长安区 (市辖区 1:1:2): 500000 × 89 = 44,500,000; central 26,700,000; local 17,800,000 → 4,450,000 / 4,450,000 / 8,900,000.
    expect(await line('hebei-draft', 26, '130102')).toMatchObject({
      beneficiaries: '500000', cost: '44500000.00', central: '26700000.00', provincial: '4450000.00', city: '4450000.00', county: '8900000.00',
    });
    // 井陉县 (市管县 2:1:1): 26,700,000; central 16,020,000; local 10,680,000 → 5,340,000 / 2,670,000 / 2,670,000.
    expect(await line('hebei-draft', 26, '130121')).toMatchObject({
      cost: '26700000.00', central: '16020000.00', provincial: '5340000.00', city: '2670000.00', county: '2670000.00',
    });
  });

  it('a 省直管县 keeps its place under its city, and its city pays nothing for it', async () => {
    expect(await db.all(`SELECT source FROM population WHERE region_code = '130100' AND year = 2020 AND cohort = '常住人口'`)).toEqual([
      { source: '第七次全国人口普查：河北省七普公报（人数不含辛集）' },
    ]);
    // 晋州市 (省直管县 1:0:1): 17,800,000; central 10,680,000; local 7,120,000 → 3,560,000 / 0 / 3,560,000.
    expect(await line('hebei-draft', 26, '130183')).toMatchObject({
      cost: '17800000.00', central: '10680000.00', provincial: '3560000.00', city: '0.00', county: '3560000.00',
    });
    // Under a rule whose only row gives the city a weight (1:1:1), the city's weight is dropped for it: 1:1.
    await drive('hebei-draft:027', { cohort: '常住人口', coverage: '0.5', unitAmount: '10', unit: '元/人/年', splitRuleId: 'local-province-city-county' });
    expect(await line('hebei-draft', 27, '130183')).toMatchObject({
      beneficiaries: '100000', cost: '1000000.00', central: '0.00', provincial: '500000.00', city: '0.00', county: '500000.00',
    });
    const rows = await priceTable(db, 'hebei-draft', 'city');
    expect(rows.find((r) => r.item_no === 27 && r.region_code === '130100' && r.year === 2026)).toMatchObject({
      // The census's 石家庄市(不含辛集) is the region 石家庄市; what its count leaves out goes with the count.
      region: '石家庄市',
      // 长安区 250000 + 井陉县 150000 people at 10 元, 1:1:1; 晋州市 1,000,000 at 1:0:1.
      cost: String((250000 + 150000 + 100000) * 10) + '.00',
    });
  });

  it('城乡居民基础养老金: a monthly amount × 12, 100 % central', async () => {
    await drive('hebei-draft:020', { cohort: '60岁及以上', coverage: '1', unitAmount: '163', unit: '元/人/月', splitRuleId: 'central-100' });
    // 80,000 × 163 × 12 = 156,480,000, all central.
    expect(await line('hebei-draft', 20, '130102')).toMatchObject({
      beneficiaries: '80000', cost: '156480000.00', central: '156480000.00', provincial: '0.00', city: '0.00', county: '0.00',
    });
  });

  it('营养膳食补助: 5 元 a pupil a day × 200 days, on a cohort given as counts', async () => {
    await drive('hebei-draft:002', { cohort: '义务教育在校生', coverage: '1', unitAmount: '5', unit: '元/生/天', periodsPerYear: '200', splitRuleId: 'central-100' });
    expect(await line('hebei-draft', 2, '130121')).toMatchObject({ beneficiaries: '40000', cost: '40000000.00', central: '40000000.00' });
  });

  it('a factor-allocated item with a central share entered by hand, rounded to the fen and summing exactly', async () => {
    await drive('hebei-draft:048', {
      cohort: '低保对象', coverage: '1', unitAmount: '1000.55', unit: '元/人/年', splitRuleId: 'local-province-city-county', centralPct: '35',
    });
    // 12345 × 1000.55 = 12,351,789.75; central 35 % = 4,323,126.4125 → 4,323,126.41; local 8,028,663.34;
    // province 1/3 → 2,676,221.11; city half of 5,352,442.23 → 2,676,221.12 (half up); county the rest 2,676,221.11.
    expect(await line('hebei-draft', 48, '130121')).toMatchObject({
      cost: '12351789.75', central: '4323126.41', provincial: '2676221.11', city: '2676221.12', county: '2676221.11',
    });
    const explained = await explainFigure(db, { catalogueId: 'hebei-draft', itemId: 'hebei-draft:048', regionCode: '130121', year: 2026 });
    expect(explained.lines[0]).toMatchObject({ amount: '1000.55', cost: '12351789.75' });
    expect(explained.lines[0]?.rule).toMatchObject({ centralPct: '35', centralFrom: 'manual', quality: 'unverified' });
    // The rule's own note, what it assumes, goes with it.
    expect(explained.lines[0]?.rule.note).toBe('各级分别负担本级事项，比例暂按 1:1:1；中央如有补助，可在“中央分担（手工）”中填写。');
  });

  it('河南: a county whose grade changes the provincial share', async () => {
    await drive('henan-13th:001', { cohort: '常住人口', coverage: '1', unitAmount: '100', unit: '元/人/年', splitRuleId: 'henan-graded' });
    // Grade 1: tier 2 → 60 % central; the local 40,000,000 at 30:0:70.
    expect(await line('henan-13th', 1, '410122')).toMatchObject({ cost: '100000000.00', central: '60000000.00', provincial: '12000000.00', city: '0.00', county: '28000000.00' });
    await updateRegion(db, { code: '410122', field: 'grade', value: '3' }, 'test');
    // Grade 3: 50:0:50.
    expect(await line('henan-13th', 1, '410122')).toMatchObject({ provincial: '20000000.00', county: '20000000.00' });
    // Every line was written again, into a table declared as the migrations leave it.
    const columns = await db.all(`SELECT column_name, is_nullable FROM duckdb_columns() WHERE table_name = 'cost_lines' ORDER BY column_index`);
    expect(columns.map((c) => `${String(c.column_name)}${c.is_nullable ? '' : ' NOT NULL'}`)).toEqual([
      'item_key NOT NULL', 'region NOT NULL', 'year NOT NULL', 'beneficiaries',
      'cost_fen NOT NULL', 'central_fen NOT NULL', 'provincial_fen NOT NULL', 'city_fen NOT NULL', 'quality NOT NULL',
    ]);
  });

  it('a rule row saved before weights were capped still splits to the fen: in the rebuild, an edit in place and a full reprice', async () => {
    // Earlier builds took any weight DECIMAL(12,4) holds; such rows are still in planners' files, and their
    // products pass 64 bits where the cap keeps new ones inside it.
    // Until then a full reprice takes the one-division form, and writes the very lines each item's edits wrote
    // in the exact forms; from then on it takes the exact forms too.
    const lines = () => db.all('SELECT * FROM cost_lines ORDER BY ALL');
    expect(await db.transaction(linesFit)).toBe(true);
    const edited = await lines();
    expect(edited.length).toBeGreaterThan(0);
    await db.transaction((tx) => repriceAll(tx));
    expect(await lines()).toEqual(edited);
    await db.transaction(async (tx) => {
      await tx.run(`INSERT INTO split_rules (id, name, province_code, source, status) VALUES ('wide-weights', '旧版宽权重', '130000', '测试', 'unverified')`);
      await tx.run(`INSERT INTO split_rule_rows (rule_id, seq, county_class, grade, central_pct, central_by_tier, provincial, city, county)
                    VALUES ('wide-weights', 1, NULL, NULL, 0, false, 99999999.9999, 50000000, 12345678.9)`);
      await repriceAll(tx);
    });
    expect(await db.transaction(linesFit)).toBe(false);
    // 500000 × 100.01 = 50,005,000.00, split 999999999999 : 500000000000 : 123456789000 (in ten-thousandths).
    await drive('hebei-draft:010', { cohort: '常住人口', coverage: '1', unitAmount: '100.01', unit: '元/人/年', splitRuleId: 'wide-weights' });
    const first = { cost: '50005000.00', central: '0.00', provincial: '30801558.96', city: '15400779.48', county: '3802661.56' };
    expect(await line('hebei-draft', 10, '130102')).toMatchObject(first);
    await drive('hebei-draft:010', { unitAmount: '200.03' });
    const second = { cost: '100015000.00', central: '0.00', provincial: '61606197.76', city: '30803098.88', county: '7605703.36' };
    expect(await line('hebei-draft', 10, '130102')).toMatchObject(second);
    await db.transaction((tx) => repriceAll(tx));
    expect(await line('hebei-draft', 10, '130102')).toMatchObject(second);
  });

  it('refuses a rule with no row for any class and grade; one saved before is named with the regions it leaves out', async () => {
    const file = Buffer.from('rule,class,grade,central_pct,provincial,city,county\n只有市辖区,市辖区,,60,1,1,1\n');
    const { report } = await importTable(db, { kind: 'rules', catalogueId: null, fileName: '规则.csv', bytes: file, apply: false }, 'test');
    expect(report.problems).toEqual([
      '规则.csv：规则“只有市辖区”缺少类别、等级都留空的一行（“其他地区”行）：不属于所列类别或档次的地区（还有没有导入县区的市）没有适用的行，无法分担',
    ]);
    await db.transaction(async (tx) => {
      await tx.run(`INSERT INTO split_rules (id, name, province_code, source, status) VALUES ('districts-only', '旧版只有市辖区', '130000', '测试', 'unverified')`);
      await tx.run(`INSERT INTO split_rule_rows (rule_id, seq, county_class, grade, central_pct, central_by_tier, provincial, city, county)
                    VALUES ('districts-only', 1, '市辖区', NULL, 60, false, 1, 1, 1)`);
      await repriceAll(tx);
    });
    await drive('hebei-draft:011', { cohort: '常住人口', coverage: '1', unitAmount: '10', unit: '元/人/年', splitRuleId: 'districts-only' });
    expect(await line('hebei-draft', 11, '130102')).toMatchObject({ cost: '5000000.00' });
    expect(await line('hebei-draft', 11, '130121')).toBeUndefined();
    const { problems } = await pricingSummary(db, 'hebei-draft');
    const said = problems.filter((p) => p.startsWith('分担规则“旧版只有市辖区”'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^分担规则“旧版只有市辖区”没有适用于 井陉县、.+ 等 \d+ 个地区的行（类别或档次不在所列之中），用它的 1 个服务项目在这些地区没有计入测算：请在规则中加一行类别、等级都留空的“其他地区”行。$/);
    await drive('hebei-draft:011', { splitRuleId: '' });
  });

  it('a year without a count comes from the nearest year at the growth rate, marked as estimated', async () => {
    await updateRegion(db, { code: '130102', field: 'growthPct', value: '1' }, 'test');
    // 500000 × 1.01^2 = 510050 in 2028.
    expect(await line('hebei-draft', 26, '130102', 2028)).toMatchObject({ beneficiaries: '510050', cost: '45394450.00' });
    const explained = await explainFigure(db, { catalogueId: 'hebei-draft', itemId: 'hebei-draft:026', regionCode: '130102', year: 2028 });
    expect(explained.lines[0]?.population).toMatchObject({ method: 'grown', fromYear: 2026, growthPct: '1', quality: 'estimated' });
    expect(explained.lines[0]?.rule).toMatchObject({ name: '卫生按类别', row: '市辖区', centralPct: '60', centralFrom: 'tier', tier: 2, quality: 'unverified' });
    expect(explained.lines[0]).toMatchObject({ year: 2028, amount: '89.00', beneficiaries: '510050', cost: '45394450.00' });
    // The count it was grown from is shown, so the figure can be checked by hand.
    expect(explained.lines[0]?.population?.base).toMatchObject({ value: '500000', year: 2026 });
    expect(populationText(explained.lines[0]!.population!, 2028)).toBe('常住人口 510,050 人（由 2026 年统计数 500,000 人按年增长 1% 推算）');
    // Without a rate of its own, a county takes its city's, and its explanation says whose.
    await updateRegion(db, { code: '130100', field: 'growthPct', value: '2' }, 'test');
    await updateRegion(db, { code: '130102', field: 'growthPct', value: null }, 'test');
    try {
      const inherited = await explainFigure(db, { catalogueId: 'hebei-draft', itemId: 'hebei-draft:026', regionCode: '130102', year: 2028 });
      expect(populationText(inherited.lines[0]!.population!, 2028)).toBe('常住人口 520,200 人（由 2026 年统计数 500,000 人按年增长 2% 推算，人口年增长率沿用石家庄市的）');
    } finally {
      await updateRegion(db, { code: '130100', field: 'growthPct', value: null }, 'test');
      await updateRegion(db, { code: '130102', field: 'growthPct', value: '1' }, 'test');
    }
  });

  it('explains a cohort found as a share of another with the figure the share was taken of, and its source', async () => {
    await drive('hebei-draft:012', { cohort: '60岁及以上', coverage: '1', unitAmount: '10', unit: '元/人/年', splitRuleId: 'central-100' });
    const explained = await explainFigure(db, { catalogueId: 'hebei-draft', itemId: 'hebei-draft:012', regionCode: '130121', year: 2026 });
    const population = explained.lines[0]!.population!;
    expect(population).toMatchObject({ method: 'share', shareOf: '常住人口', base: { value: '300000', year: 2026 } });
    expect(populationText(population, 2026)).toMatch(/^60岁及以上 [\d,]+ 人 = 常住人口 300,000 人 × [\d.]+%（比例沿用.+的）$/u);
    expect(populationSourceText(population)).toMatch(/^按人群比例推算（比例出处：.+）；常住人口：导入：/u);
    // In a year without a count, the base was grown at the county's rate (its own, else its city's or province's):
    // said, as for a grown count.
    const later = (await explainFigure(db, { catalogueId: 'hebei-draft', itemId: 'hebei-draft:012', regionCode: '130121', year: 2028 })).lines[0]!.population!;
    expect(populationText(later, 2028)).toMatch(/（比例沿用.+的；常住人口由 2026 年统计数按年增长 [\d.]+% 推算(，人口年增长率沿用.+的)?）$/u);
    await drive('hebei-draft:012', { splitRuleId: '' });
  });

  it('lists items without drivers as not priced, and totals by level equal the sum of the lines', async () => {
    const summary = await pricingSummary(db, 'hebei-draft');
    expect(summary.unpriced.map((u) => u.itemNo)).not.toContain(26);
    expect(summary.unpriced.length).toBe(81 - summary.pricedCount);
    const rows = await priceTable(db, 'hebei-draft', 'county');
    const sum = (k: string) => rows.reduce((n, r) => n + BigInt(String(r[k]).replace('.', '')), 0n);
    for (const k of ['cost', 'central', 'provincial', 'city', 'county'] as const) {
      expect(BigInt(summary.total[k].replace('.', '')), k).toBe(sum(k));
    }
    expect(sum('central') + sum('provincial') + sum('city') + sum('county')).toBe(sum('cost'));
    // 石家庄's row: its three counties' lines (晋州市 too, though the city pays nothing for it), and per resident
    // their cost over their residents summed over the five years, to the fen, half up.
    const shijiazhuang = summary.byCity.find((c) => c.code === '130100')!;
    const cityCost = rows.filter((r) => ['130102', '130121', '130183'].includes(String(r.region_code))).reduce((n, r) => n + yuanToFen(String(r.cost)), 0n);
    expect(yuanToFen(shijiazhuang.cost)).toBe(cityCost);
    const [people] = await db.all(`SELECT CAST(sum(value) AS VARCHAR) AS n FROM population_resolved WHERE cohort = '常住人口' AND region IN (130102, 130121, 130183) AND year BETWEEN 2026 AND 2030`);
    const residents = BigInt(String(people?.n));
    expect(shijiazhuang.residentYears).toBe(String(residents));
    expect(shijiazhuang.perResident).toBe(fenToYuan((cityCost * 2n + residents) / (2n * residents)));
    expect(summary.byCity.reduce((n, c) => n + yuanToFen(c.cost), 0n)).toBe(sum('cost'));
    // Said, never silently zero: the cohorts only 井陉县 has, and 石家庄's three imported counties against the city.
    const gap = summary.problems.find((p) => p.startsWith('“低保对象”在'))!;
    expect(gap).toContain('缺少测算年度的人数');
    // The regions named are the first five by code, as the statistics list them (not in the order of their characters).
    const named = await db.all(
      `SELECT l.name FROM leaf_regions l WHERE (l.province_code = '130000') AND NOT EXISTS
         (SELECT 1 FROM population_resolved p WHERE p.region = l.region AND p.cohort = '低保对象') ORDER BY l.code LIMIT 5`,
    );
    expect(gap).toContain(`在 ${named.map((r) => String(r.name)).join('、')} 等`);
    // The item priced on it says so on its own row: its figure leaves out the regions named.
    const gapRegions = Number(/等 (\d+) 个地区/u.exec(gap)?.[1]);
    const { items } = await pricingItems(db, 'hebei-draft');
    expect(items.find((i) => i.itemNo === 48)).toMatchObject({ status: 'priced', gapRegions });
    expect(statusText(items.find((i) => i.itemNo === 48)!)).toBe(`部分测算：${gapRegions} 个地区缺“低保对象”人数`);
    expect(items.find((i) => i.itemNo === 2)).toMatchObject({ status: 'priced' });
    expect(items.filter((i) => i.status !== 'priced').every((i) => i.gapRegions === 0)).toBe(true);
    expect(summary.problems).toContain(
      '石家庄市已导入 3 个县区，2020 年常住人口合计 1,000,000 人（其中 3 个县区没有 2020 年的人数，取最接近年份的），与全市 2020 年的 10,640,458 人（不含辛集）相差一成以上：测算只计入已导入的县区，请核对是否缺了县区或人数。',
    );
  });

  it('a cohort no region has is said once, for the item that uses it', async () => {
    await drive('hebei-draft:030', { cohort: '谁都没有的人群', coverage: '1', unitAmount: '10', unit: '元/人/年', splitRuleId: 'central-100' });
    const { problems } = await pricingSummary(db, 'hebei-draft');
    expect(problems.filter((p) => p.includes('谁都没有的人群'))).toEqual([
      expect.stringContaining('还没有任何地区有“谁都没有的人群”的人数'),
    ]);
    await drive('hebei-draft:030', { cohort: '' });
  });

  it('reads a header written in the Chinese labels as the fixed column names', async () => {
    await load('population', ['区划代码,人群,年度,人数', '130102,中文表头人群,2026,1234'].join('\n'));
    const [row] = await db.all(`SELECT value FROM population WHERE region_code = '130102' AND cohort = '中文表头人群' AND year = 2026`);
    expect(String(row?.value)).toBe('1234');
    // A count the file gives anew replaces the stored one, and the summary says so, old → new.
    const again = await importTable(
      db,
      { kind: 'population', catalogueId: null, fileName: '表.csv', bytes: Buffer.from('区划代码,人群,年度,人数\n130102,中文表头人群,2026,"1,300"\n130102,中文表头人群,2027,1300\n'), apply: false },
      'test',
    );
    expect(again.report.summary).toBe('写入 2 条人数（1 个地区，中文表头人群），其中 1 条替换原有人数（长安区（130102）“中文表头人群”2026 年 1,234 → 1,300）');
  });

  it('takes a cohort given as a share of another (人群比例), and refuses a share past 100 % by row and column', async () => {
    await load('shares', ['区划代码,人群,基数人群,比例', '130121,比例测试人群,常住人口,2.5%'].join('\n'));
    // 井陉县's 300,000 residents × 2.5 %.
    const [row] = await db.all(`SELECT value, share_from FROM population_resolved WHERE region = 130121 AND cohort = '比例测试人群' AND year = 2026`);
    expect([String(row?.value), String(row?.share_from)]).toEqual(['7500', '130121']);
    const { report } = await importTable(db, { kind: 'shares', catalogueId: null, fileName: 'shares.csv', bytes: Buffer.from('region_code,cohort,base_cohort,share_pct\n130121,比例测试人群,常住人口,150\n'), apply: true }, 'test');
    expect(report.problems).toEqual(['shares.csv 第2行“share_pct（比例（%））”列：“150”应为 0 到 100 之间的百分数，最多 4 位小数']);
    expect(report.applied).toBe(false);
  });

  it('a file headed in Chinese, as a planner writes it, is told of its problems in Chinese alone', async () => {
    const check = (kind: ImportKind, csv: string) => importTable(db, { kind, catalogueId: null, fileName: '表.csv', bytes: Buffer.from(csv), apply: false }, 'test');
    const regions = await check('regions', '区划代码,名称,上级代码,层级,类别,等级\n130199,某区,130100,区,市辖区,\n');
    expect(regions.report.problems).toEqual(['表.csv 第2行“层级”列：“区”不是省、市、县之一']);
    // Every problem of a row in one pass: an unreadable level and a parent found nowhere.
    const twice = await check('regions', '区划代码,名称,上级代码,层级,类别,等级\n130105,新华区,139900,区,市辖区,\n');
    expect(twice.report.problems).toEqual(['表.csv 第2行“层级”列：“区”不是省、市、县之一', '表.csv 第2行“上级代码”列：上级“139900”既不在本文件中，也不在数据库中']);
    // A parent in the file whose own level is unreadable is not said to be missing.
    const parentBad = await check('regions', '区划代码,名称,上级代码,层级,类别,等级\n139900,某市,130000,地区,,\n139901,某区,139900,县,市辖区,\n');
    expect(parentBad.report.problems).toEqual(['表.csv 第2行“层级”列：“地区”不是省、市、县之一', '表.csv 第3行“上级代码”列：上级“139900”的层级有误（见该行）']);
    // A county of 河南 under a 河北 city would be priced, and split, as 河北's.
    const elsewhere = await check('regions', '区划代码,名称,上级代码,层级,类别,等级\n410102,中原区,130100,县,市辖区,1\n');
    expect(elsewhere.report.problems).toEqual(['表.csv 第2行“上级代码”列：“410102”的前两位 41 与上级“130100”的前两位 13 不同：区划代码的前两位是所属的省，市、县只能在本省之下']);
    // A city made a county would leave its counties under a county; moved in the same file, they are not left.
    const demoted = await check('regions', '区划代码,名称,上级代码,层级,类别,等级\n130100,石家庄市,130200,县,市辖区,\n');
    expect(demoted.report.problems).toEqual([
      '表.csv 第2行“层级”列：石家庄市（130100）下已有 3 个下级（长安区、井陉县、晋州市），改为县后它们的上级层级不对：请在同一文件中把它们移到别的上级，或不改它的层级',
    ]);
    const withCounties = await check(
      'regions',
      '区划代码,名称,上级代码,层级,类别,等级\n130100,石家庄市,130200,县,市辖区,\n130102,长安区,130200,县,市辖区,\n130121,井陉县,130200,县,市管县,3\n130183,晋州市,130200,县,省直管县,\n',
    );
    expect(withCounties.report.problems).toEqual([]);
    const rules = await check('rules', '规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重\n试行规则,,,一半,1,1,1\n');
    expect(rules.report.problems).toEqual(['表.csv 第2行“中央分担”列：“一半”应为百分数或“按档”']);
    await expect(check('population', '区划代码,人群,年度\n130102,常住人口,2026\n')).rejects.toThrow('表.csv 的表头不对：缺少列 人数。表头应为：区划代码,人群,年度,人数。没有导入任何内容。');
    // A column the import does not take is named as the file writes it, not by its fixed name (central_pct).
    await expect(check('population', '区划代码,人群,年度,人数,中央分担\n130102,常住人口,2026,1,\n')).rejects.toThrow('表.csv 的表头不对：多出列 中央分担。表头应为：区划代码,人群,年度,人数。');
    // A script's file, headed by the fixed names, is told in them.
    await expect(check('population', 'region_code,cohort,year\n130102,常住人口,2026\n')).rejects.toThrow('缺少列 value（人数）。表头应为：region_code,cohort,year,value；也可用中文表头：区划代码,人群,年度,人数。');
    await expect(check('regions', 'region_code,region,parent_code,level,class\n130133,赵县,130100,county,市管县\n')).rejects.toThrow(
      '表头应为：region_code,region,parent_code,level,class,grade（可另加一列：growth_pct）；也可用中文表头：区划代码,名称,上级代码,层级,类别,等级（可另加一列：人口年增长率（%））。',
    );
    // Full-width figures, as an input method types them, are read in every file; a count Excel shows with two
    // decimals is whole; weights that cannot be read are not also said to be all 0.
    expect((await check('population', '区划代码,人群,年度,人数\n１３０１０２,常住人口,２０２６,５００１００\n130121,常住人口,2026,300000.00\n')).report.problems).toEqual([]);
    expect((await check('regions', '区划代码,名称,上级代码,层级,类别,等级\n130102,长安区,130100,县,市辖区,２\n')).report.problems).toEqual([]);
    expect((await check('rules', '规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重\n全角规则,,,６０％,１,１,２\n')).report.problems).toEqual([]);
    expect((await check('rules', '规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重\n负权重规则,,,60,-1,0,1\n')).report.problems).toEqual([
      '表.csv：规则“负权重规则”在文件第2行（任意类别、任意等级）的省级权重应为 0 到 10000 之间的数，最多 4 位小数，收到“-1”',
    ]);
    // The optional column is named, so a planner can find it; a title row above the header is said to be one.
    await expect(check('regions', '区划代码,名称,上级代码,层级,类别,等级,增长率\n130102,长安区,130100,县,市辖区,\n')).rejects.toThrow(
      '表.csv 的表头不对：多出列 增长率。表头应为：区划代码,名称,上级代码,层级,类别,等级（可另加一列：人口年增长率（%））。没有导入任何内容。',
    );
    // A title above the header, as 统计年鉴 sheets have (merged across the columns), is skipped and said so.
    const titled = await check('population', '石家庄市分县区人口（单位：人）,石家庄市分县区人口（单位：人）,,\n区划代码,人群,年度,人数\n130102,常住人口,2026,1\n');
    expect(titled.report.problems).toEqual([]);
    expect(titled.report.warnings).toEqual(['第1行“石家庄市分县区人口（单位：人）”是标题，没有导入；表头从它下面一行读起']);
    expect(titled.report.preview.rows[0]?.line).toBe(3);
    // Below a title, a header that is not the import's is refused as any other, naming the title skipped.
    await expect(check('population', '石家庄市分县区人口（单位：人）,,,\n区划,人群,年度,人数\n130102,常住人口,2026,1\n')).rejects.toThrow(
      '表.csv 的表头不对（第1行“石家庄市分县区人口（单位：人）”当作标题跳过，表头在其下一行）：缺少列 区划代码；多出列 区划。',
    );
  });

  it('refuses what it would read wrong: a decimal comma, a fraction in a percent column, a row twice; says which rule an import rewrites', async () => {
    const check = (kind: ImportKind, csv: string, catalogueId: string | null = null) =>
      importTable(db, { kind, catalogueId, fileName: '表.csv', bytes: Buffer.from(csv), apply: false }, 'test').then((r) => r.report.problems);
    const drivers = 'item_no,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule\n';
    // 89,5 read with its comma dropped was 895; 1,000 is a thousands separator and reads as 1000.
    expect(await check('drivers', `${drivers}26,常住人口,1,"89,5",元/人/年,1,2025,0,central-100\n`, 'hebei-draft')).toEqual([
      '表.csv 第2行“unit_amount（补助标准）”列：补助标准“89,5”中的逗号不是千位分隔（如 1,000），不能读作数字；小数请用小数点（如 89.5）',
    ]);
    expect(await check('drivers', `${drivers}26,常住人口,1,"1,000",元/人/年,1,2025,0,central-100\n`, 'hebei-draft')).toEqual([]);
    expect(await check('population', 'region_code,cohort,year,value\n130102,常住人口,2026,"83,00,00"\n')).toEqual([
      '表.csv 第2行“value（人数）”列：“83,00,00”中的逗号不是千位分隔（如 1,000），不能读作数字；人数应为整数，千位分隔每三位一个逗号（如 830,000）',
    ]);
    // A count with thousands separators and no quotes splits into cells past the header: refused, not read as 1.
    expect(await check('population', 'region_code,cohort,year,value\n130102,常住人口,2027,1,234,567\n')).toEqual([
      '表.csv 第2行比表头多出 2 个单元格（“234”、“567”），不知道它们属于哪一列。像是数字中的千位分隔逗号把一个数拆成了几格，请给这个数加上英文引号（如 "1,234,567"），或去掉逗号（如 1234567）',
    ]);
    expect(await check('regions', 'region_code,region,parent_code,level,class,grade\n130105,新华区,130100,county,市辖区,1,备注\n130106,新区,130100,county,市辖区,1,,\n')).toEqual([
      '表.csv 第2行比表头多出 1 个单元格（“备注”），不知道它们属于哪一列。请删去多出的内容，或检查这一行是否多了逗号',
    ]);
    // Split the same way but ending empty, the row reads one column over: its problems are told why. A row
    // that merely ends in empty cells (a,b,c,d,) imports.
    const shifted = await check('drivers', `${drivers}26,常住人口,1,1,000,元/人/年,1,2025,0,\n27,常住人口,1,89,元/人/年,1,2025,0,central-100,\n`, 'hebei-draft');
    expect(shifted.length).toBeGreaterThan(1);
    expect(shifted.every((p) => p.startsWith('表.csv 第2行'))).toBe(true);
    expect(shifted.at(-1)).toBe(
      '表.csv 第2行比表头多出 1 个单元格（空白），这一行的内容可能错了列。像是数字中的千位分隔逗号把一个数拆成了几格，请给这个数加上英文引号（如 "1,234,567"），或去掉逗号（如 1234567）',
    );
    // Under an empty heading in the middle; and told in the order of the rows, beside the rows' other problems.
    expect(await check('population', 'region_code,cohort,,year,value\n130102,常住人口,x,2027,100\n130102,常住人口,,1999,100\n130102,常住人口,,2028,1,000,000\n')).toEqual([
      '表.csv 第2行第3个单元格（“x”）上面没有表头，不知道它们属于哪一列。请删去多出的内容，或检查这一行是否多了逗号',
      '表.csv 第3行“year（年度）”列：“1999”应是 2000 到 2100 之间的年份',
      '表.csv 第4行比表头多出 2 个单元格（“000”、“000”），不知道它们属于哪一列。像是数字中的千位分隔逗号把一个数拆成了几格，请给这个数加上英文引号（如 "1,234,567"），或去掉逗号（如 1234567）',
    ]);
    // The same count twice: which row had it first, and in which column.
    expect(await check('population', 'region_code,cohort,year,value\n130102,常住人口,2027,100\n130102,常住人口,2027,120\n')).toEqual([
      '表.csv 第3行“value（人数）”列：130102 的“常住人口”2027 年人数在第2行已有一行，每个地区、人群、年份只能有一个人数',
    ]);
    expect(await check('shares', 'region_code,cohort,base_cohort,share_pct\n130121,比例测试人群,常住人口,18.6\n130121,比例测试人群,常住人口,19\n')).toEqual([
      '表.csv 第3行“share_pct（比例（%））”列：130121 的“比例测试人群”比例在第2行已有一行，每个地区、人群只能有一个比例',
    ]);
    // A 序号 the catalogue lacks, and a wrong value on the same row: both told at once.
    expect(await check('drivers', `${drivers}999,常住人口,全部,89,元/人/年,1,2025,0,central-100\n`, 'hebei-draft')).toEqual([
      '表.csv 第2行“item_no（序号）”列：“hebei-13th 的草案”没有第“999”项',
      expect.stringMatching(/^表\.csv 第2行“coverage（覆盖率）”列：/u),
    ]);
    // The same item twice: not settled by the last row.
    expect(await check('drivers', `${drivers}26,常住人口,1,89,元/人/年,1,2025,0,central-100\n26,常住人口,1,95,元/人/年,1,2025,0,central-100\n`, 'hebei-draft')).toEqual([
      '表.csv 第3行“item_no（序号）”列：第26项在第2行已有一行，每项只能有一行',
    ]);
    expect(await check('regions', 'region_code,region,parent_code,level,class,grade\n130133,赵县,130100,county,市管县,\n130133,赵县,130100,county,市辖区,\n')).toEqual([
      '表.csv 第3行“region_code（区划代码）”列：行政区“130133”在第2行已有一行，每个行政区只能有一行',
    ]);
    // A percent column given 0.6: 60 % or 0.6 %? Asked, not guessed; 0.6% is taken as written.
    expect(await check('rules', 'rule,class,grade,central_pct,provincial,city,county\n试行规则,,,0.6,1,1,1\n')).toEqual([
      '表.csv 第2行“central_pct（中央分担：百分数，或“按档”）”列：“0.6”像是小数，此处按百分数填写（60% 填 60）；如确为 0.6%，请写“0.6%”',
    ]);
    expect(await check('rules', 'rule,class,grade,central_pct,provincial,city,county\n试行规则,,,0.6%,1,1,1\n')).toEqual([]);
    // A file whose every share is below 1 looks written as fractions (0.186 for 18.6 %); beside shares of whole
    // percents, a share below 1 % (百岁老人 0.02) is the percent it says.
    expect(await check('shares', 'region_code,cohort,base_cohort,share_pct\n130121,比例测试人群,常住人口,0.072\n')).toEqual([
      '表.csv 第2行“share_pct（比例（%））”列：“0.072”像是小数，此处按百分数填写（60% 填 60）；如确为 0.072%，请写“0.072%”（文件中不带 % 的比例全都小于 1，像是按小数写的）',
    ]);
    expect(await check('shares', 'region_code,cohort,base_cohort,share_pct\n130121,比例测试人群,常住人口,0.072\n130121,另一人群,常住人口,18.6\n')).toEqual([]);
    // A 0 or a share written with % beside them says nothing: the bare figures are still all below 1.
    expect(await check('shares', 'region_code,cohort,base_cohort,share_pct\n130121,比例测试人群,常住人口,0.186\n130121,另一人群,常住人口,0\n130121,第三人群,常住人口,0.5%\n')).toEqual([
      '表.csv 第2行“share_pct（比例（%））”列：“0.186”像是小数，此处按百分数填写（60% 填 60）；如确为 0.186%，请写“0.186%”（文件中不带 % 的比例全都小于 1，像是按小数写的）',
    ]);
    // A region's growth rate from a file, as a script sets it (optional column; 80 % a year is no rate).
    expect(await check('regions', 'region_code,region,parent_code,level,class,grade,growth_pct\n130133,赵县,130100,county,市管县,,80\n')).toEqual([
      '表.csv 第2行“growth_pct（人口年增长率（%））”列：应为 -50 到 50 之间的百分数（最多 4 位小数），收到“80”',
    ]);
    const growthBefore = (await db.all(`SELECT CAST(growth_pct AS VARCHAR) AS g FROM regions WHERE code = '130121'`))[0]?.g;
    await load('regions', 'region_code,region,parent_code,level,class,grade\n130121,井陉县,130100,county,市管县,3\n');
    expect((await db.all(`SELECT CAST(growth_pct AS VARCHAR) AS g FROM regions WHERE code = '130121'`))[0]?.g).toBe(growthBefore);
    await load('regions', 'region_code,region,parent_code,level,class,grade\n130121,井陉县,130100,county,市管县,\n');
    // A file that gives the regions as they are changes nothing, their sources with them.
    const sourceOf = async () => (await db.all(`SELECT source FROM regions WHERE code = '130100'`))[0]?.source;
    const source = await sourceOf();
    const same = await importTable(db, { kind: 'regions', catalogueId: null, fileName: '又一次.csv', bytes: Buffer.from('region_code,region,parent_code,level,class,grade\n130121,井陉县,130100,county,市管县,\n'), apply: true }, 'test');
    expect(same.report).toMatchObject({ changesNothing: true, applied: false, summary: '不改变任何行政区（文件中的与现有的相同）' });
    expect(await sourceOf()).toBe(source);
    // A region moved to another level or parent is said to be, as its figures now count under the new parent.
    const moved = await importTable(db, { kind: 'regions', catalogueId: null, fileName: '表.csv', bytes: Buffer.from('region_code,region,parent_code,level,class,grade\n130181,辛集市,130100,county,省直管县,\n'), apply: false }, 'test');
    expect(moved.report.warnings).toEqual([
      `辛集市由市（上级 河北省）改为县（上级 ${String((await db.all(`SELECT name FROM regions WHERE code = '130100'`))[0]?.name)}）：它在测算和汇总中从此计入新的上级，请核对上级的名称和人数是否仍然相符`,
    ]);
    // Previewed with the rate, to be checked before it is applied; a file without the column shows none.
    const withRate = await importTable(db, { kind: 'regions', catalogueId: null, fileName: '表.csv', bytes: Buffer.from('region_code,region,parent_code,level,class,grade,growth_pct\n130121,井陉县,130100,county,市管县,,0.5%\n'), apply: false }, 'test');
    expect(withRate.report.preview.columns.at(-1)).toBe('growth_pct');
    expect(withRate.report.preview.rows[0]?.cells.at(-1)).toBe('0.5%');
    const withoutRate = await importTable(db, { kind: 'regions', catalogueId: null, fileName: '表.csv', bytes: Buffer.from('region_code,region,parent_code,level,class,grade\n130121,井陉县,130100,county,市管县,\n'), apply: false }, 'test');
    expect(withoutRate.report.preview.columns).not.toContain('growth_pct');
    await load('regions', 'region_code,region,parent_code,level,class,grade,growth_pct\n130121,井陉县,130100,county,市管县,,0.5%\n');
    expect((await db.all(`SELECT CAST(growth_pct AS VARCHAR) AS g FROM regions WHERE code = '130121'`))[0]?.g).toMatch(/^0\.50*$/u);
    await load('regions', `region_code,region,parent_code,level,class,grade,growth_pct\n130121,井陉县,130100,county,市管县,,${growthBefore ?? ''}\n`);
    // A blank where a value was clears it, and the report says so.
    const blank = await importTable(db, { kind: 'drivers', catalogueId: 'hebei-draft', fileName: '表.csv', bytes: Buffer.from(`${drivers}26,常住人口,1,,元/人/年,1,2025,0,central-100\n`), apply: false }, 'test');
    expect(blank.report.summary).toContain('其中 1 个已有参数因文件中为空而清空（第26项的补助标准）');
    // A cohort nobody has counted (a slip of the pen) is taken, and said.
    const misspelt = await importTable(db, { kind: 'drivers', catalogueId: 'hebei-draft', fileName: '表.csv', bytes: Buffer.from(`${drivers}26,常驻人口,1,89,元/人/年,1,2025,0,central-100\n`), apply: false }, 'test');
    expect(misspelt.report.warnings).toEqual(['人群“常驻人口”还没有人口数（名称是否写错？或请导入人口、设置人群比例），用它的服务项目暂不能算出']);
    // Shares whose cohorts are each the other's base, and a base nobody has counted.
    const cycle = await importTable(db, { kind: 'shares', catalogueId: null, fileName: '比例.csv', bytes: Buffer.from('区划代码,人群,基数人群,比例\n130102,义务教育学生,0-3岁,50\n130102,0-3岁,义务教育学生,50\n'), apply: false }, 'test');
    expect(cycle.report.problems).toEqual([
      '比例.csv 第2行“基数人群”列：“义务教育学生”按“0-3岁”推算，而“0-3岁”按“义务教育学生”推算：人群互为基数，无法算出人数',
      '比例.csv 第3行“基数人群”列：“0-3岁”按“义务教育学生”推算，而“义务教育学生”按“0-3岁”推算：人群互为基数，无法算出人数',
    ]);
    // Shares of two provinces never meet (a leaf takes its own, its city's or its province's): no cycle between them.
    const twoProvinces = await importTable(db, { kind: 'shares', catalogueId: null, fileName: '比例.csv', bytes: Buffer.from('区划代码,人群,基数人群,比例\n130102,户籍人口,常住人口,98\n410122,常住人口,户籍人口,95\n'), apply: false }, 'test');
    expect(twoProvinces.report.problems).toEqual([]);
    // A file Excel saved as tab-separated text is told to be saved as CSV.
    await expect(importTable(db, { kind: 'shares', catalogueId: null, fileName: '比例.csv', bytes: Buffer.from('区划代码\t人群\t基数人群\t比例\n130102\t户籍人口\t常住人口\t98\n'), apply: false }, 'test')).rejects.toThrow(
      '比例.csv 的各列不是用逗号分隔的（像是制表符或分号分隔的文本）：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。没有导入任何内容。',
    );
    const noBase = await importTable(db, { kind: 'shares', catalogueId: null, fileName: '比例.csv', bytes: Buffer.from('区划代码,人群,基数人群,比例\n130102,义务教育学生,常住人员,11.8\n'), apply: false }, 'test');
    expect(noBase.report.problems).toEqual([]);
    expect(noBase.report.warnings).toEqual(['基数人群“常住人员”还没有任何地区的人数（名称是否写错？或请导入人口），按它推算的人群暂时没有人数']);
    // Excel's "Unicode 文本", and a formula the file holds no result for, are refused, not read as blanks.
    await expect(importTable(db, { kind: 'population', catalogueId: null, fileName: '人口.txt.csv', bytes: Buffer.from('\ufeffregion_code\tcohort\tyear\tvalue\n', 'utf16le'), apply: false }, 'test')).rejects.toThrow(
      '人口.txt.csv 是 UTF-16 编码的文本（Excel 的“Unicode 文本”），不是 CSV',
    );
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('人口');
    sheet.addRow(['region_code', 'cohort', 'year', 'value']);
    sheet.addRow(['130102', '常住人口', 2026, { formula: '80+10' }]);
    await expect(importTable(db, { kind: 'population', catalogueId: null, fileName: '人口.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()), apply: false }, 'test')).rejects.toThrow(
      '人口.xlsx 工作表“人口”的 D2 格是公式，但文件中没有它的计算结果',
    );
    // A sheet's column with no heading (a note, a check beside the table) is not imported, and said once.
    const wide = book.addWorksheet('宽');
    book.removeWorksheet(sheet.id);
    wide.addRow(['region_code', 'cohort', 'year', 'value']);
    wide.addRow(['130102', '常住人口', 2026, 900, '多余']);
    wide.addRow(['130102', '常住人口', 2027, 950, '核对']);
    wide.addRow(['130102', '常住人口', 2028, 990, '核对']);
    const noted = (await importTable(db, { kind: 'population', catalogueId: null, fileName: '人口.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()), apply: false }, 'test')).report;
    expect(noted.problems).toEqual([]);
    expect(noted.warnings).toEqual(['E 列没有表头，第2—4行中的 3 行在这一列填有内容（如“多余”），没有导入；若它本该是某一列的数据，请检查各列是否错位']);
    // A count split at its thousands separators (an unquoted CSV opened in Excel and saved as .xlsx): refused as in a CSV.
    wide.addRow(['130102', '常住人口', 2029, 1, '234', '567']);
    const split = (await importTable(db, { kind: 'population', catalogueId: null, fileName: '人口.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()), apply: false }, 'test')).report;
    expect(split.problems).toEqual([
      '人口.xlsx 第5行比表头多出 2 个单元格（“234”、“567”），不知道它们属于哪一列。像是数字中的千位分隔逗号把一个数拆成了几格，请给这个数加上英文引号（如 "1,234,567"），或去掉逗号（如 1234567）',
    ]);
    // A preset rewritten by a file is said to be, with the items it reprices.
    const { report } = await importTable(db, { kind: 'rules', catalogueId: null, fileName: '规则.csv', bytes: Buffer.from('rule,class,grade,central_pct,provincial,city,county\n中央全额承担,,,100,0,0,0\n'), apply: false }, 'test');
    expect(report.summary).toMatch(/^写入 1 条分担规则：改写已有的 1 条（中央全额承担），用到它们的 \d+ 个服务项目按新规则重新测算$/u);
    // A rule shared by every province, rewritten or imported so, is said to be.
    expect(report.warnings).toEqual(['改写的规则“中央全额承担”为各省通用，各省用它的服务项目都按新规则测算']);
    const rules = (csv: string) => importTable(db, { kind: 'rules', catalogueId: null, fileName: '规则.csv', bytes: Buffer.from(csv), apply: false }, 'test').then((r) => r.report);
    expect((await rules('规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重\n某规则,,,60,1,1,1\n')).warnings).toEqual([
      '规则“某规则”没有注明适用省份，导入为各省通用（只给本省用，可在文件中加一列“适用省份”，填 130000 或 河北省）',
    ]);
    // A province named in the optional column, by code or name, makes the rule that province's own.
    const own = await importTable(db, { kind: 'rules', catalogueId: null, fileName: '规则.csv', bytes: Buffer.from('规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重,适用省份\n冀试行规则,,,60,1,1,1,河北\n'), apply: true }, 'test');
    expect(own.report.warnings).toEqual([]);
    expect((await db.all(`SELECT province_code FROM split_rules WHERE name = '冀试行规则'`))[0]?.province_code).toBe('130000');
    expect((await rules('规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重,适用省份\n冀规则二,,,60,1,1,1,火星\n')).problems).toEqual([
      '规则.csv 第2行“适用省份”列：没有名为或代码为“火星”的省份；请填省级区划代码（如 130000）、省份名称，或“各省通用”',
    ]);
    // Any province a tier is known for, by code (full-width too) or name; one rule's rows may name it either way; 各省通用 said outright is no slip.
    const named = await rules('规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重,适用省份\n鲁规则,,,50,1,1,1,山东\n冀规则三,,,60,1,1,1,１３００００\n冀规则三,市辖区,,60,1,1,1,河北省\n通用规则,,,60,1,1,1,各省通用\n');
    expect(named.problems).toEqual([]);
    expect(named.warnings).toEqual([]);
    expect((await rules('规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重,适用省份\n冀规则四,,,60,1,1,1,130000\n冀规则四,市辖区,,60,1,1,1,河南\n')).problems).toEqual([
      '规则.csv 第2行“适用省份”列：同一条规则的各行适用省份不同（130000、河南）',
    ]);
    expect((await rules('规则名称,类别,等级,中央分担,省级权重,市级权重,县级权重,适用省份\n中央全额承担,,,100,0,0,0,130000\n')).problems).toEqual([
      '规则.csv：规则“中央全额承担”已有，各省通用；导入不改变规则的适用省份，请在“分担规则”中修改',
    ]);
  });

  it('says what an amount leaves out: a yearly change with no base year, years below zero', async () => {
    await drive('hebei-draft:030', { cohort: '常住人口', coverage: '1', unitAmount: '10', unit: '元/人/年', splitRuleId: 'central-100', yearlyChange: '5' });
    const name = (await getCatalogue(db, 'hebei-draft')).items.find((i) => i.id === 'hebei-draft:030')!.name;
    let problems = (await pricingSummary(db, 'hebei-draft')).problems;
    expect(problems).toContain(`第30项“${name}”设了每年增减（5 元）但没有标准年份：每年增减没有计入，各年都按 10 元测算；请填写标准年份。`);
    await drive('hebei-draft:030', { baseYear: '2025', yearlyChange: '-4' });
    problems = (await pricingSummary(db, 'hebei-draft')).problems;
    // 10 − 4 × (year − 2025): 6, 2, then −2, −6, −10.
    expect(problems).toContain(`第30项“${name}”的补助标准在 2028、2029、2030 年低于 0 元（每年增减 -4 元），这些年份没有计入测算。`);
    expect(problems.filter((p) => p.includes(name))).toHaveLength(1);
    await drive('hebei-draft:030', { yearlyChange: '0' });
    expect((await pricingSummary(db, 'hebei-draft')).problems.some((p) => p.includes(name))).toBe(false);
  });

  it('refuses a driver value that is not a number, in Chinese, and changes nothing', async () => {
    await expect(setDriverField(db, { itemId: 'hebei-draft:026', field: 'coverage', value: '150', expected: '1' }, 'test')).rejects.toThrow(
      '第26项“居民健康档案”的“覆盖率”：覆盖率应在 0% 到 100% 之间',
    );
    expect(await line('hebei-draft', 26, '130102')).toMatchObject({ cost: '44500000.00' });
  });

  it('a driver edit says which item changed, and the 测算 view reads that row alone, the same as in a full read', async () => {
    const feed = new ChangeFeed();
    const heard: ChangeEvent[] = [];
    feed.subscribe((event) => heard.push(event));
    const handlers = createHandlers(db, 'cli', 'test', feed);
    const before = await handlers['pricing.summary']({ catalogueId: 'hebei-draft' });
    const reply = await handlers['drivers.update']({ itemId: 'hebei-draft:027', field: 'unitAmount', value: '12', expected: '10' });
    expect(heard).toEqual([{ seq: expect.any(Number), catalogueId: 'hebei-draft', scope: 'drivers', itemIds: ['hebei-draft:027'] }]);
    // The reply carries the same number: the view reads once, for whichever of the two comes first.
    expect(reply.changeSeq).toBe(heard[0]!.seq);
    expect(reply.value).toMatchObject({ itemId: 'hebei-draft:027', unitAmount: '12' });
    // Numbered: a read begun before the change does not hold it, one begun after does (so the view reads once).
    expect(before.asOf).toBeLessThan(heard[0]!.seq);
    const some = await handlers['pricing.items']({ catalogueId: 'hebei-draft', itemIds: ['hebei-draft:027'] });
    expect(some.asOf).toBe(heard[0]!.seq);
    const all = await handlers['pricing.items']({ catalogueId: 'hebei-draft' });
    expect(some.items.map((r) => r.itemId)).toEqual(['hebei-draft:027']);
    expect(some.items[0]).toEqual(all.items.find((r) => r.itemId === 'hebei-draft:027'));
    expect(some.items[0]).toMatchObject({ status: 'priced', driver: { unitAmount: '12' } });
    await handlers['drivers.update']({ itemId: 'hebei-draft:027', field: 'unitAmount', value: '10', expected: '12' });
  });
});

describe('the price table by level', () => {
  it('sums counties into their city and cities into their province, the same money at every level', async () => {
    const levels = await Promise.all((['county', 'city', 'province'] as const).map((level) => priceTable(db, 'hebei-draft', level)));
    const total = (rows: Record<string, string | number | null>[]) => rows.reduce((n, r) => n + BigInt(String(r.cost).replace('.', '')), 0n);
    expect(total(levels[1]!)).toBe(total(levels[0]!));
    expect(total(levels[2]!)).toBe(total(levels[0]!));
    expect(new Set(levels[2]!.map((r) => `${String(r.region_code)} ${String(r.region)}`))).toEqual(new Set(['130000 河北省']));
    expect(levels[1]!.find((r) => r.region_code === '130100')?.region).toBe('石家庄市');
  });
});
