import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../../electron/db/database';
import { seedsDir } from '../../../electron/paths/locations';
import { getCatalogue, listCatalogues } from '../../../electron/services/catalogue-queries';
import { getReferenceData, listIndicators } from '../../../electron/services/reference-queries';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

let db: Database;
const temp = tempDir();

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
});
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

describe('the default database built from the seeds', () => {
  it('holds the four catalogues with their stable ids and item counts', async () => {
    const list = await listCatalogues(db);
    const byId = Object.fromEntries(list.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['gansu-13th', 'hebei-13th', 'henan-13th', 'national-13th']);
    expect(byId['hebei-13th']).toMatchObject({ itemCount: 81, statedItemCount: 81, status: 'published', regionName: '河北省', period: '十三五' });
    expect(byId['henan-13th']).toMatchObject({ itemCount: 82, status: 'incomplete', regionName: '河南省' });
    expect(byId['gansu-13th']).toMatchObject({ itemCount: 0, statedItemCount: 80, status: 'incomplete' });
    expect(byId['national-13th']).toMatchObject({ itemCount: 81, statedItemCount: 81, regionName: '全国' });
    expect(byId['hebei-13th']?.documentNumber).toBe('冀政发〔2018〕12号');
  });

  it('numbers Hebei items 1..81 straight through its 8 domains, with the annex column names', async () => {
    const detail = await getCatalogue(db, 'hebei-13th');
    expect(detail.items.map((i) => i.itemNo)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    expect(detail.items.map((i) => i.sourceItemNo)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    const perDomain = detail.domains.map((d) => detail.items.filter((i) => i.domainSeq === d.seq).length);
    expect(perDomain).toEqual([8, 10, 7, 20, 13, 3, 9, 11]);
    expect(detail.columnLabels).toEqual({
      itemNo: '序号', name: '服务项目', targetGroup: '服务对象', standard: '服务指导标准',
      fundingResponsibility: '支出责任', leadDepartment: '牵头负责部门',
    });
    expect(detail.items[0]?.id).toBe('hebei-13th:001');
  });

  it('keeps Henan fields the plan text does not give as not yet filled (null)', async () => {
    const detail = await getCatalogue(db, 'henan-13th');
    expect(detail.items.every((i) => i.targetGroup === null && i.standard === null && i.leadDepartment === null)).toBe(true);
    expect(detail.domains.map((d) => d.statedItemCount)).toEqual([9, 10, 7, 21, 13, 3, 9, 10]);
  });

  it('records each source document with the hash of the shipped file', async () => {
    const docs = await db.all('SELECT id, file_name, sha256 FROM documents ORDER BY id');
    expect(docs).toHaveLength(5);
    for (const doc of docs) {
      const bytes = readFileSync(join(seedsDir(), 'documents', String(doc.file_name)));
      expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('keeps the reference tables with each row’s source and status, figures exact', async () => {
    const ref = await getReferenceData(db);
    expect(ref.fiscalTiers).toHaveLength(31);
    expect(ref.fiscalTiers.find((t) => t.province === '河北')).toMatchObject({ tier: 2, centralSharePct: '60.00', status: 'sourced' });
    for (const province of ref.population.filter((p) => p.level === 'province')) {
      const children = ref.population.filter((p) => p.parentCode === province.regionCode);
      expect(children.reduce((n, c) => n + c.population, 0)).toBe(province.population);
    }
    expect(ref.population.filter((p) => p.status === 'unverified').length).toBeGreaterThan(0);
    const pair = ref.nationalStandards.find((s) => s.amountText === '340/170');
    expect(pair?.amount).toBeNull();
    expect(ref.nationalStandards.find((s) => s.standard.startsWith('基本公共卫生') && s.year === 2025)?.amount).toBe('99.00');
    const [types] = await db.all(`SELECT typeof(amount) AS t FROM ref_national_standards LIMIT 1`);
    expect(types?.t).toBe('DECIMAL(18,2)');
  });

  it('holds the 十四五 indicator table', async () => {
    const { indicators, notes } = await listIndicators(db, 'national-14th-plan');
    expect(indicators).toHaveLength(22);
    expect(indicators.filter((i) => i.attribute === '约束性')).toHaveLength(7);
    expect(notes).toHaveLength(6);
    expect(notes[1]).toContain('2019 年数据');
  });

  it('holds the 26 tasks of the Hebei and Gansu annex 2', async () => {
    const counts = await db.all('SELECT catalogue_id, count(*) AS n, min(task_no) AS first, max(task_no) AS last FROM tasks GROUP BY 1 ORDER BY 1');
    expect(counts).toEqual([
      { catalogue_id: 'gansu-13th', n: 26, first: 1, last: 26 },
      { catalogue_id: 'hebei-13th', n: 26, first: 1, last: 26 },
    ]);
    const [gansu] = await db.all(`SELECT task, responsible_units FROM tasks WHERE id = 'gansu-13th:task-05'`);
    expect(gansu).toEqual({
      task: '推动基本医疗卫生领域发展指标、重点任务、保障工程有效落实。',
      responsible_units: '省卫生计生委、省食品药品监管局牵头,其他有关部门按职责分工负责',
    });
  });

  it('logs the seeding in the change log', async () => {
    const rows = await db.all(`SELECT catalogue_id FROM change_log WHERE command = 'catalogue.seed' ORDER BY catalogue_id`);
    expect(rows.map((r) => r.catalogue_id)).toEqual(['gansu-13th', 'hebei-13th', 'henan-13th', 'national-13th']);
  });
});
