// exceljs cannot auto-fit rows, and neither Excel nor WPS re-measures a row whose height the file sets,
// so the annex writer estimates each row's height from its text. Pure functions, no exceljs.
//
// Units: column widths are Excel's, in widths of the default font's digit (Calibri 11: 7 px). A CJK
// glyph is one em, so at 10.5 pt (14 px) it is exactly two digit widths, and a half-width glyph one;
// other sizes scale from there.

import { breakUnits as chineseBreakUnits, fillLines } from '../../shared/domain/line-breaking';
import type { MeasuredParagraph } from '../../shared/domain/line-breaking';

export type { MeasuredParagraph } from '../../shared/domain/line-breaking';

/** Font size at which a CJK glyph is two digit widths wide. */
const REFERENCE_FONT_SIZE_PT = 10.5;

/** Excel refuses taller rows; text beyond this is cut off on screen and in print. */
export const MAX_ROW_HEIGHT_PT = 409;

/**
 * What a cell's text may use beyond its width in digit widths: Excel makes a column w digits wide
 * w × 7 + 5 px and pads the text 2 px, so about 0.4 of a digit more than w (LibreOffice gives more).
 */
const CELL_EXTRA_WIDTHS = 0.4;

export interface RowHeightOptions {
  /** Line pitch as a multiple of the font size. */
  lineHeightFactor?: number;
  /** Space above and below the text block together, in points. */
  paddingPt?: number;
  minHeightPt?: number;
}

export interface CellText {
  text: string;
  /** Column width (or the summed widths of a merge), in Excel width units. */
  columnWidth: number;
  fontSizePt: number;
  /** Indent level of the cell's alignment (an inner margin on the left). */
  indent?: number;
}

/**
 * Line pitch of wrapped text in a cell. 仿宋_GB2312 in Excel runs at about 1.3 em, but where the
 * GB2312 faces are missing (WPS on Linux, LibreOffice) the CJK substitute, Noto CJK, runs at 1.45 em.
 * The larger is taken: a little white space in Excel is better than cut-off text elsewhere.
 */
export const DEFAULT_LINE_HEIGHT_FACTOR = 1.45;
export const DEFAULT_PADDING_PT = 5;

/**
 * Whether a character takes a full em in a Chinese font. Besides the CJK blocks this counts the
 * East Asian "ambiguous" punctuation that Chinese fonts draw full width (“ ” — … · × Ⅱ ①):
 * overcounting costs a little white space, undercounting cuts text off.
 */
export function isWide(char: string): boolean {
  const code = char.codePointAt(0);
  if (code === undefined) return false;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x00b7 ||
    code === 0x00d7 ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2160 && code <= 0x217f) ||
    (code >= 0x2460 && code <= 0x26ff) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Width of a text in digit widths at the reference size: wide characters 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

/**
 * A half-width glyph's advance in digit widths. 1 in the GB2312 faces, but where they are missing
 * (LibreOffice, WPS on Linux) digits come from DejaVu Sans at 0.64 em: the wider is taken. "%" there
 * is as wide as a Chinese glyph (measured in LibreOffice's print).
 */
const NARROW_ADVANCE = 1.3;
const WIDE_IN_FALLBACK = new Set(['%', '@', 'W', 'M', 'm', 'w']);

/** Advance of one glyph in digit widths at the reference size. */
function glyphAdvance(char: string): number {
  return isWide(char) || WIDE_IN_FALLBACK.has(char) ? 2 : NARROW_ADVANCE;
}

function glyphAdvances(unit: string): number[] {
  return [...unit].map(glyphAdvance);
}

function advance(unit: string): number {
  let width = 0;
  for (const char of unit) width += glyphAdvance(char);
  return width;
}

/** The pieces a line may not be broken inside (shared/domain/line-breaking.ts), for this font model. */
export function breakUnits(paragraph: string): string[] {
  return chineseBreakUnits(paragraph, isWide);
}

/** Splits a text into paragraphs of break units; measure once, then lay out at many widths. */
export function measureText(text: string): MeasuredParagraph[] {
  return text.split(/\r\n|\r|\n/).map((paragraph) => {
    const units = breakUnits(paragraph);
    return { units, widths: units.map(advance), spaces: units.map((unit) => unit.trim() === '') };
  });
}

/** Digit widths a cell loses to its padding, plus the indent where the cell has one. */
export function usableWidth(columnWidth: number, indent = 0): number {
  return Math.max(columnWidth + CELL_EXTRA_WIDTHS - indent * INDENT_WIDTHS - SAFETY_WIDTHS, 1);
}

/**
 * Kept free on every line: LibreOffice fits a column 24 wide with exactly eleven glyphs of 11 pt
 * beside its indent, and a line estimated to the last hair is a line that may wrap once more there.
 */
const SAFETY_WIDTHS = 0.3;

/** Digit widths one indent level takes (Excel: 9 px; LibreOffice a little less). */
export const INDENT_WIDTHS = 1.3;

/** Lines of a measured text in a column, broken as Chinese typesetting does (shared/domain/line-breaking.ts). */
export function countLines(paragraphs: readonly MeasuredParagraph[], columnWidth: number, fontSizePt: number, indent = 0): number {
  const capacity = lineCapacity(columnWidth, fontSizePt, indent);
  let lines = 0;
  for (const paragraph of paragraphs) lines += fillLines(paragraph, capacity, glyphAdvances);
  return lines;
}

/**
 * The narrowest column (whole Excel units) that holds every unbreakable piece of these texts on one line
 * ("“12333”", "2016—2020年"), so no number or quoted name is split; at most `cap`, beyond which a piece
 * (a web address) is split after all.
 */
export function widestPieceColumn(texts: readonly string[], fontSizePt: number, indent: number, cap: number): number {
  let widest = 0;
  for (const text of texts) for (const { widths } of measureText(text)) for (const width of widths) widest = Math.max(widest, width);
  const needed = (widest * fontSizePt) / REFERENCE_FONT_SIZE_PT - CELL_EXTRA_WIDTHS + indent * INDENT_WIDTHS + SAFETY_WIDTHS;
  return Math.min(cap, Math.ceil(needed - 1e-9));
}

/** Room on one line in digit widths at the reference size. */
function lineCapacity(columnWidth: number, fontSizePt: number, indent: number): number {
  return usableWidth(columnWidth, indent) / (fontSizePt / REFERENCE_FONT_SIZE_PT);
}

/**
 * The text as the annex writes it into a cell: broken into lines as Chinese typesetting breaks them,
 * the breaks written as line feeds, so that every reader (Excel, WPS, LibreOffice) prints these lines
 * and no other. Every line fits the narrowest of them, so none wraps a line again.
 */
export function layoutCellText(text: string, columnWidth: number, fontSizePt: number, indent = 0): string {
  const capacity = lineCapacity(columnWidth, fontSizePt, indent);
  const lines: string[] = [];
  for (const paragraph of measureText(text)) fillLines(paragraph, capacity, glyphAdvances, lines);
  return lines.join('\n');
}

/**
 * The text of a cell the annex writer laid out, without the line feeds it added: a line feed is the
 * writer's where laying the paragraph out, joined across it, prints the lines before it as they are; any
 * other is the text's own. `fontSizesPt` are the sizes to try (exceljs reads 10.5 back as 10). For 导入清单
 * of the app's own annexes.
 */
export function unbreakCellText(text: string, columnWidth: number, fontSizesPt: readonly number[], indent = 0): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const paragraphs: string[][] = [[lines[0]!]];
  // Whether the layout breaks after a printed line depends on the piece that did not fit on it: on the next
  // line, or, when longer than a line ("5：1岁。。" in a narrow column), running on over the lines after it.
  // Run on, the line after the printed ones must be the next line as written: else a short line before a
  // long word ("说明\nab\ncdefghijklmnopqrstu") would pass for a break the writer made.
  const printsAs = (joined: string, printed: readonly string[], size: number, next: string | null) => {
    const laid = layoutCellText(joined, columnWidth, size, indent).split('\n');
    return laid.length > printed.length && printed.every((line, index) => laid[index] === line) && (next === null || laid[printed.length] === next);
  };
  lines.slice(1).forEach((line, index) => {
    const paragraph = paragraphs.at(-1)!;
    const text = paragraph.join('');
    const runOn = lines.slice(index + 1).join('');
    const soft = paragraph.at(-1) !== '' && line !== '' &&
      fontSizesPt.some((size) => printsAs(text + line, paragraph, size, null) || printsAs(text + runOn, paragraph, size, line));
    if (soft) paragraph.push(line);
    else paragraphs.push([line]);
  });
  return paragraphs.map((paragraph) => paragraph.join('')).join('\n');
}

/** How many lines a text wraps to in a column, breaking as Excel and LibreOffice do, roughly. */
export function estimateLineCount(text: string, columnWidth: number, fontSizePt: number, indent = 0): number {
  return countLines(measureText(text), columnWidth, fontSizePt, indent);
}

/** Height in points of a text block of this many lines. */
export function linesHeight(lines: number, fontSizePt: number, options: RowHeightOptions = {}): number {
  return lines * fontSizePt * (options.lineHeightFactor ?? DEFAULT_LINE_HEIGHT_FACTOR) + (options.paddingPt ?? DEFAULT_PADDING_PT);
}

/** Quarter points: what Excel itself stores, and it keeps the file stable across runs. */
export function roundHeight(height: number): number {
  return Math.min(Math.ceil(height * 4) / 4, MAX_ROW_HEIGHT_PT);
}

/** Height in points of a row holding these cells: the tallest cell decides. */
export function estimateRowHeight(cells: readonly CellText[], options: RowHeightOptions = {}): number {
  const lineHeightFactor = options.lineHeightFactor ?? DEFAULT_LINE_HEIGHT_FACTOR;
  const paddingPt = options.paddingPt ?? DEFAULT_PADDING_PT;
  let height = options.minHeightPt ?? 0;
  for (const cell of cells) {
    if (cell.text === '') continue;
    const lines = estimateLineCount(cell.text, cell.columnWidth, cell.fontSizePt, cell.indent ?? 0);
    height = Math.max(height, lines * cell.fontSizePt * lineHeightFactor + paddingPt);
  }
  return roundHeight(height);
}
