// Where the printed pages break. The annex sets every row's height itself, so the pages can be laid
// out here rather than left to Excel, WPS and LibreOffice, which each break in their own place and
// would happily leave a 领域 heading alone at the foot of a page. Pure: no exceljs.

export interface PrintedRow {
  /** Height in points, as written to the file. */
  height: number;
  /** A row that must stay on the page of the row after it (a 领域 heading, the title lines). */
  keepWithNext: boolean;
}

export interface PageFrame {
  /** Printable height of a page in points: paper less top and bottom margins. */
  pageHeight: number;
  /** Height of the rows repeated at the top of every page after the first (the header row). */
  repeatedHeight: number;
  /** Points left unused at the foot of each page, for renderers whose rows come out a little taller. */
  slack: number;
}

/**
 * The rows (0-based indexes into `rows`) after which a new page starts. Greedy, page by page: a row
 * that does not fit starts a new page, and takes with it the rows before it that must keep with it.
 * The first page carries its own header rows among `rows`; later pages start with the repeated ones.
 */
export function pageBreaks(rows: readonly PrintedRow[], frame: PageFrame): number[] {
  const breaks: number[] = [];
  const room = (first: boolean) => frame.pageHeight - frame.slack - (first ? 0 : frame.repeatedHeight);
  let pageStart = 0;
  let used = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const height = rows[index]!.height;
    if (used + height <= room(breaks.length === 0) || index === pageStart) {
      used += height;
      continue;
    }
    // Move back over the rows that must stay with this one; if that would empty the page (it holds
    // nothing else), they stay together where they are and this row starts the next page.
    let start = index;
    while (start - 1 >= pageStart && rows[start - 1]!.keepWithNext) start -= 1;
    if (start === pageStart) start = index;
    breaks.push(start - 1);
    pageStart = start;
    used = 0;
    for (let row = start; row <= index; row += 1) used += rows[row]!.height;
  }
  return breaks;
}

/** How many pages the rows print on with these breaks. */
export function pageCount(rows: readonly PrintedRow[], breaks: readonly number[]): number {
  return rows.length === 0 ? 0 : breaks.length + 1;
}
