// 河北省“十三五”推进基本公共服务均等化规划 (冀政发〔2018〕12号): the one seed with its catalogue in full.
// Annex 1 is a TAB-separated table of 81 items in 8 domains, annex 2 the 26 tasks. Cell text is kept exactly as
// published (half-width punctuation, PDF spaces inside numbers, typos): only the web page's <b>/<p> tags and
// the header rows repeated at page breaks are dropped.
import type { ColumnLabels } from '../../shared/domain/catalogue';
import { parseChineseNumeral } from '../../shared/domain/numerals';
import type { SeedCatalogue, SeedDomain, SeedTask } from './types';
import { EXPECTED_TASK_COUNT, TASK_HEADER } from './text';

export const HEBEI_COLUMN_LABELS: ColumnLabels = {
  itemNo: '序号',
  name: '服务项目',
  targetGroup: '服务对象',
  standard: '服务指导标准',
  fundingResponsibility: '支出责任',
  leadDepartment: '牵头负责部门',
};

const ITEM_HEADER = ['序号', '服务项目', '服务对象', '服务指导标准', '支出责任', '牵头负责部门'];

const LAYOUT_TAGS = /<\/?[bp]>/gu;
const ANY_TAG = /<\/?[A-Za-z][^>]*>/u;
const DOMAIN_HEADING = /^([一二三四五六七八九十]+)、(\S.*)$/u;
const ANNEX_HEADING = /^#+\s*附件\s*(\d+)\s*$/u;
const ROW_NUMBER = /^\d+$/u;

export function parseHebei(text: string): SeedCatalogue {
  const lines = text.split(/\r?\n/u);
  const stated = /清单中(\d+)个项目/u.exec(text);
  if (!stated) throw new Error('河北省规划：找不到“清单中N个项目”一句，无法核对项目总数');
  const statedItemCount = Number(stated[1]);

  const annex1 = annexRange(lines, 1);
  const annex2 = annexRange(lines, 2);
  const title = lines.slice(annex1.start, annex1.end).find((l) => l.trim() !== '' && !l.includes('\t'));
  const annexTitle = (title ?? '').replace(/^#+\s*/u, '').trim();
  if (annexTitle !== '河北省“十三五”基本公共服务清单') {
    throw new Error(`河北省规划第${annex1.start}行之后：附件1的标题应为“河北省“十三五”基本公共服务清单”，实为“${annexTitle}”`);
  }

  const domains = parseItems(lines, annex1.start, annex1.end);
  const itemCount = domains.reduce((sum, d) => sum + d.items.length, 0);
  if (itemCount !== statedItemCount) {
    throw new Error(`河北省规划附件1：正文称清单中${statedItemCount}个项目，附件1中有${itemCount}项`);
  }

  return {
    id: 'hebei-13th',
    name: annexTitle,
    regionCode: '130000',
    regionName: '河北省',
    period: '十三五',
    startYear: 2016,
    endYear: 2020,
    status: 'published',
    statusNote: null,
    statedItemCount,
    documentId: 'hebei-13th-plan',
    columnLabels: HEBEI_COLUMN_LABELS,
    annexLabel: '附件1',
    annexTitle,
    domains,
    tasks: parseTasks(lines, annex2.start, annex2.end),
  };
}

/** Lines [start, end) of "## 附件 N" up to the next annex heading or the end; indexes are 0-based. */
function annexRange(lines: string[], n: number): { start: number; end: number } {
  const at = lines.findIndex((l) => ANNEX_HEADING.exec(l)?.[1] === String(n));
  if (at < 0) throw new Error(`河北省规划：找不到“附件 ${n}”标题`);
  const next = lines.findIndex((l, i) => i > at && ANNEX_HEADING.test(l));
  return { start: at + 1, end: next < 0 ? lines.length : next };
}

/** Split a table row on TAB and drop the layout tags; any other markup means the layout is not understood. */
function cells(line: string, lineNo: number): string[] {
  const fields = line.split('\t').map((f) => f.replace(LAYOUT_TAGS, ''));
  const tag = fields.find((f) => ANY_TAG.test(f));
  if (tag !== undefined) throw new Error(`河北省规划第${lineNo}行：表格单元中有无法识别的标记：“${tag}”`);
  return fields;
}

function sameRow(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The cells of a table line of annex `annex`, or 'header' for a (repeated) header row; throws where the
 * line has the wrong number of cells or comes before the first header.
 */
function tableRow(line: string, lineNo: number, header: string[], annex: string, headerSeen: boolean): string[] | 'header' {
  const fields = cells(line, lineNo);
  if (fields.length !== header.length) {
    throw new Error(`河北省规划第${lineNo}行：${annex}的表格行应有${header.length}列，实有${fields.length}列`);
  }
  if (sameRow(fields, header)) return 'header';
  if (!headerSeen) throw new Error(`河北省规划第${lineNo}行：${annex}的表头之前出现表格行`);
  return fields;
}

function parseItems(lines: string[], start: number, end: number): SeedDomain[] {
  const domains: SeedDomain[] = [];
  let headerSeen = false;
  let nextItemNo = 1;
  for (let i = start; i < end; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    if (!line.includes('\t')) {
      // Outside the table only the annex title and blank lines (page breaks) are expected.
      if (line.trim() === '' || (!headerSeen && line.startsWith('#'))) continue;
      throw new Error(`河北省规划第${lineNo}行：附件1中出现非表格行：“${line}”`);
    }
    const fields = tableRow(line, lineNo, ITEM_HEADER, '附件1', headerSeen);
    if (fields === 'header') {
      headerSeen = true;
      continue;
    }
    const [first, ...rest] = fields as [string, ...string[]];
    const domain = DOMAIN_HEADING.exec(first);
    if (domain && rest.every((f) => f.trim() === '')) {
      const seq = parseChineseNumeral(domain[1]!);
      if (seq !== domains.length + 1) {
        throw new Error(`河北省规划第${lineNo}行：领域序号应为${domains.length + 1}，实为“${domain[1]}”`);
      }
      domains.push({ name: domain[2]!.trim(), statedItemCount: null, items: [] });
      continue;
    }
    if (!ROW_NUMBER.test(first)) throw new Error(`河北省规划第${lineNo}行：序号“${first}”不是数字，也不是领域标题`);
    const itemNo = Number(first);
    if (itemNo !== nextItemNo) throw new Error(`河北省规划第${lineNo}行：序号应为${nextItemNo}，实为${itemNo}`);
    const current = domains[domains.length - 1];
    if (!current) throw new Error(`河北省规划第${lineNo}行：第${itemNo}项之前没有领域标题`);
    const [name, targetGroup, standard, fundingResponsibility, leadDepartment] = rest as [
      string, string, string, string, string,
    ];
    if (name.trim() === '') throw new Error(`河北省规划第${lineNo}行：第${itemNo}项没有服务项目名称`);
    current.items.push({ sourceItemNo: itemNo, name, targetGroup, standard, fundingResponsibility, leadDepartment });
    nextItemNo++;
  }
  if (!headerSeen) throw new Error('河北省规划附件1：找不到表头“序号 服务项目 服务对象 服务指导标准 支出责任 牵头负责部门”');
  const empty = domains.find((d) => d.items.length === 0);
  if (empty) throw new Error(`河北省规划附件1：领域“${empty.name}”下没有项目`);
  return domains;
}

function parseTasks(lines: string[], start: number, end: number): SeedTask[] {
  const tasks: SeedTask[] = [];
  let headerSeen = false;
  for (let i = start; i < end; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    if (!line.includes('\t')) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      // The page ends with the site's name and source note after the table.
      if (tasks.length > 0) break;
      throw new Error(`河北省规划第${lineNo}行：附件2中出现非表格行：“${line}”`);
    }
    const fields = tableRow(line, lineNo, TASK_HEADER, '附件2', headerSeen);
    if (fields === 'header') {
      headerSeen = true;
      continue;
    }
    const [no, task, responsibleUnits] = fields as [string, string, string];
    if (!ROW_NUMBER.test(no) || Number(no) !== tasks.length + 1) {
      throw new Error(`河北省规划第${lineNo}行：附件2序号应为${tasks.length + 1}，实为“${no}”`);
    }
    tasks.push({ taskNo: Number(no), task, responsibleUnits });
  }
  if (tasks.length !== EXPECTED_TASK_COUNT) {
    throw new Error(`河北省规划附件2：应有${EXPECTED_TASK_COUNT}项重点任务，找到${tasks.length}项`);
  }
  return tasks;
}
