// The catalogue table inside a plan text as the seeds carry it: TAB-separated rows with <b>/<p> tags from the
// web page and the header repeated at every page break (Hebei), an HTML <table>, or one cell per line
// (Gansu's annex 2), possibly in traditional characters with pinyin readings. The text is cleaned with the
// seed importers' own cleaning (cleanGansuText) and cut into rows for the shared table reader.
import * as OpenCC from 'opencc-js';
import { fieldOfHeading, normaliseHeading } from '../../../shared/domain/catalogue-import/columns';
import type { SourceRow } from '../../../shared/domain/catalogue-import/table-rows';
import { cleanGansuText } from '../../importers/gansu';

const LAYOUT_TAGS = /<\/?(?:b|p|strong|em|span|font|div)(?:\s[^>]*)?>/giu;
const LINE_BREAK_TAG = /<br\s*\/?>/giu;
const PINYIN_READING = /\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/u;
const SINGLE_LINE_ROW = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|(?:注|说明)\s*\d*\s*[:：])/u;
const PAGE_NUMBER = /^[—\-－]+\s*\d+\s*[—\-－]+$/u;

let toTraditionalCheck: ((text: string) => string) | null = null;

/**
 * Traditional characters (or pinyin readings) are cleaned as the Gansu seed is. Whether a text is
 * traditional is measured, not guessed: converting it to simplified changes a good share of its characters.
 */
export function simplifiedText(text: string): string {
  if (PINYIN_READING.test(text)) return cleanGansuText(text);
  toTraditionalCheck ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const converted = toTraditionalCheck(text);
  let changed = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (/[\u4e00-\u9fff]/u.test(text[i]!)) {
      cjk += 1;
      if (converted[i] !== text[i]) changed += 1;
    }
  }
  return cjk > 0 && changed / cjk > 0.03 ? cleanGansuText(text) : text;
}

function htmlRows(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  const rowPattern = /<tr[\s>][\s\S]*?<\/tr>/giu;
  for (const m of text.matchAll(rowPattern)) {
    const line = text.slice(0, m.index).split('\n').length;
    const cells = [...m[0].matchAll(/<t[dh](?:\s[^>]*)?>([\s\S]*?)<\/t[dh]>/giu)].map((c) =>
      c[1]!.replace(LINE_BREAK_TAG, '\n').replace(/<[^>]+>/gu, '').replace(/&nbsp;/gu, ' ').replace(/&amp;/gu, '&').trim(),
    );
    rows.push({ row: line, cells });
  }
  return rows;
}

const isHeading = (line: string) => fieldOfHeading(line) !== null;

/** Rows of the first table whose header names the item column and two more catalogue columns. */
export function planTextRows(raw: string): SourceRow[] {
  const text = simplifiedText(raw.replace(/\r\n?/gu, '\n')).replace(LINE_BREAK_TAG, ' ');
  if (/<tr[\s>]/iu.test(text)) {
    const rows = htmlRows(text);
    if (rows.length) return rows;
  }
  const lines = text.split('\n').map((l) => l.replace(LAYOUT_TAGS, ''));
  const tabRows = tabTable(lines);
  return tabRows ?? cellPerLineTable(lines) ?? [];
}

function catalogueHeader(cells: string[]): boolean {
  const fields = new Set(cells.map((c) => fieldOfHeading(c)));
  return fields.has('name') && ['targetGroup', 'standard', 'content', 'fundingResponsibility', 'leadDepartment'].filter((f) => fields.has(f as never)).length >= 2;
}

/** Up to three lines of text just above the table (附件1, its title), which name the catalogue. */
function titleLines(lines: string[], headerIndex: number): SourceRow[] {
  const out: SourceRow[] = [];
  for (let i = headerIndex - 1; i >= 0 && out.length < 3; i -= 1) {
    const text = lines[i]!.replace(/^#+\s*/u, '').trim();
    if (text !== '') out.unshift({ row: i + 1, cells: [text] });
  }
  return out;
}

function tabTable(lines: string[]): SourceRow[] | null {
  const start = lines.findIndex((l) => l.includes('\t') && catalogueHeader(l.split('\t')));
  if (start < 0) return null;
  const rows: SourceRow[] = titleLines(lines, start);
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.includes('\t')) rows.push({ row: i + 1, cells: line.split('\t').map((c) => c.trim()) });
    else if (line.trim() === '' || PAGE_NUMBER.test(line.trim())) rows.push({ row: i + 1, cells: [] });
    else if (SINGLE_LINE_ROW.test(line.trim())) rows.push({ row: i + 1, cells: [line.trim()] });
    else break;
  }
  return rows;
}

/** A table flattened to one cell per line: rows are rebuilt from the header's width, each starting at a 序号. */
function cellPerLineTable(lines: string[]): SourceRow[] | null {
  const cells = lines.map((text, i) => ({ text: text.trim(), line: i + 1 })).filter((c) => c.text !== '' && !PAGE_NUMBER.test(c.text));
  let start = -1;
  let width = 0;
  for (let i = 0; i < cells.length && start < 0; i += 1) {
    let n = 0;
    while (i + n < cells.length && isHeading(cells[i + n]!.text)) n += 1;
    if (n >= 3 && catalogueHeader(cells.slice(i, i + n).map((c) => c.text))) {
      start = i;
      width = n;
    }
  }
  if (start < 0) return null;
  const header = cells.slice(start, start + width).map((c) => c.text);
  const numbered = fieldOfHeading(header[0]!) === 'itemNo';
  const rows: SourceRow[] = [...titleLines(lines, cells[start]!.line - 1), { row: cells[start]!.line, cells: header }];
  let i = start + width;
  while (i < cells.length) {
    const cell = cells[i]!;
    const repeated = header.every((h, k) => normaliseHeading(cells[i + k]?.text ?? '') === normaliseHeading(h));
    if (repeated) {
      i += width;
      continue;
    }
    if (SINGLE_LINE_ROW.test(cell.text)) {
      rows.push({ row: cell.line, cells: [cell.text] });
      i += 1;
      continue;
    }
    if (numbered && !/^\d{1,4}$/u.test(cell.text)) break;
    rows.push({ row: cell.line, cells: cells.slice(i, i + width).map((c) => c.text) });
    i += width;
  }
  return rows;
}
