// Header detection and row classification of the catalogue import (shared/domain/catalogue-import): pure
// functions on rows of text, so every annex layout of annex_format.md is checked here without a file.
import { describe, expect, it } from 'vitest';
import { columnLetter, fieldOfHeading, findHeader, isRepeatedHeader, normaliseHeading } from '../../../shared/domain/catalogue-import/columns';
import { classifyRow, readCatalogueTable } from '../../../shared/domain/catalogue-import/table-rows';
import { looksLikeModelText, readModelText } from '../../../shared/domain/catalogue-import/model-text';
import { labelsOf, periodOf, regionOf, titleOf } from '../../../shared/domain/catalogue-import/preview';

const rows = (cells: string[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));
const HEBEI = ['序号', '服务项目', '服务对象', '服务指导标准', '支出责任', '牵头负责部门'];

describe('column headings', () => {
  it('reads every variant of annex_format.md, spaced, broken over lines or bracketed', () => {
    expect(['服务指导标准', '服务标准', '服务内容和保障标准', '服务（指导）标准'].map(fieldOfHeading)).toEqual(['standard', 'standard', 'standard', 'standard']);
    expect(['牵头负责单位', '牵头负责部门', '责任单位', '牵头负责\n单位'].map(fieldOfHeading)).toEqual(Array(4).fill('leadDepartment'));
    expect(['序  号', '服 务 项 目', '服务内容', '备注', '类别', 'item_no', 'target_group'].map(fieldOfHeading)).toEqual([
      'itemNo', 'name', 'content', 'note', 'category', 'itemNo', 'targetGroup',
    ]);
    expect(fieldOfHeading('重点任务')).toBeNull();
    expect(fieldOfHeading('金额（元）')).toBeNull();
    expect(normaliseHeading(' 服务\u3000对象 ')).toBe('服务对象');
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('finds the header after a 附件 label, a title and blank rows, and not past row 15', () => {
    const above = [['附件1'], ['河北省“十三五”基本公共服务清单'], [], ['', '']];
    expect(findHeader([...above, HEBEI])?.index).toBe(4);
    expect(findHeader([...Array(15).fill([]), HEBEI])).toBeNull();
    // The task annex (序号 重点任务 责任单位) and a sales table are not catalogues.
    expect(findHeader([['序号', '重点任务', '责任单位']])).toBeNull();
    expect(findHeader([['订单号', '客户', '金额']])).toBeNull();
    // Without 序号, with 服务内容 and 服务标准 apart and an extra column.
    const header = findHeader([['服务项目', '服务对象', '服务内容', '服务标准', '支出责任', '牵头负责单位', '备注']])!;
    expect(header.fields).toEqual(['name', 'targetGroup', 'content', 'standard', 'fundingResponsibility', 'leadDepartment', 'note']);
  });

  it('knows the header again at a page break, spacing aside, and only the whole header', () => {
    const header = findHeader([HEBEI])!;
    expect(isRepeatedHeader(['序  号', '服务项目', '服务对象', '服务指导标准', '支出责任', '牵头负责部门'], header)).toBe(true);
    expect(isRepeatedHeader(['序号', '服务项目', '', '', '', ''], header)).toBe(false);
    expect(isRepeatedHeader(['', '', '', '', '', ''], header)).toBe(false);
  });

  it('keeps the first of two columns that say the same and marks the second', () => {
    const header = findHeader([['服务项目', '服务对象', '服务标准', '服务指导标准', '支出责任']])!;
    expect(header.fields).toEqual(['name', 'targetGroup', 'standard', null, 'fundingResponsibility']);
    expect(header.duplicates).toEqual([3]);
  });
});

describe('row classification', () => {
  const header = findHeader([HEBEI])!;
  it('tells domains, categories, notes, repeated headers, spacers and items apart', () => {
    expect(classifyRow(Array(6).fill('一、基本公共教育'), header)).toEqual({ kind: 'domain', text: '基本公共教育' });
    expect(classifyRow(['一、公共教育', '', '', '', '', ''], header)).toEqual({ kind: 'domain', text: '公共教育' });
    expect(classifyRow(Array(6).fill('幼有所育'), header)).toEqual({ kind: 'domain', text: '幼有所育' });
    expect(classifyRow(Array(6).fill('（一）优孕优生服务'), header)).toEqual({ kind: 'category', text: '优孕优生服务' });
    expect(classifyRow(['1.学前教育', '', '', '', '', ''], header)).toEqual({ kind: 'category', text: '学前教育' });
    expect(classifyRow(Array(6).fill('注：标准按有关规定执行。'), header)).toEqual({ kind: 'note', text: '注：标准按有关规定执行。' });
    expect(classifyRow(['序 号', '服务项目', '服务对象', '服务指导标准', '支出责任', '牵头负责部门'], header)).toEqual({ kind: 'header' });
    expect(classifyRow(['', ' ', '', '', '', ''], header)).toEqual({ kind: 'blank' });
    expect(classifyRow(['1', '免费义务教育', '学生', '免学杂费', '分担', '教育厅'], header)).toEqual({ kind: 'item' });
    // A name alone in its column is an item with the rest to fill, not a heading.
    expect(classifyRow(['', '1.5元补助', '', '', '', ''], header)).toEqual({ kind: 'item' });
  });

  it('reads a table whose header repeats at every page, with merged domains, categories, a note and an extra column', () => {
    const table = readCatalogueTable(
      rows([
        ['附件1'],
        ['某省基本公共服务清单'],
        ['序号', '服务项目', '服务对象', '服务内容', '服务标准', '支出责任', '牵头负责单位', '备注'],
        Array(8).fill('一、幼有所育'),
        Array(8).fill('（一）优孕优生服务'),
        ['1', '增补叶酸', '计划怀孕妇女', '免费提供叶酸', '每日0.4毫克', '中央和地方分担', '卫生健康委', ''],
        [],
        ['序号', '服务项目', '服务对象', '服务内容', '服务标准', '支出责任', '牵头负责单位', '备注'],
        ['二、学有所教', '', '', '', '', '', '', ''],
        ['2', '学前教育资助', '困难家庭幼儿', '减免保育费', '不低于1000元', '中央和地方分担', '教育厅', '含孤儿'],
        Array(8).fill('注：各地不得低于本标准。'),
      ]),
      { letters: true },
    )!;
    expect(table.domains.map((d) => [d.name, d.items.map((i) => [i.name, i.category, i.content, i.note])])).toEqual([
      ['幼有所育', [['增补叶酸', '优孕优生服务', '免费提供叶酸', null]]],
      ['学有所教', [['学前教育资助', null, '减免保育费', '含孤儿']]],
    ]);
    expect(table.extraColumns).toEqual(['服务内容', '备注']);
    expect(table.notes).toEqual(['注：各地不得低于本标准。']);
    expect(table.problems).toEqual([]);
    expect(table.above).toEqual(['附件1', '某省基本公共服务清单']);
  });

  it('names row and column of each problem, in Chinese', () => {
    const table = readCatalogueTable(
      rows([
        HEBEI,
        ['1', '孤项', '对象', '标准', '责任', '单位'],
        Array(6).fill('一、基本社会服务'),
        ['2', '低保', '低保对象', '补差', '', '民政厅'],
        ['4', '低保', '低保对象', '补差', '地方', '民政厅'],
        ['5', '', '对象', '标准', '责任', '单位'],
        ['六', '临时救助', '困难群众', '\u0007', '地方', '民政厅'],
        ['7', '', '', ''],
      ]),
      { letters: true },
    )!;
    expect(table.problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      ['error', 2, '服务项目', '第2行：服务项目“孤项”之前没有领域行（如“一、基本公共教育”），无法确定它属于哪个领域；请在它上面加上领域行后再导入。'],
      ['warning', 4, null, '第4行“低保”：支出责任为空，导入后可在表格中补上。'],
      ['warning', 5, '序号', '第5行：序号从 2 跳到 4，导入后按顺序重新编号（1、2、3……贯通各领域）。'],
      ['error', 5, '服务项目', '第5行B列“服务项目”：服务项目“低保”在领域“基本社会服务”中与第4行重名，同一领域内服务项目不能重复；请改名或删去一行后再导入。'],
      ['error', 6, '服务项目', '第6行B列“服务项目”：服务项目名称为空，每个服务项目都要有名称；请补上名称，或删去这一行后再导入。'],
      ['warning', 7, '序号', '第7行：序号“六”不是数字，导入后按顺序重新编号。'],
      ['error', 7, '服务指导标准', '第7行D列“服务指导标准”的第 1 个字符是不可见的控制字符或非法字符（字符编码 0007），附件（Excel）无法保存它，请删去这个字符后再导入。'],
      ['warning', 7, null, '第7行“临时救助”：服务标准为空，导入后可在表格中补上。'],
      ['error', 8, '服务项目', '第8行B列“服务项目”：服务项目名称为空，每个服务项目都要有名称；请补上名称，或删去这一行后再导入。'],
    ]);
  });

  it('takes the domain from a 领域 column (the dump CSV) and undoes its formula quoting', () => {
    const table = readCatalogueTable(
      rows([
        ['item_no', 'domain', 'item', 'target_group', 'standard', 'funding_responsibility', 'lead_department', 'cohort'],
        ['1', '基本公共教育', '免费义务教育', '学生', "'=按规定", '分担', '教育厅', ''],
        ['2', '基本社会服务', '低保', '低保对象', '补差', '地方', '民政厅', ''],
      ]),
      { letters: false, unquote: true },
    )!;
    expect(table.domains.map((d) => [d.name, d.items.map((i) => i.standard)])).toEqual([['基本公共教育', ['=按规定']], ['基本社会服务', ['补差']]]);
    expect(table.problems).toEqual([]);
    expect(table.ignoredColumns).toEqual(['服务人群']);
  });
});

describe('labelled paragraphs', () => {
  const text = [
    '某县清单',
    '一、基本公共教育',
    '1. 学前教育资助',
    '服务对象：困难家庭幼儿',
    '服务标准：减免保育教育费，',
    '并给予生活补助。',
    '支出责任：中央和地方分担',
    '责任单位：县教育局',
    '（一）社会救助',
    '2. 最低生活保障',
    '服务对象：低保对象',
    '服务对象：重复',
    '无标签的一句话',
  ];
  it('is recognised by its labels and read with continuation lines', () => {
    expect(looksLikeModelText(text)).toBe(true);
    expect(looksLikeModelText(['一、基本公共教育', '服务项目：免费义务教育'])).toBe(false);
    const read = readModelText(text);
    const [first, second] = read.domains[0]!.items;
    expect(first).toMatchObject({ name: '学前教育资助', sourceItemNo: 1, standard: '减免保育教育费，\n并给予生活补助。', leadDepartment: '县教育局' });
    expect(second).toMatchObject({ name: '最低生活保障', category: '社会救助' });
    expect(read.above).toEqual(['某县清单']);
    expect(read.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      '第12行：服务项目“最低生活保障”的“服务对象”在第11行已经写过，请合并成一处后再导入。',
    ]);
    // The unlabelled line continues the last field read (the repeated label was refused).
    expect(second!.targetGroup).toBe('低保对象\n无标签的一句话');
  });
});

describe('what the preview suggests', () => {
  it('takes name, period and region from the title, and the headings as printed', () => {
    expect(titleOf(['附件1', '河北省“十三五”基本公共服务清单'])).toBe('河北省“十三五”基本公共服务清单');
    expect(titleOf(['附件 2：'])).toBeNull();
    expect(periodOf('河北省“十三五”基本公共服务清单')).toBe('十三五');
    expect(regionOf('河北省“十三五”基本公共服务清单')).toBe('河北省');
    expect(regionOf('内蒙古自治区基本公共服务清单')).toBe('内蒙古自治区');
    expect(regionOf('基本公共服务清单')).toBeNull();
    expect(labelsOf([{ field: 'standard', label: '服务内容和保障标准' }, { field: 'leadDepartment', label: '责任\n单位' }, { field: 'name', label: 'item' }])).toMatchObject({
      name: '服务项目', standard: '服务内容和保障标准', leadDepartment: '责任单位',
    });
  });
});
