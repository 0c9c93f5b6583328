// The Debian tools the annex tests use as independent judges of our files: openpyxl reads them,
// LibreOffice prints them, poppler turns the print into text and pictures. The test command installs
// them; these helpers let a suite skip only where a tool is really absent.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tempDir } from '../../support/temp-db';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's python, which has openpyxl (the pyenv one on PATH does not). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

function succeeds(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return result.error === undefined && result.status === 0;
}

export const hasOpenpyxl = existsSync(SYSTEM_PYTHON) && succeeds(SYSTEM_PYTHON, ['-c', 'import openpyxl']);
export const hasLibreOffice = succeeds('soffice', ['--version']);
export const hasPoppler = succeeds('pdftotext', ['-v']) && succeeds('pdftoppm', ['-v']);

/**
 * Under `npm test` and in CI a missing or broken tool is a failure, not a reason to skip: the suite runs and
 * says what is missing. Only a developer running one file by hand may skip.
 */
export const toolsRequired = process.env.CI === 'true' || process.env.QINGDAN_REQUIRE_TOOLS === '1';
export function skipWithout(...present: boolean[]): boolean {
  return !toolsRequired && present.some((p) => !p);
}

export function freshTempDir(prefix: string): string {
  return tempDir(prefix).dir;
}

/** Runs read_annex.py on a file and returns what it printed. */
export async function readWithOpenpyxl<T>(xlsxPath: string): Promise<T> {
  const script = new URL('./read_annex.py', import.meta.url).pathname;
  const { stdout } = await run(SYSTEM_PYTHON, [script, xlsxPath], { maxBuffer: 32 * 1024 * 1024 });
  return JSON.parse(stdout) as T;
}

/**
 * Prints .xlsx files to PDF with LibreOffice. Each call gets its own profile directory: two soffice
 * processes sharing one profile wait on each other's lock or fail.
 */
export async function convertToPdf(xlsxPaths: readonly string[], outDir: string): Promise<string[]> {
  const profile = freshTempDir('annex-lo-profile-');
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...xlsxPaths],
    { timeout: 90_000 },
  );
  return xlsxPaths.map((path) => {
    const pdf = join(outDir, basename(path).replace(/\.xlsx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
    return pdf;
  });
}

/** The text of each page, laid out as printed. */
export async function pdfPages(pdfPath: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdfPath, '-'], { maxBuffer: 32 * 1024 * 1024 });
  const pages = stdout.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its position (points from the top left), from pdftotext -bbox. */
export async function pdfWords(pdfPath: string): Promise<{ pageWidth: number; pageHeight: number; words: PdfWord[] }> {
  const out = join(freshTempDir('annex-bbox-'), 'words.html');
  await run('pdftotext', ['-bbox', pdfPath, out]);
  const html = readFileSync(out, 'utf8');
  const words: PdfWord[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  let page = 0;
  for (const line of html.split('\n')) {
    const pageMatch = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (pageMatch) {
      page += 1;
      pageWidth = Number(pageMatch[1]);
      pageHeight = Number(pageMatch[2]);
      continue;
    }
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) words.push({ page, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]), text: word[5] ?? '' });
  }
  return { pageWidth, pageHeight, words };
}

/** Renders one page to PNG (for a person to look at) and returns the file's path. */
export async function renderPage(pdfPath: string, page: number, outPrefix: string): Promise<string> {
  await run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, outPrefix]);
  return `${outPrefix}.png`;
}

/** A sheet as openpyxl reads it (read_annex.py): what is needed to find its printed rows. */
export interface PrintedSheet {
  rowBreaks: number[];
  rowHeights: Array<number | null>;
  topMargin: number;
}

/** The annexes' header row, repeated at the top of every page after the first. */
const HEADER_ROW = 5;

/**
 * Where each printed page's rows begin and end (points from the top), from the file's own row heights
 * and breaks: printed at 100 %, a page's table starts at the top margin, after the first page with the
 * repeated header row. Pages are numbered on through the sheets, as the PDF numbers them.
 */
function pageRowEdges(sheets: readonly PrintedSheet[]): number[][] {
  const pages: number[][] = [];
  for (const sheet of sheets) {
    const height = (row: number) => sheet.rowHeights[row - 1] ?? 15;
    const starts = [1, ...sheet.rowBreaks.map((b) => b + 1)];
    const ends = [...sheet.rowBreaks, sheet.rowHeights.length];
    starts.forEach((start, index) => {
      const rows = [...(index === 0 ? [] : [HEADER_ROW]), ...Array.from({ length: ends[index]! - start + 1 }, (_, k) => start + k)];
      let y = sheet.topMargin * 72;
      const edges = [y];
      for (const row of rows) edges.push((y += height(row)));
      pages.push(edges);
    });
  }
  return pages;
}

/** A line of text that crosses one of its page's row edges is text its row cannot hold. */
export function rowEdgeCrossings(sheets: readonly PrintedSheet[], words: readonly PdfWord[]): string[] {
  const crossings: string[] = [];
  pageRowEdges(sheets).forEach((edges, index) => {
    const onPage = words.filter((w) => w.page === index + 1 && w.yMin > edges[0]! - 1 && w.yMin < edges.at(-1)!);
    for (const word of onPage) {
      const crossed = edges.find((edge) => word.yMin < edge - 1 && word.yMax > edge + 1);
      if (crossed !== undefined) crossings.push(`page ${index + 1}: “${word.text}” crosses y=${crossed.toFixed(1)}`);
    }
  });
  return crossings;
}

/**
 * The printed lines of every cell, read from the PDF alone: words on one baseline and close together
 * (less than a glyph apart) are one line of one cell; the lines of a cell share its left edge (the text
 * is set flush left) and its row (between two row edges of the page).
 */
export function printedCells(sheets: readonly PrintedSheet[], words: readonly PdfWord[]): string[][] {
  const cells = new Map<string, Array<{ y: number; text: string }>>();
  pageRowEdges(sheets).forEach((edges, index) => {
    const onPage = words.filter((w) => w.page === index + 1).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const lines: PdfWord[][] = [];
    for (const word of onPage) {
      const line = lines.find((l) => Math.abs(l[0]!.yMin - word.yMin) < 1 && word.xMin - l.at(-1)!.xMax < 6 && word.xMin >= l.at(-1)!.xMax - 1);
      if (line) line.push(word);
      else lines.push([word]);
    }
    for (const line of lines) {
      const row = edges.findIndex((edge) => edge > line[0]!.yMin);
      const key = `${index}:${row}:${Math.round(line[0]!.xMin)}`;
      const text = line.map((w, k) => (k > 0 && w.xMin - line[k - 1]!.xMax > 1.5 ? ' ' : '') + w.text).join('');
      cells.set(key, [...(cells.get(key) ?? []), { y: line[0]!.yMin, text }]);
    }
  });
  return [...cells.values()].map((lines) => lines.sort((a, b) => a.y - b.y).map((line) => line.text));
}
