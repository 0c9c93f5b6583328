// Prints the annex with LibreOffice and reads the PDF: the only way to see that the print titles,
// the page numbers and the type area work, rather than that the file merely claims them.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCatalogueAnnex } from '../../../electron/annex/catalogue-annex';
import { domainHeading } from '../../../shared/domain/numerals';
import type { CatalogueDetail } from '../../../shared/domain/catalogue';
import { buildCatalogueDetail, buildLargeCatalogueDetail } from '../../fixtures/catalogue-detail';
import type { PdfWord } from './system-tools';
import { convertToPdf, freshTempDir, hasLibreOffice, hasPoppler, pdfPages, pdfWords, renderPage, skipWithout } from './system-tools';

const PT_PER_MM = 72 / 25.4;
/** Where a person can look at the first page: QINGDAN_ANNEX_PREVIEW=<folder>, else the run's temp folder. */
const PREVIEW_DIR = process.env.QINGDAN_ANNEX_PREVIEW ?? freshTempDir('annex-preview-');

interface Printed {
  pages: string[];
  words: PdfWord[];
  pageWidth: number;
  pageHeight: number;
}

async function readPdf(pdf: string): Promise<Printed> {
  const [pages, { words, pageWidth, pageHeight }] = await Promise.all([pdfPages(pdf), pdfWords(pdf)]);
  return { pages, words, pageWidth, pageHeight };
}

/** The page number as printed at the foot of a page ("— 7 —"), and where its first dash starts. */
function footerNumber(printed: Printed, page: number): { number: number; xMin: number } | null {
  const foot = printed.words.filter((word) => word.page === page && word.yMin > printed.pageHeight * 0.85);
  const match = /—\s*(\d+)\s*—/.exec(foot.map((word) => word.text).join(' '));
  const first = foot[0];
  if (match?.[1] === undefined || first === undefined) return null;
  return { number: Number(match[1]), xMin: Math.min(...foot.map((word) => word.xMin)) };
}

function headerLine(detail: CatalogueDetail): RegExp {
  const labels = [
    detail.columnLabels.itemNo,
    detail.columnLabels.name,
    detail.columnLabels.targetGroup,
    detail.columnLabels.standard,
    detail.columnLabels.fundingResponsibility,
    detail.columnLabels.leadDepartment,
  ];
  return new RegExp(labels.join('\\s+'));
}

describe.skipIf(skipWithout(hasLibreOffice, hasPoppler))('catalogue annex printed by LibreOffice', () => {
  const large = buildLargeCatalogueDetail();
  const small = buildCatalogueDetail();
  let largePdf: string;
  let largePrinted: Printed;
  let continuedPrinted: Printed;

  beforeAll(async () => {
    const dir = freshTempDir('annex-print-');
    const largeXlsx = join(dir, 'hebei.xlsx');
    const continuedXlsx = join(dir, 'continued.xlsx');
    writeFileSync(largeXlsx, await writeCatalogueAnnex(large));
    writeFileSync(continuedXlsx, await writeCatalogueAnnex(small, { firstPageNumber: 5 }));
    const [pdf, continuedPdf] = await convertToPdf([largeXlsx, continuedXlsx], dir);
    if (pdf === undefined || continuedPdf === undefined) throw new Error('conversion returned no PDF');
    largePdf = pdf;
    [largePrinted, continuedPrinted] = await Promise.all([readPdf(pdf), readPdf(continuedPdf)]);
  }, 120_000);

  it('prints the 81 items on several landscape A4 pages', () => {
    expect(largePrinted.pages.length).toBeGreaterThan(1);
    expect(largePrinted.pageWidth).toBeCloseTo(297 * PT_PER_MM, 0);
    expect(largePrinted.pageHeight).toBeCloseTo(210 * PT_PER_MM, 0);
  });

  it('repeats the header row at the top of every page', () => {
    const header = headerLine(large);
    largePrinted.pages.forEach((page, index) => expect(page, `page ${index + 1}`).toMatch(header));
  });

  it('prints the label and title once, on the first page, and every domain heading', () => {
    const [first, ...rest] = largePrinted.pages;
    expect(first).toContain('附件1');
    expect(first).toContain(large.annexTitle);
    for (const page of rest) expect(page).not.toContain(large.annexTitle);
    const all = largePrinted.pages.join('\n');
    for (const domain of large.domains) expect(all).toContain(domainHeading(domain.seq, domain.name));
  });

  it('numbers the pages "— n —", odd pages on the right and even pages on the left', () => {
    expect(largePrinted.pages[1]).toMatch(/—\s*2\s*—/);
    largePrinted.pages.forEach((_, index) => {
      const page = index + 1;
      const footer = footerNumber(largePrinted, page);
      expect(footer?.number, `page ${page}`).toBe(page);
      const onRight = (footer?.xMin ?? 0) > largePrinted.pageWidth / 2;
      expect(onRight, `page ${page}`).toBe(page % 2 === 1);
    });
  });

  it('continues the numbering from the page it is told', () => {
    expect(footerNumber(continuedPrinted, 1)?.number).toBe(5);
    expect(continuedPrinted.pages.length).toBeGreaterThan(1);
    expect(footerNumber(continuedPrinted, 2)?.number).toBe(6);
    expect(continuedPrinted.pages[0]).toMatch(headerLine(small));
  });

  it('keeps the table inside the type area of the page', () => {
    const left = 37 * PT_PER_MM;
    const right = largePrinted.pageWidth - 35 * PT_PER_MM;
    const top = 28 * PT_PER_MM;
    const body = largePrinted.words.filter((word) => word.yMin < largePrinted.pageHeight * 0.85);
    expect(Math.min(...body.map((word) => word.xMin))).toBeGreaterThanOrEqual(left - 1);
    expect(Math.max(...body.map((word) => word.xMax))).toBeLessThanOrEqual(right + 1);
    expect(Math.min(...body.map((word) => word.yMin))).toBeGreaterThanOrEqual(top - 1);
  });

  it('renders the first page to a picture for a person to look at', async () => {
    mkdirSync(PREVIEW_DIR, { recursive: true });
    const png = await renderPage(largePdf, 1, join(PREVIEW_DIR, 'catalogue-annex-page1'));
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });
});
