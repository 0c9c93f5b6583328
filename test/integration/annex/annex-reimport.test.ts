// The annex writer breaks Chinese lines itself and writes the breaks into the cells as line feeds; 导入清单
// reading the app's own annex must give back the text as stored: the title, every field, and a line feed
// of the text's own.
import { describe, expect, it } from 'vitest';
import { writeCatalogueAnnex } from '../../../electron/annex/catalogue-annex';
import { readCatalogueFile } from '../../../electron/exchange/catalogue-file/read-catalogue-file';
import { buildCatalogueDetail } from '../../fixtures/catalogue-detail';

describe('导入清单 of the app’s own annex', () => {
  it('reads the laid-out cells back as the text stored, a line feed of its own kept', async () => {
    const detail = buildCatalogueDetail();
    detail.annexTitle = '测试省“十四五”基本公共服务实施标准（含服务对象、服务内容和支出责任的说明）';
    const own = `${detail.items[0]!.standard ?? ''}\n另：寄宿生每生每年补助 1250 元，由省、市、县财政按比例分担，中央财政给予奖励性补助。`;
    detail.items[0]!.standard = own;
    const bytes = await writeCatalogueAnnex(detail);
    const preview = await readCatalogueFile('附件1.xlsx', bytes);
    expect(preview.title).toBe(detail.annexTitle);
    const read = preview.domains.flatMap((domain) => domain.items);
    // An empty field is "not yet filled" (null) once read, as the cell-text rule has it.
    const stored = (value: string | null) => (value === '' ? null : value);
    expect(read.map((item) => item.name)).toEqual(detail.items.map((item) => item.name));
    expect(read.map((item) => item.standard)).toEqual(detail.items.map((item) => stored(item.standard)));
    expect(read.map((item) => item.targetGroup)).toEqual(detail.items.map((item) => stored(item.targetGroup)));
    expect(read.map((item) => item.leadDepartment)).toEqual(detail.items.map((item) => stored(item.leadDepartment)));
    // The file does carry line feeds the text has not: the test reads laid-out cells, not plain ones.
    expect(bytes.includes(Buffer.from('\n'))).toBe(true);
  });
});
