// Text helpers for the seed importers: the provinces copied the national sentence forms, so the same
// clean-ups serve all of them.

const ASCII_WORD = /[A-Za-z0-9]/u;

/**
 * PDF extraction leaves spaces around CJK text ("建档立卡贫困家庭 3—6岁", "学生 )", "( 万人次)").
 * Chinese text has no word spaces, so a space is only kept where it separates two ASCII words.
 */
export function removePdfSpaces(text: string): string {
  return text.trim().replace(/\s+/gu, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return ASCII_WORD.test(before) && ASCII_WORD.test(after) ? ' ' : '';
  });
}

const OPENERS = '(（《“〈[【';
const CLOSERS = ')）》”〉]】';

/**
 * Split an enumeration on a separator only where it is not inside brackets or quotes: Henan's item 9 carries a
 * bracketed list of its own ("(含…残疾学生、农村低保家庭学生、…)").
 */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  const stack: string[] = [];
  let current = '';
  for (const ch of text) {
    const open = OPENERS.indexOf(ch);
    const close = CLOSERS.indexOf(ch);
    if (open >= 0) stack.push(CLOSERS[open]!);
    else if (close >= 0) {
      if (stack.pop() !== ch) throw new Error(`括号不配对：“${text}”中的“${ch}”`);
    }
    if (ch === separator && stack.length === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (stack.length > 0) throw new Error(`括号未闭合：“${text}”`);
  parts.push(current);
  return parts;
}

/** A chapter heading, "第四章　基本公共教育" (the separator is a full-width space in the seeds). */
export const CHAPTER_HEADING = /^[\s\u3000]*第([一二三四五六七八九十]+)章[\s\u3000]+(\S.*?)\s*$/u;

/**
 * The catalogue's own title and annex number, from the sentence that introduces it:
 * "《“十三五”国家基本公共服务清单》（以下简称《清单》，详见附件1）" or "《“十三五”河南省基本公共服务清单》(见附件,…)".
 */
export function annexReference(text: string, where: string): { annexTitle: string; annexLabel: string } {
  const m = /《([^》]*清单)》[（(](?:以下简称《清单》[，,])?(?:详见|见)(附件\d*)/u.exec(removePdfSpaces(text));
  if (!m) throw new Error(`${where}：找不到介绍清单附件的一句（“《……清单》（……详见附件……）”），无法确定附件标题`);
  return { annexTitle: m[1]!, annexLabel: m[2]! };
}

/** Annex 2 (重点任务分工方案) as Hebei and Gansu print it. */
export const TASK_HEADER = ['序号', '重点任务', '责任单位'];
/** Annex 2 states no total; the published tables have 26 rows. Checked so a cut-off copy cannot pass unnoticed. */
export const EXPECTED_TASK_COUNT = 26;
