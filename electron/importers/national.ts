// The two national plans: 国发〔2017〕9号 (十三五, the eight domains and their 81 items named in the text) and
// the 十四五 公共服务规划 (专栏 1, its 22 indicators). Pure functions: text in, records out.
import { DEFAULT_COLUMN_LABELS } from '../../shared/domain/catalogue';
import type { ColumnLabels } from '../../shared/domain/catalogue';
import { parseIndicatorValue } from '../../shared/domain/indicator';
import type { PlanIndicator } from '../../shared/domain/indicator';
import type { SeedCatalogue, SeedDomain, SeedIndicatorTable } from './types';
import { parseChineseNumeral } from '../../shared/domain/numerals';
import { CHAPTER_HEADING, annexReference, removePdfSpaces, splitTopLevel } from './text';

// ---------------------------------------------------------------------------------------------------------
// 国发〔2017〕9号

/** The national wording is the default set of column names (annex_format.md). */
export const NATIONAL_13TH_COLUMN_LABELS: ColumnLabels = DEFAULT_COLUMN_LABELS;

const NATIONAL_ITEM_SENTENCE = /本领域服务项目共\s*(\d+)\s*项\s*[，,]\s*具体包括\s*[：:]\s*([^。]+?)\s*。/u;
const NATIONAL_TOTAL = /等([一二三四五六七八九十]+)个领域的\s*(\d+)\s*个项目/u;

export function parseNational13th(text: string): SeedCatalogue {
  const lines = text.split(/\r?\n/u);
  const domains: SeedDomain[] = [];
  let chapter: { no: number; name: string; hasItems: boolean } | null = null;
  let lastChapterNo = 0;
  let itemCount = 0;
  let statedDomains: number | null = null;
  let statedItemCount: number | null = null;

  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    const heading = CHAPTER_HEADING.exec(line);
    if (heading) {
      const no = parseChineseNumeral(heading[1]!);
      if (no === null) throw new Error(`全国“十三五”规划第${lineNo}行：章号“${heading[1]}”无法识别`);
      chapter = { no, name: heading[2]!, hasItems: false };
      continue;
    }
    const total = NATIONAL_TOTAL.exec(line);
    if (total && statedItemCount === null) {
      statedDomains = parseChineseNumeral(total[1]!);
      statedItemCount = Number(total[2]);
    }
    if (!line.includes('本领域服务项目')) continue;
    const m = NATIONAL_ITEM_SENTENCE.exec(line);
    if (!m) throw new Error(`全国“十三五”规划第${lineNo}行：“本领域服务项目共N项，具体包括：…。”一句的格式无法识别`);
    if (!chapter) throw new Error(`全国“十三五”规划第${lineNo}行：服务项目一句之前没有章标题`);
    if (chapter.hasItems) throw new Error(`全国“十三五”规划第${lineNo}行：第${chapter.no}章中出现第二个服务项目一句`);
    if (lastChapterNo !== 0 && chapter.no !== lastChapterNo + 1) {
      throw new Error(`全国“十三五”规划第${lineNo}行：领域所在章号不连续（第${lastChapterNo}章之后是第${chapter.no}章）`);
    }
    chapter.hasItems = true;
    lastChapterNo = chapter.no;
    const stated = Number(m[1]);
    const names = splitTopLevel(m[2]!, '、').map(removePdfSpaces);
    if (names.some((n) => n === '')) throw new Error(`全国“十三五”规划第${lineNo}行：项目列表中有空项`);
    if (names.length !== stated) {
      throw new Error(`全国“十三五”规划第${lineNo}行：“${chapter.name}”称共${stated}项，实际列出${names.length}项`);
    }
    // The national text prints no "第a—b项" ranges (annex 1 is missing), so sourceItemNo is inferred:
    // numbered straight through in chapter order, as the provincial annexes number the same list.
    const items = names.map((name) => ({
      sourceItemNo: ++itemCount,
      name,
      targetGroup: null,
      standard: null,
      fundingResponsibility: null,
      leadDepartment: null,
    }));
    domains.push({ name: chapter.name, statedItemCount: stated, items });
  }

  if (statedItemCount === null || statedDomains === null) {
    throw new Error('全国“十三五”规划：找不到“…等八个领域的81个项目”一句，无法核对项目总数');
  }
  if (domains.length !== statedDomains) {
    throw new Error(`全国“十三五”规划：正文称${statedDomains}个领域，找到${domains.length}个领域的服务项目一句`);
  }
  if (itemCount !== statedItemCount) {
    throw new Error(`全国“十三五”规划：正文称共${statedItemCount}个项目，各领域列出${itemCount}项`);
  }

  return {
    id: 'national-13th',
    name: '“十三五”国家基本公共服务清单',
    regionCode: null,
    regionName: '全国',
    period: '十三五',
    startYear: 2016,
    endYear: 2020,
    status: 'incomplete',
    statusNote: '附件1清单正文缺失，仅有正文列出的项目名称',
    statedItemCount,
    documentId: 'national-13th-plan',
    columnLabels: NATIONAL_13TH_COLUMN_LABELS,
    ...annexReference(text, '全国“十三五”规划'),
    domains,
    tasks: [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// 十四五 专栏 1

const ATTRIBUTE_AT_END = /\s(约束性|预期性)\s*$/u;
const NOTE_START = /^\s*(\d+)\.\s*(.*)$/u;
const NAME_MARKS = /\s*(\*+)\s*$/u;
const VALUE_TOKEN = /^(?:[><≥≤]?\d+(?:\.\d+)?%?\**|[—–-]+|应保尽保)$/u;

/** The table's categories are the plan's areas, listed in its 序言 ("主要涵盖幼有所育、…和文体服务保障等领域"). */
function planAreas(text: string): string[] {
  const m = /主要涵盖(.+?)等领域/u.exec(text);
  if (!m) throw new Error('全国“十四五”规划：序言中找不到“主要涵盖…等领域”一句，无法确定指标类别');
  return m[1]!.split(/、|和/u).map(removePdfSpaces);
}

/** A leading category label, possibly letter-spaced ("文 体 服 务 保障"): returns it and the tokens it used. */
function leadingCategory(tokens: string[], areas: string[]): { category: string; used: number } | null {
  let joined = '';
  for (let used = 1; used <= tokens.length && used <= 8; used++) {
    joined += tokens[used - 1]!;
    if (areas.includes(joined)) return { category: joined, used };
    if (!areas.some((a) => a.startsWith(joined))) return null;
  }
  return null;
}

export function parseNational14thIndicators(text: string): SeedIndicatorTable {
  const areas = planAreas(text);
  const lines = text.split(/\r?\n/u);
  const start = lines.findIndex((l) => /^\s*专栏\s*1\s/u.test(l));
  if (start < 0) throw new Error('全国“十四五”规划：找不到“专栏 1”');
  const headerIndex = start + 1;
  const header = (lines[headerIndex] ?? '').trim().split(/\s+/u).join(' ');
  const years = /^类别 指标 (\d{4}) 年 (\d{4}) 年 属性$/u.exec(header);
  if (!years) {
    throw new Error(`全国“十四五”规划第${headerIndex + 1}行：专栏 1 的表头应为“类别 指标 2020 年 2025 年 属性”，实为“${header}”`);
  }
  const baselineYear = Number(years[1]);
  const targetYear = Number(years[2]);

  const indicators: PlanIndicator[] = [];
  const notes: string[] = [];
  let category: string | null = null;
  let pending: { text: string; line: number } | null = null;
  let index = headerIndex + 1;

  // Rows: a row ends with its attribute; a category label may stand alone on a line or lead a row, and one row
  // is wrapped over three lines, so text is gathered until a line ends in 约束性/预期性.
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNo = index + 1;
    if (line.trim() === '') continue;
    if (NOTE_START.test(line)) break;
    pending = pending ? { text: `${pending.text} ${line.trim()}`, line: pending.line } : { text: line.trim(), line: lineNo };
    const attr = ATTRIBUTE_AT_END.exec(` ${pending.text}`);
    if (!attr) {
      // Only a name is ever wrapped; a line that ends in a value is a row that lost its attribute.
      if (VALUE_TOKEN.test(pending.text.split(/\s+/u).pop() ?? '')) {
        throw new Error(`全国“十四五”规划第${lineNo}行：指标行没有以“约束性”或“预期性”结尾：“${pending.text}”`);
      }
      continue;
    }
    const tokens = pending.text.replace(ATTRIBUTE_AT_END, '').trim().split(/\s+/u);
    const target = tokens.pop();
    const baseline = tokens.pop();
    const lead = leadingCategory(tokens, areas);
    if (lead) {
      category = lead.category;
      tokens.splice(0, lead.used);
    }
    if (!target || !baseline || tokens.length === 0) {
      throw new Error(`全国“十四五”规划第${pending.line}行：指标行应有“指标 ${baselineYear}年值 ${targetYear}年值 属性”，实为“${pending.text}”`);
    }
    if (category === null) throw new Error(`全国“十四五”规划第${pending.line}行：第一个指标之前没有类别`);
    let name = tokens.join(' ');
    const marks = NAME_MARKS.exec(name);
    name = removePdfSpaces(name.replace(NAME_MARKS, ''));
    indicators.push({
      documentId: 'national-14th-plan',
      seq: indicators.length + 1,
      category,
      name,
      nameMarks: marks?.[1] ?? '',
      baselineYear,
      baseline: parseIndicatorValue(baseline),
      targetYear,
      target: parseIndicatorValue(target),
      attribute: attr[1]!,
    });
    pending = null;
  }
  if (pending) throw new Error(`全国“十四五”规划第${pending.line}行：指标行没有以“约束性”或“预期性”结尾：“${pending.text}”`);

  // Notes: "1. 带*指标…"; a note may wrap onto the next line (a CJK line break, so no space is added). The
  // page's non-breaking spaces (&nbsp;) become plain spaces; the PDF spaces are otherwise kept as printed.
  for (; index < lines.length; index++) {
    const line = lines[index]!.replace(/\u00a0/gu, ' ');
    if (line.trim() === '') break;
    const m = NOTE_START.exec(line);
    if (m) {
      if (Number(m[1]) !== notes.length + 1) {
        throw new Error(`全国“十四五”规划第${index + 1}行：注释编号应为${notes.length + 1}，实为${m[1]}`);
      }
      notes.push(m[2]!.trim());
    } else if (notes.length > 0) notes[notes.length - 1] += line.trim();
  }

  if (indicators.length === 0) throw new Error('全国“十四五”规划：专栏 1 中没有找到指标行');
  return { documentId: 'national-14th-plan', indicators, notes };
}
