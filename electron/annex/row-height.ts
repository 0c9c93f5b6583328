// exceljs cannot auto-fit rows, and neither Excel nor WPS re-measures a row whose height the file sets,
// so the annex writer estimates each row's height from its text. Pure functions, no exceljs.
//
// Units: column widths are Excel's, in widths of the default font's digit (Calibri 11: 7 px). A CJK
// glyph is one em, so at 10.5 pt (14 px) it is exactly two digit widths, and a half-width glyph one;
// other sizes scale from there.

/** Font size at which a CJK glyph is two digit widths wide. */
const REFERENCE_FONT_SIZE_PT = 10.5;

/** Excel refuses taller rows; text beyond this is cut off on screen and in print. */
export const MAX_ROW_HEIGHT_PT = 409;

/** Cell padding on both sides together, in digit widths (Excel ~2×2 px, LibreOffice ~2×0.35 mm). */
const CELL_PADDING_WIDTHS = 1;

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
}

/**
 * Line pitch of wrapped text in a cell. 仿宋_GB2312 in Excel runs at about 1.3 em, but where the
 * GB2312 faces are missing (WPS on Linux, LibreOffice) the CJK substitute, Noto CJK, runs at 1.45 em.
 * The larger is taken: a little white space in Excel is better than cut-off text elsewhere.
 */
export const DEFAULT_LINE_HEIGHT_FACTOR = 1.45;
export const DEFAULT_PADDING_PT = 6;

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

// Punctuation that may not begin a line (避头点); it stays with the glyph before it.
const NO_LINE_START = '，。、；：！？）》」』】〕”’％‰,.;:!?)]}%';

/**
 * The units a line breaker keeps together: one wide glyph, a run of half-width non-space characters
 * (a number, a Latin word), or a space; each with the closing punctuation that follows it.
 */
function breakUnits(paragraph: string): string[] {
  const units: string[] = [];
  let current = '';
  let kind: 'wide' | 'narrow' | 'space' = 'space';
  for (const char of paragraph) {
    if (NO_LINE_START.includes(char) && current !== '' && kind !== 'space') {
      current += char;
      continue;
    }
    const next = isWide(char) ? 'wide' : char === ' ' || char === '\t' ? 'space' : 'narrow';
    if (next === 'narrow' && kind === 'narrow') {
      current += char;
      continue;
    }
    if (current !== '') units.push(current);
    current = char;
    kind = next;
  }
  if (current !== '') units.push(current);
  return units;
}

/** How many lines a text wraps to in a column, breaking as Excel and LibreOffice do, roughly. */
export function estimateLineCount(text: string, columnWidth: number, fontSizePt: number): number {
  const scale = fontSizePt / REFERENCE_FONT_SIZE_PT;
  const usable = Math.max(columnWidth - CELL_PADDING_WIDTHS, 1);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let paragraphLines = 1;
    let used = 0;
    for (const unit of breakUnits(paragraph)) {
      const width = displayWidth(unit) * scale;
      if (used > 0 && used + width > usable) {
        paragraphLines += 1;
        used = 0;
        // Spaces at a break vanish rather than starting the next line.
        if (unit.trim() === '') continue;
      }
      // A unit wider than the whole column is split glyph by glyph.
      if (width > usable) {
        const extra = Math.ceil(width / usable) - 1;
        paragraphLines += extra;
        used = width - extra * usable;
      } else {
        used += width;
      }
    }
    lines += paragraphLines;
  }
  return lines;
}

/** Height in points of a row holding these cells: the tallest cell decides. */
export function estimateRowHeight(cells: readonly CellText[], options: RowHeightOptions = {}): number {
  const lineHeightFactor = options.lineHeightFactor ?? DEFAULT_LINE_HEIGHT_FACTOR;
  const paddingPt = options.paddingPt ?? DEFAULT_PADDING_PT;
  let height = options.minHeightPt ?? 0;
  for (const cell of cells) {
    if (cell.text === '') continue;
    const lines = estimateLineCount(cell.text, cell.columnWidth, cell.fontSizePt);
    height = Math.max(height, lines * cell.fontSizePt * lineHeightFactor + paddingPt);
  }
  // Quarter points: what Excel itself stores, and it keeps the file stable across runs.
  return Math.min(Math.ceil(height * 4) / 4, MAX_ROW_HEIGHT_PT);
}
