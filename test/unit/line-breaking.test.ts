import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NO_LINE_END, NO_LINE_START, lineBreakFaults } from '../../shared/domain/line-breaking';
import { breakUnits, estimateLineCount, isWide, layoutCellText, unbreakCellText } from '../../electron/annex/row-height';

describe('breakUnits', () => {
  it('keeps closing punctuation with the glyph before it and opening punctuation with the glyph after it', () => {
    expect(breakUnits('（市、区）政府')).toEqual(['（市、', '区）', '政', '府']);
    expect(breakUnits('（“十三五”）')).toEqual(['（“十', '三', '五”）']);
    expect(breakUnits('“12333”人力')).toEqual(['“12333”', '人', '力']);
  });

  it('keeps a number whole with its unit, a range and a product of numbers', () => {
    expect(breakUnits('小学 685 元、初中 885 元。')).toEqual(['小', '学', ' ', '685 元、', '初', '中', ' ', '885 元。']);
    expect(breakUnits('为0—3岁儿童')).toEqual(['为', '0—3岁', '儿', '童']);
    expect(breakUnits('5×8小时，7×24小时')).toEqual(['5×8小时，', '7×24小时']);
    expect(breakUnits('1.5万元')).toEqual(['1.5万元']);
    expect(breakUnits('2016—2020年')).toEqual(['2016—2020年']);
    expect(breakUnits('达到80%以上。')).toEqual(['达', '到', '80%', '以', '上。']);
  });

  it('never splits a dash or an ellipsis, and keeps Latin words whole', () => {
    expect(breakUnits('……等——')).toEqual(['……', '等', '——']);
    expect(breakUnits('abc def, ghi.')).toEqual(['abc', ' ', 'def,', ' ', 'ghi.']);
  });

  it('gives the paragraph back when the pieces are joined', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'一二三，。、；：（）“”《》 0123456789元万年%.—×abc'), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(breakUnits(text).join('')).toBe(text);
      }),
    );
  });
});

describe('layoutCellText', () => {
  const CHARS = [...'服务对象标准政府财政，。、；：？！（）“”《》 0123456789元万岁年%—'];
  // A paragraph does not begin with a closing mark nor end with an opening one.
  const text = fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 120 })
    .map((chars) => chars.join('').trim())
    .filter((value) => value !== '' && !NO_LINE_START.includes(value[0]!) && !NO_LINE_END.includes(value.at(-1)!));

  it('breaks lines only where Chinese typesetting allows, and every line fits the column', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 11, max: 60 }), (value, width) => {
        const lines = layoutCellText(value, width, 11, 1).split('\n');
        // Where a piece is wider than the column (a run of marks, a long number) a fault cannot be helped;
        // two numbers a space apart may stand on two lines.
        if (breakUnits(value).every((unit) => estimateLineCount(unit, width, 11, 1) === 1) && !/\d\s+\d/u.test(value)) {
          expect(lineBreakFaults(lines)).toEqual([]);
        }
        for (const line of lines) expect(estimateLineCount(line.trimEnd(), width, 11, 1), line).toBe(1);
        expect(lines.join('')).toBe(value);
      }),
    );
  });

  it('prints the Hebei standard of item 1 with no line starting with a forbidden mark and the amounts whole', () => {
    const standard = '对城乡所有义务教育学生免除学杂费、免费提供教科书；统一城乡义务教育学校公用经费基准定额。年生均公用经费标准普通小学 685 元、普通初中 885 元。';
    for (let width = 11; width <= 60; width += 1) {
      const lines = layoutCellText(standard, width, 11, 1).split('\n');
      expect(lineBreakFaults(lines), `width ${width}`).toEqual([]);
      expect(lines.some((line) => /\d$/u.test(line)), `width ${width}`).toBe(false);
    }
  });

  it('keeps the rule sets disjoint and wide where Chinese fonts draw them wide', () => {
    for (const char of NO_LINE_START) expect(NO_LINE_END.includes(char), char).toBe(false);
    for (const char of '，。、；：！？）」”') expect(isWide(char), char).toBe(true);
  });

  it('counts the same lines it writes', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 11, max: 60 }), (value, width) => {
        expect(layoutCellText(value, width, 11, 1).split('\n').length).toBe(estimateLineCount(value, width, 11, 1));
      }),
    );
  });

  it('is undone by unbreakCellText, which 导入清单 uses on the app’s own annexes', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 11, max: 60 }), (value, width) => {
        expect(unbreakCellText(layoutCellText(value, width, 10.5, 1), width, [10, 10.5], 1)).toBe(value);
      }),
    );
    // A line feed of the text's own, after a short line, is kept.
    const own = '第一段。\n第二段很长很长很长很长很长很长很长很长很长很长。';
    expect(unbreakCellText(layoutCellText(own, 14, 10.5, 1), 14, [10.5], 1)).toBe(own);
    // Nor is one before a word too long for the column, which the writer breaks across lines. (Where 说明ab
    // would not fit on a line, 说明ab and 说明\nab are laid out alike: no reader can tell them apart.)
    const word = '说明\nab\ncdefghijklmnopqrstu';
    for (const width of [8, 11, 14]) expect(unbreakCellText(layoutCellText(word, width, 10.5, 1), width, [10, 10.5], 1)).toBe(word);
  });
});
