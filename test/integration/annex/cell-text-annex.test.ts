// Whatever text the cell-text rule lets into the database, the annex holds it exactly (with line feeds added
// where a printed line ends: the writer breaks Chinese lines itself) and opens in an independent reader
// (openpyxl); and formula-looking text is written as text, never as a formula.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { writeCatalogueAnnex } from '../../../electron/annex/catalogue-annex';
import { checkCellText } from '../../../shared/domain/cell-text';
import { buildLargeCatalogueDetail } from '../../fixtures/catalogue-detail';
import { cellText } from '../../support/cell-text-arbitrary';
import { freshTempDir, hasOpenpyxl, readWithOpenpyxl, skipWithout } from './system-tools';

interface Seen {
  cells: Record<string, { value: string | number }>;
}

describe.skipIf(skipWithout(hasOpenpyxl))('cell text in the annex', () => {
  it('property: every text the rule accepts is read back by openpyxl as stored, line feeds only added', async () => {
    const seed = Date.now();
    // One annex holds a whole sample (a Python start per string would take minutes): 160 strings a run.
    const texts = fc
      .sample(cellText, { numRuns: 600, seed })
      .map((t) => checkCellText(t))
      .flatMap((c) => (c.ok && c.text !== null ? [c.text] : []))
      .slice(0, 160);
    expect(texts.length, `seed ${seed}`).toBeGreaterThan(100);
    const detail = buildLargeCatalogueDetail();
    detail.items.forEach((item, i) => {
      item.standard = texts[2 * i] ?? item.standard;
      item.targetGroup = texts[2 * i + 1] ?? item.targetGroup;
    });
    const file = join(freshTempDir('annex-property-'), 'annex.xlsx');
    writeFileSync(file, await writeCatalogueAnnex(detail));
    const seen = await readWithOpenpyxl<Seen>(file);
    const unbroken = (value: unknown) => (typeof value === 'string' ? value.replaceAll('\n', '') : value);
    const values = new Set(Object.values(seen.cells).map((c) => unbroken(c.value)));
    const missing = texts.filter((t) => !values.has(unbroken(t)));
    expect(missing.map((t) => JSON.stringify(t)), `seed ${seed}`).toEqual([]);
  });

  it('writes formula-looking text as text: no formula in the sheet, the text in the shared strings', async () => {
    const detail = buildLargeCatalogueDetail();
    const formulas = ['=HYPERLINK("http://example.com","点我")', '=1+1', "=cmd|' /C calc'!A0", '+1', '-2+3', '@SUM(A1:A2)'];
    formulas.forEach((f, i) => (detail.items[i]!.standard = f));
    const zip = await JSZip.loadAsync(await writeCatalogueAnnex(detail));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[\s>]/);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    const xml = (t: string) => t.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&apos;').replaceAll('<', '&lt;');
    const texts = [...strings.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/gu)].map((m) => m[1]!.replaceAll('\n', ''));
    for (const f of formulas) expect(texts.includes(xml(f)), f).toBe(true);
  });
});
