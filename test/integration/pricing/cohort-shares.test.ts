// A cohort's share of another typed on the 行政区与人口 page (shares.set / shares.delete) on a real seeded
// database file: checked as an import checks it, the share the planner saw required to still be stored,
// the population resolved again, and the change logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { listCohortShares } from '../../../electron/pricing/cohort-shares-store';
import { deleteCohortShare, setCohortShare, TYPED_SOURCE } from '../../../electron/services/share-commands';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir('shares-');
let db: Database;
const SJZ = '130100';

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

async function resolved(cohort: string, year = 2026): Promise<bigint | null> {
  const [row] = await db.all(`SELECT CAST(value AS VARCHAR) AS v FROM population_resolved WHERE region = ${Number(SJZ)} AND cohort = $1 AND year = $2`, [cohort, year]);
  return row ? BigInt(String(row.v)) : null;
}
const stored = async () => (await listCohortShares(db, '130000')).find((s) => s.regionCode === SJZ && s.cohort === '低保对象');
const set = (sharePct: string, expected: string | null, extra: { baseCohort?: string; source?: string | null; cohort?: string } = {}) =>
  setCohortShare(db, { regionCode: SJZ, cohort: extra.cohort ?? '低保对象', baseCohort: extra.baseCohort ?? '常住人口', sharePct, source: extra.source ?? null, expected }, 'test');

describe('cohort shares typed in the app', () => {
  it('lists the census age shares of the province first, with their sources', async () => {
    const shares = await listCohortShares(db, '130000');
    expect(shares[0]).toMatchObject({ regionCode: '130000', regionName: '河北省', baseCohort: '常住人口', status: 'sourced' });
    expect(shares.find((s) => s.regionCode === '130000' && s.cohort === '60岁及以上')?.sharePct).toBe('19.85');
    expect(shares.find((s) => s.regionCode === '130200' && s.cohort === '60岁及以上')?.source).toContain('第七次全国人口普查');
  });

  it('adds a share with its source; the cohort is then resolved from it, rounded to the person', async () => {
    expect(await resolved('低保对象')).toBeNull();
    const { value } = await set('２．５％', null, { source: '石家庄市民政局 2025 年统计' });
    expect(value).toMatchObject({ regionName: '石家庄市', cohort: '低保对象', baseCohort: '常住人口', sharePct: '2.5', status: 'sourced', source: '石家庄市民政局 2025 年统计' });
    const residents = (await resolved('常住人口'))!;
    // round(residents × 2.5 %) half up, in integers.
    expect(await resolved('低保对象')).toBe((residents * 25000n * 2n + 1000000n) / 2000000n);
    const [logged] = await db.all(`SELECT command FROM change_log ORDER BY id DESC LIMIT 1`);
    expect(logged?.command).toBe('share.set');
  });

  it('a share changed without a source is marked 待核实, keeping the value and source it replaced', async () => {
    await set('3.5', '2.50');
    const note = '在清单工作台中修改（原为 2.5%，出处：石家庄市民政局 2025 年统计）';
    expect(await stored()).toMatchObject({ sharePct: '3.5', status: 'unverified', source: note });
    // Changed again, the note still names the sourced figure.
    await set('3', '3.5');
    expect(await stored()).toMatchObject({ sharePct: '3', status: 'unverified', source: note });
    await set('1', null, { cohort: '新录入人群' });
    expect((await listCohortShares(db, '130000')).find((s) => s.cohort === '新录入人群')).toMatchObject({ status: 'unverified', source: TYPED_SOURCE });
    // Typed in the box headed 比例（%）, a share below 1 % is the percent it says (百岁老人 0.02 %), retyped as shown too.
    await set('0.02', '1', { cohort: '新录入人群' });
    await set('0.03', '0.02', { cohort: '新录入人群' });
    expect((await listCohortShares(db, '130000')).find((s) => s.cohort === '新录入人群')).toMatchObject({ sharePct: '0.03' });
    await deleteCohortShare(db, { regionCode: SJZ, cohort: '新录入人群', expected: '0.03' }, 'test');
    const residents = (await resolved('常住人口'))!;
    expect(await resolved('低保对象')).toBe((residents * 30000n * 2n + 1000000n) / 2000000n);
  });

  it('refuses, in Chinese and changing nothing: a share changed since it was shown, a second one for the same cohort, a bad percent, a cohort of itself or of its own share', async () => {
    await expect(set('4', '2.5')).rejects.toThrow('石家庄市的“低保对象”比例已被改动');
    await expect(set('4', null)).rejects.toThrow('已有（3% 的常住人口），请在表中修改它');
    await expect(set('120', '3')).rejects.toThrow('“120”应为 0 到 100 之间的百分数，最多 4 位小数，没有保存');
    // A bad value is named as such even when sent against an older value: it is what the planner can fix.
    await expect(set('120', '2.5')).rejects.toThrow('“120”应为 0 到 100 之间的百分数');
    await expect(set('', '3')).rejects.toThrow('请填写比例');
    await expect(set('4', null, { cohort: '常住人口', baseCohort: '常住人口' })).rejects.toThrow('人群不能按它自己的比例推算');
    // 低保对象 is a share of 常住人口 here: 常住人口 as a share of 低保对象 could never be counted.
    await expect(set('4', null, { cohort: '常住人口', baseCohort: '低保对象' })).rejects.toThrow(
      '石家庄市的“常住人口”比例：“常住人口”按“低保对象”推算，而“低保对象”按“常住人口”推算：人群互为基数，无法算出人数，没有保存。',
    );
    await expect(setCohortShare(db, { regionCode: '139999', cohort: '低保对象', baseCohort: '常住人口', sharePct: '1', source: null, expected: null }, 'test')).rejects.toThrow('没有代码为 139999 的行政区');
    expect((await stored())?.sharePct).toBe('3');
  });

  it('deletes a share: the cohort is no longer resolved there', async () => {
    await expect(deleteCohortShare(db, { regionCode: SJZ, cohort: '低保对象', expected: '2' }, 'test')).rejects.toThrow('已被改动');
    await deleteCohortShare(db, { regionCode: SJZ, cohort: '低保对象', expected: '3' }, 'test');
    expect(await stored()).toBeUndefined();
    expect(await resolved('低保对象')).toBeNull();
  });
});
