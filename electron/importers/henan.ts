// 河南省“十三五”基本公共服务均等化规划 (2017-01-12). The annex table body is missing from the seed; each domain
// chapter names its items ("本领域服务项目共N项,具体包括:A、B、…,详见《清单》第a—b项"), so the catalogue
// is those names with the numbers the text gives, and the other four columns not yet filled.
import type { ColumnLabels } from '../../shared/domain/catalogue';
import { parseChineseNumeral } from '../../shared/domain/numerals';
import { CHAPTER_HEADING, annexReference, removePdfSpaces, splitTopLevel } from './text';
import type { SeedCatalogue, SeedDomain } from './types';

export const HENAN_COLUMN_LABELS: ColumnLabels = {
  itemNo: '序号',
  name: '服务项目',
  targetGroup: '服务对象',
  // "建立包括服务项目、服务对象、服务内容和标准、支出责任、主责单位等要件构成的基本公共服务清单"
  standard: '服务内容和标准',
  fundingResponsibility: '支出责任',
  leadDepartment: '主责单位',
};

const ITEM_SENTENCE =
  /本领域服务项目共\s*(\d+)\s*项\s*[,，]\s*具体包括\s*[:：]\s*(.+?)\s*[,，]\s*详见.*?第\s*(\d+)\s*[—–-]\s*(\d+)\s*项/u;
/** 制度安排 lists the eight domains: "围绕基本公共教育、基本劳动就业、…、残疾人基本公共服务等八大领域". */
const DOMAIN_LIST = /围绕(.+?)等八大领域/u;

interface Chapter {
  no: number;
  name: string;
  line: number;
}

export function parseHenan(text: string): SeedCatalogue {
  const lines = text.split(/\r?\n/u);
  const listMatch = DOMAIN_LIST.exec(text);
  if (!listMatch) throw new Error('河南省规划：找不到“围绕…等八大领域”一句，无法核对领域');
  const listedDomains = splitTopLevel(listMatch[1]!, '、').map(removePdfSpaces);
  if (listedDomains.length !== 8) throw new Error(`河南省规划：“八大领域”一句列出${listedDomains.length}个领域`);

  const chapters: Chapter[] = [];
  const sentences: { line: number; match: RegExpExecArray }[] = [];
  for (const [index, line] of lines.entries()) {
    const heading = CHAPTER_HEADING.exec(line);
    if (heading) {
      const no = parseChineseNumeral(heading[1]!);
      if (no === null) throw new Error(`河南省规划第${index + 1}行：章号“${heading[1]}”无法识别`);
      chapters.push({ no, name: heading[2]!.trim(), line: index + 1 });
    }
    if (!line.includes('本领域服务项目')) continue;
    const match = ITEM_SENTENCE.exec(line);
    if (!match) {
      throw new Error(`河南省规划第${index + 1}行：“本领域服务项目共N项,具体包括:…,详见《清单》第a—b项”一句的格式无法识别`);
    }
    sentences.push({ line: index + 1, match });
  }
  if (sentences.length !== listedDomains.length) {
    throw new Error(`河南省规划：正文称八大领域，找到${sentences.length}个“本领域服务项目”一句`);
  }

  const domains: SeedDomain[] = [];
  let nextItemNo = 1;
  for (const [d, { line, match }] of sentences.entries()) {
    const name = domainName(chapters, line, listedDomains[d]!);
    const stated = Number(match[1]);
    const first = Number(match[3]);
    const last = Number(match[4]);
    const names = splitTopLevel(match[2]!, '、').map(removePdfSpaces);
    const where = `河南省规划第${line}行（${name}）`;
    if (names.some((n) => n === '')) throw new Error(`${where}：项目列表中有空项`);
    if (first !== nextItemNo) throw new Error(`${where}：项目编号应从第${nextItemNo}项开始，正文写第${first}项`);
    if (names.length !== stated || last - first + 1 !== stated) {
      throw new Error(`${where}：称共${stated}项，列出${names.length}项，编号第${first}—${last}项共${last - first + 1}项，三者不一致`);
    }
    domains.push({
      name,
      statedItemCount: stated,
      items: names.map((itemName, i) => ({
        sourceItemNo: first + i,
        name: itemName,
        targetGroup: null,
        standard: null,
        fundingResponsibility: null,
        leadDepartment: null,
      })),
    });
    nextItemNo = last + 1;
  }

  return {
    id: 'henan-13th',
    name: '“十三五”河南省基本公共服务清单',
    regionCode: '410000',
    regionName: '河南省',
    period: '十三五',
    startYear: 2016,
    endYear: 2020,
    status: 'incomplete',
    statusNote: '附件清单正文缺失，仅有正文列出的项目名称',
    // No sentence states the total; the ranges (第1—82项) imply it, and the items carry those numbers.
    statedItemCount: null,
    documentId: 'henan-13th-plan',
    columnLabels: HENAN_COLUMN_LABELS,
    ...annexReference(text, '河南省“十三五”规划'),
    domains,
    tasks: [],
  };
}

/**
 * The heading of the chapter holding the item sentence on `line`. The seed lost 第三章's heading (L44–45 run
 * 第二章's last paragraph into the middle of 第三章's introduction), so a sentence can sit under the previous
 * chapter's heading. That case is recognised by the chapter numbers (the next heading skips one) and the name
 * is then taken from the 制度安排 list of the eight domains, in order: for 第三章 that is 基本公共教育.
 */
function domainName(chapters: Chapter[], line: number, listed: string): string {
  const before = chapters.filter((c) => c.line < line);
  const heading = before[before.length - 1];
  const next = chapters.find((c) => c.line > line);
  // The list says 基本劳动就业 where the heading says 基本劳动就业创业: the heading is the domain's name.
  if (heading && heading.name.startsWith(listed)) return heading.name;
  if (heading && next && next.no === heading.no + 2) return listed;
  throw new Error(
    `河南省规划第${line}行：服务项目一句所在章的标题（${heading ? `第${heading.no}章 ${heading.name}` : '无'}）与领域“${listed}”不符`,
  );
}
