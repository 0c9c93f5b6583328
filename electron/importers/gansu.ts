// 甘肃省“十三五”推进基本公共服务均等化规划 (甘政办发〔2017〕137号). The seed copy is in traditional characters
// with a pinyin reading after 47 characters ("務(wù)") and 13 spots of GBK byte-shift mojibake; annex 1 (the
// catalogue) is missing and annex 2 (26 tasks) is flattened to one cell per line. See seed-notes/gansu.md §8.
import * as OpenCC from 'opencc-js';
import type { ColumnLabels } from '../../shared/domain/catalogue';
import type { SeedCatalogue, SeedDomain, SeedTask } from './types';
import { EXPECTED_TASK_COUNT, TASK_HEADER } from './text';

/**
 * The 13 mojibake spots of gansu.md §8.3, keyed on the raw text verbatim (pinyin included, PUA code points
 * escaped). A fix table rather than re-decoding: each entry was checked by hand against the GBK bytes or a
 * parallel text. Spots 4 and 5 have the same raw text on two lines, so one entry covers both.
 */
export const GANSU_MOJIBAKE_FIXES: readonly { lines: readonly number[]; raw: string; fixed: string }[] = [
  { lines: [21], raw: ' ?。ù思\ue480\ue0a6_發(fā)布)', fixed: '（此件公開發布）' },
  { lines: [38], raw: '占全省總?cè)丝诘?2.3%', fixed: '占全省總人口的32.3%' },
  { lines: [380], raw: '按程序?qū)\u0391肚鍐巍肪唧w內(nèi)容', fixed: '按程序對《清單》具體內容' },
  { lines: [406, 416], raw: '義務(wù)教育薄弱學?;\ue2a2巨k學條件', fixed: '義務教育薄弱學校基本辦學條件' },
  { lines: [416], raw: '完善薄弱學?;\ue2a6A(chǔ)設(shè)施', fixed: '完善薄弱學校基礎設施' },
  { lines: [458], raw: '實現(xiàn)醫(yī)?;\ue2ae鹂沙掷m(xù)平衡', fixed: '實現醫保基金可持續平衡' },
  { lines: [496], raw: '重點專科(專?。\u2519\u3114O(shè),', fixed: '重點專科(專病)建設,' },
  { lines: [514], raw: '優(yōu)待與當?shù)亟?jīng)濟和社會發(fā)展水平', fixed: '優待與當地經濟和社會發展水平' },
  { lines: [552], raw: ' ?。\u3112唬\u2532攸c任務(wù)', fixed: '（一）重點任務' },
  { lines: [599], raw: '確?;\ue2a2旧\ue30a?。', fixed: '確保基本生活。' },
  { lines: [634], raw: '公共文化體育等領(lǐng)域?qū)\u03bd饨涣髋c合作', fixed: '公共文化體育等領域對外交流與合作' },
  { lines: [645], raw: '推動基本公共服務(wù)均等化??h級政府要', fixed: '推動基本公共服務均等化。縣級政府要' },
];

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
// A reading is lowercase pinyin in half-width brackets. Requiring a toned vowel keeps "(PPP)" and the like.
const READING = new RegExp(`\\(([a-zü${TONED}]+)\\)`, 'gu');
const hasTone = (s: string): boolean => [...s].some((c) => TONED.includes(c));

let toSimplified: ((text: string) => string) | null = null;

/**
 * Fix the mojibake, drop the pinyin readings, convert to simplified characters. In that order: the fix keys are
 * raw text (readings included), and the readings would otherwise be converted along with the text.
 */
export function cleanGansuText(raw: string): string {
  let text = raw;
  for (const fix of GANSU_MOJIBAKE_FIXES) text = text.split(fix.raw).join(fix.fixed);
  text = text.replace(READING, (reading: string, letters: string) => (hasTone(letters) ? '' : reading));
  // tw → cn, not t → cn: the Taiwan-standard input maps 著 to 着 where it is the particle (着力, 面临着), which
  // is what the simplified original has; the plain t → cn keeps 著.
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}

// "每个项目均明确服务对象、服务内容和保障标准、支出责任、责任单位等" (the item column is implied).
export const GANSU_COLUMN_LABELS: ColumnLabels = {
  itemNo: '序号',
  name: '服务项目',
  targetGroup: '服务对象',
  standard: '服务内容和保障标准',
  fundingResponsibility: '支出责任',
  leadDepartment: '责任单位',
};

const DOMAIN_TASK = /^推动(.+?)领域发展指标/u;

/** Parse the text as cleanGansuText returns it. */
export function parseGansu(text: string): SeedCatalogue {
  if ([...text.matchAll(READING)].some((m) => hasTone(m[1]!))) {
    throw new Error('甘肃省规划：文本中仍有拼音注音，请先用 cleanGansuText 清理原文');
  }
  const lines = text.split(/\r?\n/u);
  const stated = /八个领域的(\d+)个项目/u.exec(text);
  if (!stated) throw new Error('甘肃省规划：找不到“八个领域的N个项目”一句，无法确定清单项目数');
  const listing = lines.find((l) => /^\s*附件[:：]\s*1\./u.test(l));
  const annexTitle = listing?.replace(/^\s*附件[:：]\s*1\.\s*/u, '').trim() ?? '';
  if (annexTitle !== '甘肃省“十三五”基本公共服务清单') {
    throw new Error(`甘肃省规划：附件列表应为“附件:1.甘肃省“十三五”基本公共服务清单”，实为“${listing ?? '（无）'}”`);
  }
  const tasks = parseTasks(lines);

  return {
    id: 'gansu-13th',
    name: annexTitle,
    regionCode: '620000',
    regionName: '甘肃省',
    period: '十三五',
    startYear: 2016,
    endYear: 2020,
    status: 'incomplete',
    statusNote: '附件1清单正文缺失；规划正文称八个领域80个项目',
    statedItemCount: Number(stated[1]),
    documentId: 'gansu-13th-plan',
    columnLabels: GANSU_COLUMN_LABELS,
    annexLabel: '附件1',
    annexTitle,
    domains: domainsOf(lines, tasks),
    tasks,
  };
}

/**
 * The eight domains, named as annex 2 names them (tasks 2–9: "推动基本公共教育领域发展指标…"), which are the
 * 十三五 catalogue names. 第四章's headings agree except 七、基本公共文化体育服务, which adds 服务 to the
 * domain's name; any other difference is an error.
 */
function domainsOf(lines: string[], tasks: SeedTask[]): SeedDomain[] {
  const names = tasks.flatMap((t) => DOMAIN_TASK.exec(t.task)?.[1] ?? []);
  if (names.length !== 8) throw new Error(`甘肃省规划附件2：应有8项“推动…领域发展指标…”任务，找到${names.length}项`);
  const chapter4 = lines.findIndex((l) => /^第四章\s/u.test(l));
  const chapter5 = lines.findIndex((l) => /^第五章\s/u.test(l));
  if (chapter4 < 0 || chapter5 < chapter4) throw new Error('甘肃省规划：找不到第四章“基本公共服务重点领域”');
  const headings = lines
    .slice(chapter4, chapter5)
    .flatMap((l) => /^\s*[一二三四五六七八]、(\S+)\s*$/u.exec(l)?.[1] ?? []);
  names.forEach((name, i) => {
    const heading = headings[i];
    if (heading !== name && heading !== `${name}服务`) {
      throw new Error(`甘肃省规划：第四章第${i + 1}个领域的标题“${heading ?? '（无）'}”与附件2的“${name}”不符`);
    }
  });
  return names.map((name) => ({ name, statedItemCount: null, items: [] }));
}

/** Annex 2: after "附件2" and its title, one cell per non-blank line; the header is letter-spaced ("重 点 任 务"). */
function parseTasks(lines: string[]): SeedTask[] {
  const start = lines.findIndex((l) => l.trim() === '附件2');
  if (start < 0) throw new Error('甘肃省规划：找不到“附件2”');
  const cells = lines
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .slice(start + 1)
    .filter((c) => c.text !== '');
  const title = cells.shift();
  if (title?.text !== '重点任务分工方案') {
    throw new Error(`甘肃省规划第${title?.line ?? start + 1}行：附件2标题应为“重点任务分工方案”，实为“${title?.text ?? ''}”`);
  }
  const header = cells.splice(0, TASK_HEADER.length);
  header.forEach((cell, i) => {
    if (cell.text.replace(/\s+/gu, '') !== TASK_HEADER[i]) {
      throw new Error(`甘肃省规划第${cell.line}行：附件2表头第${i + 1}列应为“${TASK_HEADER[i]}”，实为“${cell.text}”`);
    }
  });
  if (cells.length % 3 !== 0) {
    throw new Error(`甘肃省规划附件2：表格单元共${cells.length}个，不是“序号、重点任务、责任单位”三列的整数倍`);
  }
  const tasks: SeedTask[] = [];
  for (let i = 0; i < cells.length; i += 3) {
    const [no, task, units] = cells.slice(i, i + 3) as [typeof cells[0], typeof cells[0], typeof cells[0]];
    if (!/^\d+$/u.test(no.text) || Number(no.text) !== tasks.length + 1) {
      throw new Error(`甘肃省规划第${no.line}行：附件2序号应为${tasks.length + 1}，实为“${no.text}”`);
    }
    tasks.push({ taskNo: tasks.length + 1, task: task.text, responsibleUnits: units.text });
  }
  if (tasks.length !== EXPECTED_TASK_COUNT) {
    throw new Error(`甘肃省规划附件2：应有${EXPECTED_TASK_COUNT}项重点任务，找到${tasks.length}项`);
  }
  return tasks;
}
