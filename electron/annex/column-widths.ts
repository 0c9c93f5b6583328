// Column widths chosen from the text the columns hold. The table's total width is fixed by the type
// area; what is free is how it is shared. The share that makes the printed table shortest is the one
// where no column wraps to many lines beside short neighbours: minimise the sum of the rows' heights
// (each the height of its tallest cell) by moving width, a unit at a time, from one column to another
// while that helps. Pure: no exceljs.
import { countLines, linesHeight, measureText, roundHeight } from './row-height';
import type { MeasuredParagraph, RowHeightOptions } from './row-height';

export interface WidthColumn {
  /** Each row's text in this column, in row order ('' where empty). */
  texts: readonly string[];
  /** The narrowest the column may be, in Excel width units. */
  minWidth: number;
  /** Where the widths' total is not yet known, the column's share to start from (1 when omitted). */
  weight?: number;
}

export interface WidthProblem {
  columns: readonly WidthColumn[];
  /** The sum of the widths, in Excel width units. */
  totalWidth: number;
  fontSizePt: number;
  indent: number;
  rowHeight: RowHeightOptions;
  /**
   * How many pages the table prints on with these row heights. When given, a second search looks for
   * widths that save a page, at the price of a slightly taller table if need be.
   */
  pagesOf?: (rowHeights: readonly number[]) => number;
}

export interface WidthSolution {
  widths: number[];
  /** Each row's height in points at these widths. */
  rowHeights: number[];
  /** Sum of the row heights, the quantity minimised. */
  totalHeight: number;
}

/** Lines of every row of one column at one width, computed once per width tried. */
class ColumnLines {
  private readonly cache = new Map<number, Int32Array>();
  private readonly measured: MeasuredParagraph[][];

  constructor(texts: readonly string[], private readonly fontSizePt: number, private readonly indent: number) {
    this.measured = texts.map((text) => (text === '' ? [] : measureText(text)));
  }

  at(width: number): Int32Array {
    let lines = this.cache.get(width);
    if (lines === undefined) {
      lines = new Int32Array(this.measured.length);
      this.measured.forEach((paragraphs, row) => {
        lines![row] = paragraphs.length === 0 ? 0 : countLines(paragraphs, width, this.fontSizePt, this.indent);
      });
      this.cache.set(width, lines);
    }
    return lines;
  }
}

function totalLines(columns: readonly ColumnLines[], widths: readonly number[], rows: number, minLines: number): number {
  const lines = columns.map((column, index) => column.at(widths[index]!));
  let total = 0;
  for (let row = 0; row < rows; row += 1) {
    let tallest = minLines;
    for (const column of lines) if (column[row]! > tallest) tallest = column[row]!;
    total += tallest;
  }
  return total;
}

/** Splits `total` in proportion to the weights, each at least its minimum, in whole units. */
function initialWidths(columns: readonly WidthColumn[], total: number): number[] {
  const minimum = columns.reduce((sum, column) => sum + column.minWidth, 0);
  const spare = Math.max(total - minimum, 0);
  const weights = columns.map((column) => column.weight ?? 1);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const widths = columns.map((column, index) => column.minWidth + Math.floor((spare * weights[index]!) / weightSum));
  let left = total - widths.reduce((sum, width) => sum + width, 0);
  for (let index = 0; left > 0; index = (index + 1) % widths.length, left -= 1) widths[index]! += 1;
  return widths;
}

/**
 * The widths (whole units, each at least its minimum, summing to the total) that make the table
 * shortest. Local search from a proportional start: at each step the best single move of 1–4 units
 * between two columns, until no move shortens the table; ties keep the earlier, steadier widths.
 */
export function chooseColumnWidths(problem: WidthProblem): WidthSolution {
  const { columns, totalWidth, fontSizePt, indent, rowHeight } = problem;
  const rows = Math.max(0, ...columns.map((column) => column.texts.length));
  const minimum = columns.reduce((sum, column) => sum + column.minWidth, 0);
  if (minimum > totalWidth) {
    throw new RangeError(`columns need ${minimum} width units, the type area gives ${totalWidth}`);
  }
  const lines = columns.map((column) => new ColumnLines(column.texts, fontSizePt, indent));
  // A row is never lower than its minimum height: lines below that cost nothing.
  const minLines = Math.max(0, Math.floor(((rowHeight.minHeightPt ?? 0) - (rowHeight.paddingPt ?? 0)) / (fontSizePt * (rowHeight.lineHeightFactor ?? 1.45))));
  const widths = initialWidths(columns, totalWidth);
  let best = totalLines(lines, widths, rows, minLines);
  for (;;) {
    let move: { from: number; to: number; step: number; score: number } | null = null;
    for (const step of [4, 2, 1]) {
      for (let from = 0; from < widths.length; from += 1) {
        if (widths[from]! - step < columns[from]!.minWidth) continue;
        for (let to = 0; to < widths.length; to += 1) {
          if (to === from) continue;
          widths[from]! -= step;
          widths[to]! += step;
          const score = totalLines(lines, widths, rows, minLines);
          widths[from]! += step;
          widths[to]! -= step;
          if (score < (move?.score ?? best)) move = { from, to, step, score };
        }
      }
    }
    if (move === null) break;
    widths[move.from]! -= move.step;
    widths[move.to]! += move.step;
    best = move.score;
  }
  const heightsAt = (at: readonly number[]) =>
    Array.from({ length: rows }, (_, row) => {
      let tallest = 0;
      lines.forEach((column, index) => {
        tallest = Math.max(tallest, column.at(at[index]!)[row]!);
      });
      return roundHeight(Math.max(rowHeight.minHeightPt ?? 0, linesHeight(tallest, fontSizePt, rowHeight)));
    });
  if (problem.pagesOf !== undefined) fewerPages(problem.pagesOf, widths, columns, heightsAt, (at) => totalLines(lines, at, rows, minLines));
  const rowHeights = heightsAt(widths);
  return { widths, rowHeights, totalHeight: rowHeights.reduce((sum, height) => sum + height, 0) };
}

/**
 * Moves width between columns while that saves a page (or keeps the pages and shortens the table),
 * starting from the shortest table. Row heights are unsplittable, so the shortest table is not always
 * the one on fewest pages: a row that just misses the foot of a page pushes the rest down.
 */
function fewerPages(
  pagesOf: (rowHeights: readonly number[]) => number,
  widths: number[],
  columns: readonly WidthColumn[],
  heightsAt: (widths: readonly number[]) => number[],
  linesAt: (widths: readonly number[]) => number,
): void {
  const score = (at: readonly number[]) => pagesOf(heightsAt(at)) * 1e9 + linesAt(at);
  let best = score(widths);
  for (let round = 0; round < 200; round += 1) {
    let move: { from: number; to: number; step: number; score: number } | null = null;
    for (const step of [8, 4, 2, 1]) {
      for (let from = 0; from < widths.length; from += 1) {
        if (widths[from]! - step < columns[from]!.minWidth) continue;
        for (let to = 0; to < widths.length; to += 1) {
          if (to === from) continue;
          widths[from]! -= step;
          widths[to]! += step;
          const candidate = score(widths);
          widths[from]! += step;
          widths[to]! -= step;
          if (candidate < (move?.score ?? best)) move = { from, to, step, score: candidate };
        }
      }
    }
    if (move === null) return;
    widths[move.from]! -= move.step;
    widths[move.to]! += move.step;
    best = move.score;
  }
}
