// Importing a catalogue from each kind of source into a real seeded DuckDB file, through the contract's
// handlers (the same the app and the CLI use): an annex .xlsx in the WPS layout, the Gansu column variant, a
// sheet without 序号, a plan text (the Hebei seed itself, and a traditional-character copy with pinyin), a
// labelled text, a GBK dump CSV; the Hebei annex exported by the app and read back; undo removing the import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueDetail } from '../../../shared/domain/catalogue';
import { parse } from 'csv-parse/sync';
import { Database } from '../../../electron/db/database';
import { itemRecords, itemsCsv } from '../../../electron/cli/item-records';
import { createHandlers, exportCatalogueAnnex } from '../../../electron/services/handlers';
import type { Handlers } from '../../../electron/services/handlers';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/catalogue-import', name));
const temp = tempDir('catalogue-import-');
let db: Database;
let api: Handlers;

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
  api = createHandlers(db, 'browser', 'test');
}, 60_000);
afterAll(async () => {
  await db.close();
  temp.cleanup();
});

const upload = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') });

/** Domains with their items' six fields, in catalogue order: what an import must carry over. */
function shape(detail: CatalogueDetail) {
  return detail.domains.map((d) => ({
    domain: d.name,
    items: detail.items
      .filter((i) => i.domainSeq === d.seq)
      .map(({ name, targetGroup, standard, fundingResponsibility, leadDepartment }) => ({ name, targetGroup, standard, fundingResponsibility, leadDepartment })),
  }));
}

describe('an annex .xlsx in the WPS layout', () => {
  let id = '';
  it('previews areas, categories, the extra columns, the note and the one problem before writing anything', async () => {
    const before = await api['catalogues.list']({});
    const preview = await api['catalogues.importPreview'](upload('wps-annex.xlsx', fixture('wps-annex.xlsx')));
    expect(preview.source).toBe('xlsx');
    expect(preview.headerRow).toBe(4);
    expect(preview.title).toBe('某省基本公共服务标准（2026年版）');
    expect(preview.domains.map((d) => [d.name, d.items.map((i) => `${i.sourceItemNo} ${i.name} ${i.category}`)])).toEqual([
      ['幼有所育', ['1 农村妇女孕前和孕早期增补叶酸 优孕优生服务', '2 孕产妇健康服务 优孕优生服务', '3 预防接种 儿童健康服务']],
      ['学有所教', ['4 学前教育幼儿资助 学前教育助学服务', '5 义务教育免费提供教科书 学前教育助学服务']],
    ]);
    expect(preview.extraColumns).toEqual(['服务内容', '备注']);
    expect(preview.notes).toEqual(['注：本标准所列服务项目的支出责任按有关规定执行，各地不得低于本标准。']);
    expect(preview.problems).toEqual([
      { severity: 'warning', row: 16, column: null, message: '第16行“义务教育免费提供教科书”：服务对象为空，导入后可在表格中补上。' },
    ]);
    // The department merged down over two rows belongs to both.
    expect(preview.domains[0]!.items.map((i) => i.leadDepartment)).toEqual(['省卫生健康委', '省卫生健康委', '省卫生健康委']);
    expect(await api['catalogues.list']({})).toEqual(before);
  });

  it('creates a draft named by the user in one undo step, the extra columns kept; undo removes it', async () => {
    const summary = await api['catalogues.import']({ ...upload('wps-annex.xlsx', fixture('wps-annex.xlsx')), name: '某省基本公共服务标准', regionName: '某省', period: '十五五' });
    id = summary.id;
    expect(summary).toMatchObject({ name: '某省基本公共服务标准', regionName: '某省', period: '十五五', startYear: 2026, endYear: 2030, status: 'draft', stage: 'draft', itemCount: 5 });
    const detail = await api['catalogues.get']({ catalogueId: id });
    expect(detail.columnLabels).toEqual({ itemNo: '序号', name: '服务项目', targetGroup: '服务对象', standard: '服务标准', fundingResponsibility: '支出责任', leadDepartment: '牵头负责单位' });
    expect(detail.items.map((i) => [i.itemNo, i.name, i.content, i.category, i.note])).toEqual([
      [1, '农村妇女孕前和孕早期增补叶酸', '为农村计划怀孕妇女免费提供叶酸', '优孕优生服务', null],
      [2, '孕产妇健康服务', '提供孕期保健服务5次、产后访视2次', '优孕优生服务', '含产后42天健康检查'],
      [3, '预防接种', '免费接种国家免疫规划疫苗', '儿童健康服务', null],
      [4, '学前教育幼儿资助', '减免保育教育费或给予生活补助', '学前教育助学服务', null],
      [5, '义务教育免费提供教科书', '免费提供国家规定课程教科书', '学前教育助学服务', null],
    ]);
    expect(detail.items[4]!.targetGroup).toBeNull();
    const state = await api['history.state']({ catalogueId: id });
    expect(state).toMatchObject({ undo: '撤销导入清单“某省基本公共服务标准”（5 项）', redo: null, undoSteps: 1 });

    // dump: the extra columns right after the seven, the drivers after them.
    const csv = itemsCsv(itemRecords(detail));
    const [header, , second] = parse(csv) as string[][];
    expect(header!.slice(0, 10)).toEqual(['item_no', 'domain', 'item', 'target_group', 'standard', 'funding_responsibility', 'lead_department', 'content', 'category', 'note']);
    expect(header![10]).toBe('cohort');
    expect(second!.slice(7, 10)).toEqual(['提供孕期保健服务5次、产后访视2次', '优孕优生服务', '含产后42天健康检查']);

    const undone = await api['history.undo']({ catalogueId: id });
    expect(undone).toMatchObject({ did: '撤销导入清单“某省基本公共服务标准”（5 项）', catalogueRemoved: true });
    expect((await api['catalogues.list']({})).some((c) => c.id === id)).toBe(false);
    await expect(api['catalogues.get']({ catalogueId: id })).rejects.toThrow(`没有编号为“${id}”的清单。`);
    const [left] = await db.all('SELECT count(*) AS n FROM items WHERE catalogue_id = $1', [id]);
    expect(Number(left!.n)).toBe(0);
  });

  it('leaves the dump of a seeded catalogue exactly as before (no extra columns)', async () => {
    const csv = itemsCsv(itemRecords(await api['catalogues.get']({ catalogueId: 'hebei-13th' })));
    expect(csv.split('\r\n')[0]).toBe('item_no,domain,item,target_group,standard,funding_responsibility,lead_department,cohort,coverage,unit_amount,unit,periods_per_year,base_year,yearly_change,split_rule,central_pct');
  });
});

describe('other annex layouts', () => {
  it('the Gansu wording: 服务内容和保障标准 and 责任单位 kept as the column names, period and region from the title', async () => {
    const preview = await api['catalogues.importPreview'](upload('gansu-variant.xlsx', fixture('gansu-variant.xlsx')));
    expect(preview).toMatchObject({ suggestedName: '甘肃省“十三五”基本公共服务清单', suggestedPeriod: '十三五', suggestedRegion: '甘肃省', problems: [] });
    const summary = await api['catalogues.import']({ ...upload('gansu-variant.xlsx', fixture('gansu-variant.xlsx')), name: preview.suggestedName });
    // The province the title names is the one it is priced over.
    expect(summary).toMatchObject({ period: '十三五', regionName: '甘肃省', regionCode: '620000', itemCount: 3 });
    const detail = await api['catalogues.get']({ catalogueId: summary.id });
    expect(detail.columnLabels).toMatchObject({ standard: '服务内容和保障标准', leadDepartment: '责任单位' });
    expect(shape(detail).map((d) => [d.domain, d.items.map((i) => i.name)])).toEqual([
      ['公共教育', ['免费义务教育', '农村义务教育学生营养改善']],
      ['劳动就业创业', ['基本公共就业服务']],
    ]);
  });

  it('a workbook whose catalogue is on its second sheet, without 序号, below blank rows', async () => {
    const preview = await api['catalogues.importPreview'](upload('no-number.xlsx', fixture('no-number.xlsx')));
    expect(preview).toMatchObject({ sheet: '清单', headerRow: 6, title: '某市基本公共服务清单', itemCount: 2, problems: [] });
    expect(preview.domains[0]!.items.map((i) => [i.sourceItemNo, i.name])).toEqual([[null, '最低生活保障'], [null, '特困人员救助供养']]);
  });
});

describe('plan texts and labelled texts', () => {
  it('the Hebei plan text (TAB table, <b>/<p> tags, header at every page) gives the seeded catalogue item for item', async () => {
    const text = readFileSync(join(root, 'seeds/documents/hebei-13th-plan.txt'));
    const summary = await api['catalogues.import']({ ...upload('hebei-13th-plan.txt', text), name: '河北清单（从规划文本导入）' });
    const imported = await api['catalogues.get']({ catalogueId: summary.id });
    const seeded = await api['catalogues.get']({ catalogueId: 'hebei-13th' });
    expect(imported.items).toHaveLength(81);
    expect(shape(imported)).toEqual(shape(seeded));
    expect(imported.columnLabels).toEqual(seeded.columnLabels);
    expect(imported.items.map((i) => i.sourceItemNo)).toEqual(seeded.items.map((i) => i.sourceItemNo));
  });

  it('a table one cell per line in traditional characters with pinyin readings comes out simplified', async () => {
    const preview = await api['catalogues.importPreview'](upload('plan-text-traditional.txt', fixture('plan-text-traditional.txt')));
    expect(preview.source).toBe('plan-text');
    expect(preview.problems).toEqual([]);
    expect(preview.columnLabels).toMatchObject({ standard: '服务内容和保障标准', leadDepartment: '责任单位' });
    expect(preview.domains.map((d) => [d.name, d.items.map((i) => [i.name, i.standard, i.leadDepartment])])).toEqual([
      ['基本公共教育', [['免费义务教育', '免除学杂费，免费提供教科书', '省教育厅'], ['普惠性学前教育资助', '减免保育教育费', '省教育厅']]],
      ['基本医疗卫生', [['居民健康档案', '为辖区常住人口建立统一的居民健康档案', '省卫生计生委']]],
    ]);
    expect(preview.suggestedName).toBe('某省“十三五”基本公共服务清单');
  });

  it('labelled paragraphs (服务对象：… 支出责任：…), with a line carried on and a 备注', async () => {
    const preview = await api['catalogues.importPreview'](upload('model-text.txt', fixture('model-text.txt')));
    expect(preview.source).toBe('model-text');
    expect(preview.problems).toEqual([]);
    expect(preview.extraColumns).toEqual(['备注']);
    const [education, social] = preview.domains;
    expect(education!.items.map((i) => [i.name, i.standard, i.note])).toEqual([
      ['学前教育幼儿资助', '减免保育教育费，\n并给予生活补助。', null],
      ['免费提供教科书', '免费提供国家规定课程教科书', '含少数民族文字教材'],
    ]);
    expect(social!.items[0]).toMatchObject({ name: '最低生活保障', category: '社会救助', leadDepartment: '县民政局' });
  });

  it('a dump CSV saved in GBK, a cell over two lines and a formula-quoted cell', async () => {
    const preview = await api['catalogues.importPreview'](upload('dump-gbk.csv', fixture('dump-gbk.csv')));
    expect(preview.source).toBe('csv');
    expect(preview.problems).toEqual([]);
    expect(preview.domains.map((d) => [d.name, d.items.map((i) => [i.name, i.standard])])).toEqual([
      ['基本公共教育', [['免费义务教育', '免除学杂费,免费提供教科书'], ['寄宿生生活补助', '小学每生每年1000元\n初中每生每年1250元']]],
      ['基本社会保险', [['城乡居民基本养老保险', '=按规定发放']]],
    ]);
  });
});

describe('round trip through the app’s own annex', () => {
  it('the Hebei 附件1 exported and imported back has the same domains, items, fields, order and headings', async () => {
    const { bytes } = await exportCatalogueAnnex(db, 'hebei-13th');
    const summary = await api['catalogues.import']({ ...upload('河北附件1.xlsx', bytes), name: '河北回读' });
    const imported = await api['catalogues.get']({ catalogueId: summary.id });
    const seeded = await api['catalogues.get']({ catalogueId: 'hebei-13th' });
    expect(shape(imported)).toEqual(shape(seeded));
    expect(imported.columnLabels).toEqual(seeded.columnLabels);
    // The dump's seven columns agree line for line.
    const seven = (detail: CatalogueDetail) => (parse(itemsCsv(itemRecords(detail))) as string[][]).map((r) => r.slice(0, 7));
    expect(seven(imported)).toEqual(seven(seeded));
    const preview = await api['catalogues.importPreview'](upload('河北附件1.xlsx', bytes));
    expect(preview).toMatchObject({ title: '河北省“十三五”基本公共服务清单', suggestedPeriod: '十三五', suggestedRegion: '河北省', problems: [] });
  });

  it('a draft of it exported and imported again gives the same, through the dump CSV as well', async () => {
    const records = itemRecords(await api['catalogues.get']({ catalogueId: 'hebei-13th' }));
    const csv = Buffer.from(`\uFEFF${itemsCsv(records)}`);
    const summary = await api['catalogues.import']({ ...upload('河北.csv', csv), name: '河北（CSV）' });
    expect(shape(await api['catalogues.get']({ catalogueId: summary.id }))).toEqual(shape(await api['catalogues.get']({ catalogueId: 'hebei-13th' })));
  });
});
