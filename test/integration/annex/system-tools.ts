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
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*)<\/word>/.exec(line);
    if (word) words.push({ page, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), text: word[4] ?? '' });
  }
  return { pageWidth, pageHeight, words };
}

/** Renders one page to PNG (for a person to look at) and returns the file's path. */
export async function renderPage(pdfPath: string, page: number, outPrefix: string): Promise<string> {
  await run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, outPrefix]);
  return `${outPrefix}.png`;
}
