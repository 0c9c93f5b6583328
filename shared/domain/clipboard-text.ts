// A block of cells as Excel and WPS put it on the clipboard and read it back: tab-separated text with
// CRLF row ends, a cell holding a tab, a line break or a quote wrapped in quotes with its quotes doubled;
// and the same block as an HTML table, which Excel and WPS paste as cells (they keep line breaks in a
// cell only from the HTML when it marks them with <br> and mso-data-placement).

/** Rows of cells, top to bottom, left to right; rows may differ in length (a ragged block). */
export type CellBlock = string[][];

/**
 * Whether a block's first row is its header, copied from Excel or a grid with the columns' names: every cell
 * empty or a name of the column it lands on (`names(text, j)` for the j-th cell), one at least not empty.
 */
export function isHeaderRow(cells: readonly string[], names: (text: string, j: number) => boolean): boolean {
  const named = cells.map((c) => c.trim());
  return named.some((c) => c !== '') && named.every((cell, j) => cell === '' || names(cell, j));
}

const NEEDS_QUOTES = /[\t\r\n"]/u;

function quoteCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The block as Excel writes it: cells joined by tabs, rows ended by CRLF (the last one too). */
export function formatTsv(block: CellBlock): string {
  return block.map((row) => `${row.map(quoteCell).join('\t')}\r\n`).join('');
}

/**
 * Reads tab-separated text as Excel and WPS write it, and as a planner types it: a cell starting with a
 * quote runs to the matching quote (doubled quotes inside are one), so it may hold tabs and line breaks;
 * rows end at CRLF, LF or a lone CR; one line break at the very end ends the last row and adds no empty
 * one. Blank lines at the end of a block of several columns (copied from Notepad with the cursor a line lower)
 * are not rows: Excel writes every row of a block with its tabs, and pasted, such a line cleared the first
 * driver of the item below the block, priced or not. A quote not at a cell's start is an ordinary character,
 * as Excel reads it.
 */
export function parseTsv(text: string): CellBlock {
  const rows: CellBlock = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i <= n) {
    let cell = '';
    if (text[i] === '"') {
      // A quoted cell: only when its closing quote is followed by a separator or the end is it read as
      // quoted; otherwise (`"abc"def`) Excel keeps the text as typed, and so do we.
      const quoted = readQuoted(text, i);
      if (quoted) {
        // Excel writes a line break inside a cell as LF; a CRLF there (WPS, a hand-made file) is the same break.
        cell = quoted.value.replace(/\r\n?/gu, '\n');
        i = quoted.end;
      } else {
        const end = nextSeparator(text, i);
        cell = text.slice(i, end);
        i = end;
      }
    } else {
      const end = nextSeparator(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    const c = text[i];
    if (c === '\t') {
      i += 1;
      continue;
    }
    // A row end: CRLF, LF or CR.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow();
    if (i >= n) break;
  }
  const blankLine = (cells: string[]) => cells.length === 1 && cells[0]!.trim() === '';
  if (rows.some((cells) => cells.length > 1)) while (rows.length > 1 && blankLine(rows.at(-1)!)) rows.pop();
  return rows;
}

function nextSeparator(text: string, from: number): number {
  for (let j = from; j < text.length; j += 1) {
    const c = text[j];
    if (c === '\t' || c === '\n' || c === '\r') return j;
  }
  return text.length;
}

function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let j = start + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '"') {
      if (text[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      const after = text[j + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, end: j + 1 };
      return null;
    }
    value += c;
    j += 1;
  }
  return null;
}

/** A block typed or copied as one value with nothing to split: one cell. */
export function isSingleCell(block: CellBlock): boolean {
  return block.length === 1 && block[0]!.length === 1;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * The block as an HTML table. Line breaks inside a cell become <br> with Excel's own
 * `mso-data-placement:same-cell`, so Excel and WPS keep them in one cell instead of splitting rows.
 */
export function formatHtml(block: CellBlock): string {
  const body = block
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell).replace(/\r\n|\r|\n/gu, '<br style="mso-data-placement:same-cell;"/>')}</td>`).join('')}</tr>`)
    .join('');
  return `<html><head><meta charset="utf-8"><style>br{mso-data-placement:same-cell;}td{white-space:normal;vertical-align:top;}</style></head><body><table>${body}</table></body></html>`;
}

/** Cells of the block, counted (a ragged block counts the cells it has). */
export function cellCount(block: CellBlock): number {
  return block.reduce((sum, row) => sum + row.length, 0);
}

/** Makes the block rectangular, padding short rows with empty cells (what Excel pastes for them). */
export function rectangular(block: CellBlock): CellBlock {
  const width = Math.max(0, ...block.map((r) => r.length));
  return block.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
}
