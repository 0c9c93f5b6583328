import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GANSU_MOJIBAKE_FIXES, cleanGansuText, parseGansu } from '../../../electron/importers/gansu';
import type { SeedTask } from '../../../electron/importers/types';
import { THIRTEENTH_PLAN_DOMAINS } from '../../fixtures/thirteenth-domains';

const raw = readFileSync(new URL('../../../seeds/documents/gansu-13th-plan.txt', import.meta.url), 'utf8');
const expectedTasks = (
  JSON.parse(readFileSync(new URL('../../fixtures/gansu-annex2-expected.json', import.meta.url), 'utf8')) as { tasks: SeedTask[] }
).tasks;

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const TONED_READING = new RegExp(`\\([a-zü]*[${TONED}][a-zü${TONED}]*\\)`, 'gu');
// gansu.md §8.2: the 47 characters that carry a reading in the raw text.
const ANNOTATED = '務業設發醫區養鄉關規統農優現衛創監調構鎮經數領質轉產網結應礎協復預續據內權態聯術環絡戰節執穩災';

/** The simplified forms of the 13 fixes (gansu.md §8.3), with how often each must appear. */
const FIXED_SIMPLIFIED: [string, number][] = [
  ['（此件公开发布）', 1],
  ['占全省总人口的32.3%', 1],
  ['按程序对《清单》具体内容', 1],
  ['义务教育薄弱学校基本办学条件', 2],
  ['完善薄弱学校基础设施', 1],
  ['实现医保基金可持续平衡', 1],
  ['重点专科(专病)建设,', 1],
  ['优待与当地经济和社会发展水平', 1],
  ['（一）重点任务', 1],
  ['确保基本生活。', 1],
  ['公共文化体育等领域对外交流与合作', 1],
  ['推动基本公共服务均等化。县级政府要', 1],
];

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('cleanGansuText', () => {
  const clean = cleanGansuText(raw);

  it('finds each fix-table key in the raw text as often as gansu.md lists its spots (13 in all)', () => {
    for (const fix of GANSU_MOJIBAKE_FIXES) expect(count(raw, fix.raw), fix.fixed).toBe(fix.lines.length);
    expect(GANSU_MOJIBAKE_FIXES.reduce((n, f) => n + f.lines.length, 0)).toBe(13);
  });

  it('leaves no mojibake: no PUA code point, no "?"', () => {
    expect(clean).not.toMatch(/[\ue000-\uf8ff]/u);
    expect(clean).not.toContain('?');
  });

  it('puts the simplified text of each of the 13 fixes in place', () => {
    for (const [text, times] of FIXED_SIMPLIFIED) expect(count(clean, text), text).toBe(times);
  });

  it('removes every toned pinyin reading and keeps "(PPP)"', () => {
    // gansu.md §8.2's inventory: 2,418 readings after the 47 characters plus the 3 garbled residues.
    expect(raw.match(TONED_READING)?.length).toBe(2418 + 3);
    expect(clean.match(TONED_READING)).toBeNull();
    expect(count(clean, '(PPP)')).toBe(3);
  });

  it('leaves none of the 47 annotated traditional characters', () => {
    const annotated = new Set([...raw.matchAll(/(.)\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü\u0100-\u01dc]*\)/gu)].map((m) => m[1]!));
    // The three garbled residues (A, m, O) are readings whose character the mojibake destroyed.
    expect([...annotated].filter((c) => !'AmO'.includes(c)).sort()).toEqual([...ANNOTATED].sort());
    for (const ch of ANNOTATED) expect(clean.includes(ch), ch).toBe(false);
  });

  it('converts as mainland text does (着力, not 著力)', () => {
    expect(clean).toContain('着力优化广播影视');
    expect(clean).toContain('甘肃省“十三五”推进基本公共服务均等化规划');
    expect(clean).toContain('八个领域的80个项目');
  });
});

describe('parseGansu', () => {
  const catalogue = parseGansu(cleanGansuText(raw));

  it('reads the 26 tasks of annex 2 exactly as gansu.md §5 has them', () => {
    expect(catalogue.tasks).toEqual(expectedTasks);
  });

  it('records the 80 items the text states, none of which the seed gives', () => {
    expect(catalogue.statedItemCount).toBe(80);
    expect(catalogue.domains.flatMap((d) => d.items)).toEqual([]);
    expect(catalogue.domains.map((d) => d.name)).toEqual(THIRTEENTH_PLAN_DOMAINS);
    expect(catalogue.domains.every((d) => d.statedItemCount === null)).toBe(true);
  });

  it('describes the catalogue with Gansu’s column names', () => {
    expect(catalogue).toMatchObject({
      id: 'gansu-13th',
      documentId: 'gansu-13th-plan',
      regionCode: '620000',
      regionName: '甘肃省',
      period: '十三五',
      startYear: 2016,
      endYear: 2020,
      status: 'incomplete',
      statusNote: '附件1清单正文缺失；规划正文称八个领域80个项目',
      annexLabel: '附件1',
      annexTitle: '甘肃省“十三五”基本公共服务清单',
    });
    expect(catalogue.columnLabels).toEqual({
      itemNo: '序号',
      name: '服务项目',
      targetGroup: '服务对象',
      standard: '服务内容和保障标准',
      fundingResponsibility: '支出责任',
      leadDepartment: '责任单位',
    });
  });

  it('refuses the raw text, which still has its readings', () => {
    expect(() => parseGansu(raw)).toThrow(/请先用 cleanGansuText 清理原文/u);
  });

  it('refuses a task out of sequence, saying where', () => {
    const lines = cleanGansuText(raw).split('\n');
    expect(lines[763]).toBe('12');
    lines[763] = '13';
    expect(() => parseGansu(lines.join('\n'))).toThrow(/甘肃省规划第764行：附件2序号应为12，实为“13”/u);
  });

  it('refuses an annex 2 with a cell missing', () => {
    const lines = cleanGansuText(raw).split('\n');
    lines.splice(759, 1); // task 11's text
    expect(() => parseGansu(lines.join('\n'))).toThrow(/不是“序号、重点任务、责任单位”三列的整数倍/u);
  });
});
