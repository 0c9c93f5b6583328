import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHenan } from '../../../electron/importers/henan';
import { THIRTEENTH_PLAN_DOMAINS } from '../../fixtures/thirteenth-domains';

const raw = readFileSync(new URL('../../../seeds/documents/henan-13th-plan.txt', import.meta.url), 'utf8');

describe('parseHenan', () => {
  const catalogue = parseHenan(raw);
  const items = catalogue.domains.flatMap((d) => d.items);

  it('reads the 82 items the plan names, numbered as its ranges say', () => {
    expect(items).toHaveLength(82);
    expect(items.map((i) => i.sourceItemNo)).toEqual(Array.from({ length: 82 }, (_, i) => i + 1));
    expect(catalogue.domains.map((d) => d.items.length)).toEqual([9, 10, 7, 21, 13, 3, 9, 10]);
    expect(catalogue.domains.map((d) => d.statedItemCount)).toEqual([9, 10, 7, 21, 13, 3, 9, 10]);
    // No sentence of the plan states the total.
    expect(catalogue.statedItemCount).toBeNull();
  });

  it('names the domains from the chapter headings, 第三章 (heading lost) included', () => {
    expect(catalogue.domains.map((d) => d.name)).toEqual(THIRTEENTH_PLAN_DOMAINS);
  });

  it('gives the same result if the lost heading were present', () => {
    const restored = raw.replace('　　　教育体系 ,提高国民素质。', '第三章　基本公共教育\n　　　教育体系 ,提高国民素质。');
    expect(restored).not.toBe(raw);
    expect(parseHenan(restored)).toEqual(catalogue);
  });

  it('cleans the PDF spaces out of the names, brackets and all', () => {
    const name = (no: number): string | undefined => items.find((i) => i.sourceItemNo === no)?.name;
    expect(name(5)).toBe('建档立卡贫困家庭3—6岁儿童学前教育保教费补助');
    expect(name(9)).toBe(
      '建档立卡等家庭经济困难普通高中学生(含非建档立卡的家庭经济困难残疾学生、农村低保家庭学生、农村特困救助供养学生)免学费和住宿费',
    );
    expect(name(16)).toBe('12333电话咨询服务');
    expect(name(31)).toBe('婚前保健');
    expect(name(62)).toBe('城镇棚户区改造');
    expect(name(65)).toBe('公益性流动文化服务');
    expect(name(82)).toBe('无障碍环境支持');
    expect(items.some((i) => /\s/u.test(i.name))).toBe(false);
  });

  it('leaves the four columns the seed does not give as not yet filled', () => {
    for (const item of items) {
      expect([item.targetGroup, item.standard, item.fundingResponsibility, item.leadDepartment]).toEqual([null, null, null, null]);
    }
  });

  it('describes the catalogue with the plan’s own column names', () => {
    expect(catalogue).toMatchObject({
      id: 'henan-13th',
      documentId: 'henan-13th-plan',
      regionCode: '410000',
      regionName: '河南省',
      period: '十三五',
      startYear: 2016,
      endYear: 2020,
      status: 'incomplete',
      statusNote: '附件清单正文缺失，仅有正文列出的项目名称',
      annexTitle: '“十三五”河南省基本公共服务清单',
      tasks: [],
    });
    expect(catalogue.columnLabels).toEqual({
      itemNo: '序号',
      name: '服务项目',
      targetGroup: '服务对象',
      standard: '服务内容和标准',
      fundingResponsibility: '支出责任',
      leadDepartment: '主责单位',
    });
    expect(raw).toContain('建立包括服务项目、服务对象、服务内容和标准、支出责任、主责单位等要件');
  });

  describe('refuses counts that disagree, saying where', () => {
    it('stated N differs from the list', () => {
      expect(() => parseHenan(raw.replace('本领域服务项目共 9项', '本领域服务项目共 8项'))).toThrow(
        /河南省规划第46行（基本公共教育）：称共8项，列出9项，编号第1—9项共9项，三者不一致/u,
      );
    });

    it('a range of the wrong size', () => {
      expect(() => parseHenan(raw.replace('第10—19项', '第10—18项'))).toThrow(/第60行（基本劳动就业创业）.*三者不一致/u);
    });

    it('an item missing from a list', () => {
      expect(() => parseHenan(raw.replace('创业服务、就业援助、', '就业援助、'))).toThrow(/第60行.*列出9项/u);
    });

    it('ranges that do not follow on', () => {
      expect(() => parseHenan(raw.replace('第20—26项', '第21—27项'))).toThrow(/第74行.*应从第20项开始，正文写第21项/u);
    });

    it('a sentence in a form it does not know', () => {
      expect(() => parseHenan(raw.replace('本领域服务项目共3项,具体包括:', '本领域服务项目有:'))).toThrow(/第120行/u);
    });
  });
});
