import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_DOCUMENTS } from '../../../electron/importers/documents';
import { cleanGansuText } from '../../../electron/importers/gansu';

const documentsDir = new URL('../../../seeds/documents/', import.meta.url);
const readme = readFileSync(new URL('README.md', documentsDir), 'utf8');
const text = (fileName: string): string => {
  const raw = readFileSync(new URL(fileName, documentsDir), 'utf8');
  return fileName.startsWith('gansu') ? cleanGansuText(raw) : raw;
};

describe('SEED_DOCUMENTS', () => {
  it('lists the five seed documents once each', () => {
    expect(SEED_DOCUMENTS.map((d) => d.id)).toEqual([
      'national-13th-plan',
      'henan-13th-plan',
      'hebei-13th-plan',
      'gansu-13th-plan',
      'national-14th-plan',
    ]);
    expect(new Set(SEED_DOCUMENTS.map((d) => d.fileName)).size).toBe(5);
  });

  it('points at files that exist, under the original names the README maps them to', () => {
    for (const doc of SEED_DOCUMENTS) {
      expect(existsSync(new URL(doc.fileName, documentsDir)), doc.fileName).toBe(true);
      expect(readme, doc.fileName).toContain(`| ${doc.fileName} | ${doc.originalFile} |`);
    }
  });

  it('takes title, number and date from the documents themselves', () => {
    for (const doc of SEED_DOCUMENTS) {
      const body = text(doc.fileName);
      expect(body, doc.id).toContain(doc.title);
      if (doc.docNumber !== null) expect(body, doc.id).toContain(doc.docNumber);
      if (doc.issuer !== null) expect(body, doc.id).toContain(doc.issuer);
      if (doc.issuedOn !== null) {
        const [y, m, d] = doc.issuedOn.split('-').map(Number);
        expect(body, doc.id).toContain(`${y}年${m}月${d}日`);
      }
    }
  });

  it('leaves unknown facts null rather than guessed', () => {
    const henan = SEED_DOCUMENTS.find((d) => d.id === 'henan-13th-plan');
    const national14 = SEED_DOCUMENTS.find((d) => d.id === 'national-14th-plan');
    expect(henan?.docNumber).toBeNull();
    expect(national14).toMatchObject({ issuer: null, docNumber: null, issuedOn: null, period: '十四五' });
  });
});
