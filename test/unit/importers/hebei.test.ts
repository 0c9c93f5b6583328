import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHebei } from '../../../electron/importers/hebei';
import type { SeedItem, SeedTask } from '../../../electron/importers/types';
import { THIRTEENTH_PLAN_DOMAINS } from '../../fixtures/thirteenth-domains';

const raw = readFileSync(new URL('../../../seeds/documents/hebei-13th-plan.txt', import.meta.url), 'utf8');
const sample = JSON.parse(readFileSync(new URL('../../fixtures/hebei-sample-items.json', import.meta.url), 'utf8')) as {
  items: (SeedItem & { line: number; domain: string })[];
  tasks: (SeedTask & { line: number })[];
};

/** The raw text with one line replaced (1-based line number), to break the structure on purpose. */
function withLine(lineNo: number, edit: (line: string) => string | null): string {
  const lines = raw.split('\n');
  const edited = edit(lines[lineNo - 1]!);
  if (edited === null) lines.splice(lineNo - 1, 1);
  else lines[lineNo - 1] = edited;
  return lines.join('\n');
}

describe('parseHebei', () => {
  const catalogue = parseHebei(raw);
  const items = catalogue.domains.flatMap((d) => d.items);

  it('reads all 81 items of annex 1 in the 8 domains', () => {
    expect(items).toHaveLength(81);
    expect(catalogue.statedItemCount).toBe(81);
    expect(catalogue.domains.map((d) => d.name)).toEqual(THIRTEENTH_PLAN_DOMAINS);
    expect(catalogue.domains.map((d) => d.items.length)).toEqual([8, 10, 7, 20, 13, 3, 9, 11]);
    expect(catalogue.domains.every((d) => d.statedItemCount === null)).toBe(true);
  });

  it('numbers the items 1..81 without gaps', () => {
    expect(items.map((i) => i.sourceItemNo)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
  });

  it('keeps every cell exactly as published, tags removed (hand-copied sample)', () => {
    expect(sample.items.length).toBeGreaterThanOrEqual(8);
    for (const expected of sample.items) {
      const domain = catalogue.domains.find((d) => d.items.some((i) => i.sourceItemNo === expected.sourceItemNo));
      const item = items.find((i) => i.sourceItemNo === expected.sourceItemNo);
      expect(domain?.name, `item ${expected.sourceItemNo}`).toBe(expected.domain);
      expect(item, `item ${expected.sourceItemNo}`).toEqual({
        sourceItemNo: expected.sourceItemNo,
        name: expected.name,
        targetGroup: expected.targetGroup,
        standard: expected.standard,
        fundingResponsibility: expected.fundingResponsibility,
        leadDepartment: expected.leadDepartment,
      });
    }
  });

  it('drops the repeated header rows and the HTML tags, and leaves no empty column', () => {
    const cells = items.flatMap((i) => [i.name, i.targetGroup, i.standard, i.fundingResponsibility, i.leadDepartment]);
    expect(cells.some((c) => c === null || c === '')).toBe(false);
    expect(cells.some((c) => /<\/?[a-z]/iu.test(c ?? ''))).toBe(false);
    expect(items.some((i) => i.name === '服务项目')).toBe(false);
  });

  it('describes the catalogue as the annex does', () => {
    expect(catalogue).toMatchObject({
      id: 'hebei-13th',
      documentId: 'hebei-13th-plan',
      regionCode: '130000',
      regionName: '河北省',
      period: '十三五',
      startYear: 2016,
      endYear: 2020,
      status: 'published',
      statusNote: null,
      annexLabel: '附件1',
      annexTitle: '河北省“十三五”基本公共服务清单',
    });
    expect(catalogue.columnLabels).toEqual({
      itemNo: '序号',
      name: '服务项目',
      targetGroup: '服务对象',
      standard: '服务指导标准',
      fundingResponsibility: '支出责任',
      leadDepartment: '牵头负责部门',
    });
  });

  it('reads the 26 tasks of annex 2, its repeated header dropped', () => {
    expect(catalogue.tasks).toHaveLength(26);
    expect(catalogue.tasks.map((t) => t.taskNo)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    for (const expected of sample.tasks) {
      expect(catalogue.tasks[expected.taskNo - 1]).toEqual({
        taskNo: expected.taskNo,
        task: expected.task,
        responsibleUnits: expected.responsibleUnits,
      });
    }
  });

  describe('refuses a table it does not understand, saying where', () => {
    it('a row without 6 fields', () => {
      const broken = withLine(500, (l) => l.replace('\t有创业需求的劳动者', '有创业需求的劳动者'));
      expect(() => parseHebei(broken)).toThrow(/第500行：附件1的表格行应有6列，实有5列/u);
    });

    it('a number out of sequence', () => {
      const broken = withLine(502, (l) => l.replace(/^12\t/u, '13\t'));
      expect(() => parseHebei(broken)).toThrow(/第502行：序号应为12，实为13/u);
    });

    it('a missing item row', () => {
      expect(() => parseHebei(withLine(507, () => null))).toThrow(/第507行：序号应为15，实为16/u);
    });

    it('a count that does not match the text', () => {
      const broken = raw.replace('清单中81个项目', '清单中82个项目');
      expect(() => parseHebei(broken)).toThrow(/正文称清单中82个项目，附件1中有81项/u);
    });

    it('a domain heading out of order', () => {
      const broken = withLine(513, (l) => l.replace('三、', '四、'));
      expect(() => parseHebei(broken)).toThrow(/第513行：领域序号应为3/u);
    });

    it('a task missing from annex 2', () => {
      expect(() => parseHebei(withLine(641, () => null))).toThrow(/应有26项重点任务，找到25项/u);
    });
  });
});
