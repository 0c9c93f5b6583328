import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNational13th, parseNational14thIndicators } from '../../../electron/importers/national';
import { removePdfSpaces, splitTopLevel } from '../../../electron/importers/text';
import { parseChineseNumeral } from '../../../shared/domain/numerals';
import { parseIndicatorValue } from '../../../shared/domain/indicator';
import { THIRTEENTH_PLAN_DOMAINS } from '../../fixtures/thirteenth-domains';

const seed = (name: string): string => readFileSync(new URL(`../../../seeds/documents/${name}`, import.meta.url), 'utf8');
const raw13 = seed('national-13th-equalization-plan.txt');
const raw14 = seed('national-14th-public-service-plan.txt');

interface ExpectedTable {
  baselineYear: number;
  targetYear: number;
  indicators: {
    category: string;
    c2Name: string;
    name: string;
    nameMarks: string;
    baseline: string;
    target: string;
    attribute: string;
  }[];
  notes: string[];
}
const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/national-14th-indicators.json', import.meta.url), 'utf8'),
) as ExpectedTable;

describe('parseNational13th', () => {
  const catalogue = parseNational13th(raw13);
  const items = catalogue.domains.flatMap((d) => d.items);

  it('reads the 81 items of the eight domains (chapters 四–十一)', () => {
    expect(items).toHaveLength(81);
    expect(catalogue.statedItemCount).toBe(81);
    expect(catalogue.domains.map((d) => d.name)).toEqual(THIRTEENTH_PLAN_DOMAINS);
    expect(catalogue.domains.map((d) => d.items.length)).toEqual([8, 10, 7, 20, 13, 3, 10, 10]);
    expect(catalogue.domains.map((d) => d.statedItemCount)).toEqual([8, 10, 7, 20, 13, 3, 10, 10]);
  });

  it('numbers the items straight through, as national_items.md infers them', () => {
    expect(items.map((i) => i.sourceItemNo)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    const name = (no: number): string | undefined => items.find((i) => i.sourceItemNo === no)?.name;
    expect(name(1)).toBe('免费义务教育');
    expect(name(8)).toBe('免除普通高中建档立卡等家庭经济困难学生学杂费');
    expect(name(15)).toBe('“12333”人力资源和社会保障服务热线电话咨询');
    expect(name(29)).toBe('传染病及突发公共卫生事件报告和处理');
    expect(name(63)).toBe('送地方戏');
    expect(name(68)).toBe('少数民族文化服务');
    expect(name(74)).toBe('残疾人基本社会保险个人缴费资助和保险待遇');
    expect(name(81)).toBe('无障碍环境支持');
  });

  it('leaves the columns the seed lacks as not yet filled', () => {
    expect(items.every((i) => i.targetGroup === null && i.standard === null && i.fundingResponsibility === null && i.leadDepartment === null)).toBe(true);
  });

  it('describes the catalogue with the national column names', () => {
    expect(catalogue).toMatchObject({
      id: 'national-13th',
      documentId: 'national-13th-plan',
      regionCode: null,
      regionName: '全国',
      period: '十三五',
      startYear: 2016,
      endYear: 2020,
      status: 'incomplete',
      statusNote: '附件1清单正文缺失，仅有正文列出的项目名称',
      annexLabel: '附件1',
      annexTitle: '“十三五”国家基本公共服务清单',
      tasks: [],
    });
    expect(catalogue.columnLabels).toEqual({
      itemNo: '序号',
      name: '服务项目',
      targetGroup: '服务对象',
      standard: '服务指导标准',
      fundingResponsibility: '支出责任',
      leadDepartment: '牵头负责单位',
    });
    expect(raw13).toContain('每个项目均明确服务对象、服务指导标准、支出责任、牵头负责单位等');
  });

  it('refuses a domain whose stated count and list disagree', () => {
    expect(() => parseNational13th(raw13.replace('本领域服务项目共3项', '本领域服务项目共4项'))).toThrow(
      /全国“十三五”规划第302行：“基本住房保障”称共4项，实际列出3项/u,
    );
  });

  it('refuses a total that does not match the text', () => {
    expect(() => parseNational13th(raw13.replace('八个领域的81个项目', '八个领域的80个项目'))).toThrow(/正文称共80个项目，各领域列出81项/u);
  });
});

describe('parseNational14thIndicators', () => {
  const table = parseNational14thIndicators(raw14);

  it('reads the 22 indicators, 7 约束性 and 15 预期性', () => {
    expect(table.documentId).toBe('national-14th-plan');
    expect(table.indicators).toHaveLength(22);
    expect(table.indicators.filter((i) => i.attribute === '约束性')).toHaveLength(7);
    expect(table.indicators.filter((i) => i.attribute === '预期性')).toHaveLength(15);
  });

  it('equals national_items.md Part C2, row by row', () => {
    expect(table.indicators).toEqual(
      expected.indicators.map((row, i) => ({
        documentId: 'national-14th-plan',
        seq: i + 1,
        category: row.category,
        name: row.name,
        nameMarks: row.nameMarks,
        baselineYear: expected.baselineYear,
        baseline: parseIndicatorValue(row.baseline),
        targetYear: expected.targetYear,
        target: parseIndicatorValue(row.target),
        attribute: row.attribute,
      })),
    );
    expect(table.notes).toEqual(expected.notes);
  });

  it('fixture check: each name is the C2 cell without its marks and PDF spaces', () => {
    for (const row of expected.indicators) {
      expect(row.c2Name.replace(/\s*\*+$/u, '').replace(/\s+/gu, '')).toBe(row.name);
      expect(row.c2Name.endsWith(row.nameMarks)).toBe(true);
    }
  });

  it('parses the values beside the raw text', () => {
    const byName = (name: string) => table.indicators.find((i) => i.name === name)!;
    expect(byName('人均预期寿命(岁)').baseline).toMatchObject({ raw: '77.3**', value: '77.3', marks: '**' });
    expect(byName('学前教育毛入园率').target).toMatchObject({ value: '90', comparator: '>', percent: true });
    expect(byName('孤儿和事实无人抚养儿童保障覆盖率').target).toMatchObject({ raw: '应保尽保', value: null });
    expect(byName('城镇老旧小区改造(万个)').nameMarks).toBe('***');
    expect(byName('每百户居民拥有社区综合服务设施面积(平方米)').category).toBe('文体服务保障');
  });

  it('refuses a row it cannot read, saying where', () => {
    const broken = raw14.replace('九年义务教育巩固率 95.2% 96% 约束性', '九年义务教育巩固率 95.2% 96%');
    expect(() => parseNational14thIndicators(broken)).toThrow(/全国“十四五”规划第9\d行/u);
  });
});

describe('text helpers', () => {
  it('reads chapter and domain numerals', () => {
    expect(['一', '八', '十', '十一', '十五', '二十', '二十一'].map(parseChineseNumeral)).toEqual([1, 8, 10, 11, 15, 20, 21]);
    expect(['', '三四', '百'].map(parseChineseNumeral)).toEqual([null, null, null]);
  });

  it('splits a list only at the top level', () => {
    expect(splitTopLevel('甲、乙(丙、丁)、“戊、己”', '、')).toEqual(['甲', '乙(丙、丁)', '“戊、己”']);
    expect(() => splitTopLevel('甲(乙、丙', '、')).toThrow(/括号未闭合/u);
  });

  it('removes PDF spaces next to CJK text but keeps spaces between ASCII words', () => {
    expect(removePdfSpaces('建档立卡贫困家庭 3—6岁儿童 (含 学生 )')).toBe('建档立卡贫困家庭3—6岁儿童(含学生)');
    expect(removePdfSpaces('PPP mode 项目')).toBe('PPP mode项目');
  });
});
