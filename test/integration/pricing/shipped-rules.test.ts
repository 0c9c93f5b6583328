// A split rule shipped after a file was seeded (中央50%，省市县按比例, for the basic pension in tiers 3 to 5) reaches
// that file when it is next opened, terms and all; and the pension of a tier-3 province's catalogue is suggested it.
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/database';
import { openAppDatabase } from '../../../electron/seeds/open-database';
import { pricingItems } from '../../../electron/pricing/items';
import { applySuggestions, saveSplitRule, setDriverField } from '../../../electron/services/pricing-commands';
import { getRule } from '../../../electron/pricing/rules';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir();
afterAll(() => temp.cleanup());

const ruleState = async (db: Database) => {
  const [row] = await db.all(
    `SELECT (SELECT count(*) FROM split_rules WHERE id = 'central-50-local') AS rules,
            (SELECT count(*) FROM split_rule_rows WHERE rule_id = 'central-50-local') AS rows,
            (SELECT count(*) FROM rule_leaf_terms WHERE rule_id = 'central-50-local') AS terms,
            (SELECT count(*) FROM leaf_regions) AS leaves,
            (SELECT count(*) FROM split_rules) AS all_rules`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
};

describe('split rules shipped since a file was seeded', () => {
  it('are added when it is next opened, with their terms in every leaf region, once', async () => {
    const path = await seededDatabaseFile(temp.dir, 'older.duckdb');
    // The file as a version without the rule left it.
    const older = await Database.open(path);
    const seeded = await ruleState(older);
    expect(seeded).toMatchObject({ rules: 1, rows: 1 });
    expect(seeded.terms).toBe(seeded.leaves);
    await older.transaction(async (tx) => {
      for (const table of ['rule_leaf_terms', 'split_rule_rows']) await tx.run(`DELETE FROM ${table} WHERE rule_id = 'central-50-local'`);
      await tx.run(`DELETE FROM split_rules WHERE id = 'central-50-local'`);
    });
    await older.close();

    const db = await openAppDatabase(path);
    expect(await ruleState(db)).toEqual(seeded);
    await db.close();
    const again = await openAppDatabase(path);
    expect(await ruleState(again)).toEqual(seeded);
    await again.close();
  });

  it('the basic pension of a 山东 (tier 3) catalogue is suggested half central, 河北’s (tier 2) all central, and taken so', async () => {
    const db = await openAppDatabase(await seededDatabaseFile(temp.dir, 'tiers.duckdb'));
    await db.transaction(async (tx) => {
      await tx.run(`INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, annex_label, annex_title,
         label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead)
         VALUES ('shandong', '山东省基本公共服务清单', '370000', '山东省', '十五五', 2026, 2030, 'draft', '附件', '清单', '序号', '服务项目', '服务对象', '服务标准', '支出责任', '牵头负责单位')`);
      await tx.run(`INSERT INTO domains VALUES ('shandong', 1, '社会保险', NULL)`);
      await tx.run(`INSERT INTO items (id, catalogue_id, domain_seq, position, name, standard, funding_responsibility)
         VALUES ('shandong:001', 'shandong', 1, 1000, '城乡居民基本养老保险', '基础养老金每人每月 150 元', '中央和省、市、县财政按比例分担。')`);
    });
    const shandong = (await pricingItems(db, 'shandong')).items[0]!;
    expect(shandong.ruleSuggestion).toEqual({ ruleId: 'central-50-local', reason: '城乡居民基本养老保险', basis: 'national' });
    const hebei = (await pricingItems(db, 'hebei-13th')).items.find((i) => i.itemNo === 20)!;
    expect(hebei.ruleSuggestion).toMatchObject({ ruleId: 'central-100', basis: 'national' });
    await applySuggestions(db, 'shandong', ['shandong:001'], 'test');
    const [driver] = await db.all(`SELECT split_rule_id FROM item_drivers WHERE item_id = 'shandong:001'`);
    expect(driver?.split_rule_id).toBe('central-50-local');
    await db.close();
  });
});

describe('a rule shared by every province', () => {
  it('cannot be narrowed to one province while another province’s catalogue uses it; kept shared, it is saved', async () => {
    const db = await openAppDatabase(await seededDatabaseFile(temp.dir, 'shared.duckdb'));
    const [item] = await db.all(`SELECT id FROM items WHERE catalogue_id = 'henan-13th' ORDER BY position LIMIT 1`);
    await setDriverField(db, { itemId: String(item!.id), field: 'splitRuleId', value: 'central-60-local', expected: null }, 'test');
    const shared = (await getRule(db, 'central-60-local'))!;
    const narrowed = { ...shared, provinceCode: '130000', rows: [{ ...shared.rows[0]!, provincial: '2' }] };
    await expect(saveSplitRule(db, narrowed, 'test')).rejects.toThrow(
      /^分担规则“中央60%，省市县按比例”正被其他省的清单使用（《“十三五”河南[^》]*》1 项），不能改为只适用于河北省，没有保存。只改本省的比例，请用“复制为本省规则”。$/u,
    );
    expect(await getRule(db, 'central-60-local')).toEqual(shared);
    // Kept for every province, the same change is saved.
    await saveSplitRule(db, { ...narrowed, provinceCode: null }, 'test');
    expect((await getRule(db, 'central-60-local'))?.rows[0]?.provincial).toBe('2');
    await db.close();
  });
});
