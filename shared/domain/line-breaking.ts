// Chinese line breaking for text printed in fixed-width table cells: the 避头尾 rules of Chinese typesetting
// (GB/T 15834's punctuation never begins or ends a line the wrong way round) and a quantity kept whole with
// its unit ("885 元", "0—3岁", "2016—2020年"). The annex writer lays the lines out with these rules and writes
// the breaks into the cells, because LibreOffice Calc applies none of them to an .xlsx (see README). Pure.

/** Punctuation that may not begin a line (避头点): it stays with the glyph before it. */
export const NO_LINE_START = '，。、；：！？）》」』】〕〉”’％‰,.;:!?)]}%';
/** Punctuation that may not end a line (避尾点): it goes down with the glyph after it. */
export const NO_LINE_END = '（《「『【〔〈“‘([{';
/** Units of measure that follow a number: "885 元", "3万人次" read as one word. */
export const NUMBER_UNITS = '元角分万亿千百十岁周个人次天日月年项所名张户米辆床台座册部倍秒时%％';
/** Units of more than one character whose first character is not a unit by itself. */
const LONG_UNITS = ['小时', '公里', '公斤', '公顷', '平方米', '立方米', '工作日'];
/** Dashes and ellipses: "——" and "……" are one mark and never split. */
const REPEATED_MARKS = '—…';
/** Between two digits these join them: "0—3岁", "5×8小时", "1/3", "8:30". */
const RANGE_MARKS = '—–-~～×/:：.';

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\u3000';

/** Whether a character is set half width (Latin, digits): a run of them is a word, never split. */
export type WideTest = (char: string) => boolean;

/**
 * The pieces a line breaker may not split, in order; joined they give the paragraph back. A line may
 * break only between two pieces. Each wide glyph is a piece, with closing punctuation joined to the
 * glyph before it and opening punctuation to the glyph after it; a run of half-width characters (a
 * number, a Latin word) is one piece, and a number takes the unit that follows it; a space is a piece
 * of its own (a line may break there, and the space then vanishes).
 */
export function breakUnits(paragraph: string, isWide: WideTest): string[] {
  const units: string[] = [];
  const chars = [...paragraph];
  let open = '';
  // Whether the last piece is a quantity (ends with a digit or with a unit after one), and a half-width run.
  let quantity = false;
  let narrow = false;
  let joinNext = false;
  const push = (piece: string, isQuantity: boolean, isNarrow: boolean) => {
    units.push(open + piece);
    open = '';
    quantity = isQuantity;
    narrow = isNarrow;
  };
  const appendToLast = (piece: string, isQuantity: boolean, isNarrow: boolean) => {
    units[units.length - 1] += piece;
    quantity = isQuantity;
    narrow = isNarrow;
  };
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    const last = units.at(-1);
    const lastIsSpace = last !== undefined && last.trim() === '';
    if (joinNext && open === '') {
      joinNext = false;
      appendToLast(char, isDigit(char), !isWide(char));
      continue;
    }
    if (NO_LINE_END.includes(char)) {
      open += char;
      continue;
    }
    if (isSpace(char)) {
      // "885 元": the space between a number and its unit belongs to the quantity.
      const next = chars[index + 1] ?? '';
      if (open === '' && next !== '' && quantity && last !== undefined && !lastIsSpace && (NUMBER_UNITS.includes(next) || LONG_UNITS.some((unit) => unit.startsWith(next)))) {
        appendToLast(char, true, false);
        continue;
      }
      if (open !== '') {
        open += char;
        continue;
      }
      if (lastIsSpace) appendToLast(char, false, false);
      else push(char, false, false);
      continue;
    }
    if (open === '' && lastIsSpace && units.length >= 2 && NO_LINE_START.includes(char)) {
      // "服务 ：" : a closing mark after a space still may not begin a line; both go with the glyph before.
      units.pop();
      appendToLast(last! + char, false, false);
      continue;
    }
    if (open === '' && last !== undefined && !lastIsSpace) {
      if (RANGE_MARKS.includes(char) && isDigit(last.at(-1)) && isDigit(chars[index + 1])) {
        appendToLast(char, false, false);
        joinNext = true;
        continue;
      }
      if (NO_LINE_START.includes(char)) {
        appendToLast(char, quantity && NUMBER_UNITS.includes(char), narrow && !isWide(char));
        continue;
      }
      if (quantity && NUMBER_UNITS.includes(char)) {
        appendToLast(char, true, false);
        continue;
      }
      const longUnit = quantity ? LONG_UNITS.find((unit) => chars.slice(index, index + unit.length).join('') === unit) : undefined;
      if (longUnit !== undefined) {
        appendToLast(longUnit, true, false);
        index += longUnit.length - 1;
        continue;
      }
      if (REPEATED_MARKS.includes(char) && last.endsWith(char)) {
        appendToLast(char, false, false);
        continue;
      }
      if (!isWide(char) && narrow) {
        appendToLast(char, isDigit(char), true);
        continue;
      }
    }
    push(char, isDigit(char), !isWide(char) && !NO_LINE_START.includes(char));
  }
  if (open !== '') {
    if (units.length === 0) units.push(open);
    else units[units.length - 1] += open;
  }
  return units;
}

/** A paragraph measured once: each piece's advance and whether it is a space. */
export interface MeasuredParagraph {
  units: string[];
  widths: number[];
  spaces: boolean[];
}

/** Whether a line may break between glyphs `at - 1` and `at` of a piece split because it is wider than a line. */
function splitAllowed(chars: readonly string[], at: number, strict: boolean): boolean {
  const before = chars[at - 1]!;
  const after = chars[at]!;
  if (NO_LINE_START.includes(after) || NO_LINE_END.includes(before)) return false;
  return !strict || !(isDigit(before) && isDigit(after));
}

/**
 * Fills lines of `capacity` greedily, piece by piece, and returns how many lines the paragraph takes.
 * A piece that does not fit starts the next line; a space there ends the line before, unseen. A piece wider than a whole
 * line (a long number, a quoted hotline) is split where the line is full, moved back to where the
 * punctuation rules allow, and inside a number only when nothing else will do; `glyphs` gives each
 * glyph's advance for that. When `lines` is given, the text of each line is pushed onto it.
 */
export function fillLines(paragraph: MeasuredParagraph, capacity: number, glyphs: (unit: string) => number[], lines?: string[]): number {
  const { units, widths, spaces } = paragraph;
  let count = 1;
  let used = 0;
  let line = '';
  const newLine = () => {
    lines?.push(line);
    line = '';
    count += 1;
    used = 0;
  };
  for (let index = 0; index < widths.length; index += 1) {
    const width = widths[index]!;
    if (used > 0 && used + width > capacity) {
      // A space where the line ends stays at its end, unseen: the cell keeps the text, breaks added.
      if (spaces[index]) {
        line += units[index]!;
        newLine();
        continue;
      }
      newLine();
    }
    if (width <= capacity) {
      used += width;
      line += units[index]!;
      continue;
    }
    const chars = [...units[index]!];
    const advances = glyphs(units[index]!);
    let from = 0;
    while (from < chars.length) {
      let end = from;
      let room = used;
      while (end < chars.length && (room + advances[end]! <= capacity || (used === 0 && end === from))) room += advances[end++]!;
      if (end === chars.length) {
        line += chars.slice(from).join('');
        used = room;
        break;
      }
      let cut = end;
      const search = (strict: boolean) => {
        for (let at = end; at > from; at -= 1) if (splitAllowed(chars, at, strict)) return at;
        return -1;
      };
      const found = search(true);
      cut = found !== -1 ? found : search(false);
      if (cut === -1) cut = used > 0 ? from : end;
      line += chars.slice(from, cut).join('');
      newLine();
      from = cut;
    }
  }
  lines?.push(line);
  return count;
}

/**
 * Whether the lines of one cell, as printed, keep Chinese typesetting's rules: the faults found, each as a
 * line of text for a test's message. Half-width punctuation is left out (".5" may begin a line).
 */
export function lineBreakFaults(lines: readonly string[]): string[] {
  const faults: string[] = [];
  lines.forEach((line, index) => {
    const text = line.trim();
    if (text === '') return;
    if (NO_LINE_START.includes(text[0]!) && !/^[,.;:!?)\]}%]/u.test(text)) faults.push(`starts with “${text[0]}”: ${text}`);
    if (NO_LINE_END.includes(text.at(-1)!) && !/[([{]$/u.test(text)) faults.push(`ends with “${text.at(-1)}”: ${text}`);
    const next = lines[index + 1]?.trim();
    if (next !== undefined && /\d\s?$/u.test(text) && new RegExp(`^[\\d${NUMBER_UNITS}]`, 'u').test(next)) {
      faults.push(`number split from what follows: ${text} / ${next}`);
    }
  });
  return faults;
}
