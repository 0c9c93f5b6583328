import { describe, expect, it } from 'vitest';
import { chooseColumnWidths } from '../../../electron/annex/column-widths';
import { estimateLineCount } from '../../../electron/annex/row-height';

const ROW = { minHeightPt: 22 };
const long = '对重点救助对象参加城乡居民基本医疗保险的个人缴费部分进行补贴，对特困救助供养人员给予全额资助。';

describe('chooseColumnWidths', () => {
  const texts = {
    short: Array.from({ length: 20 }, () => '城乡居民'),
    long: Array.from({ length: 20 }, (_, i) => long.repeat(1 + (i % 3))),
    medium: Array.from({ length: 20 }, () => '省、市、县政府负责，中央财政给予补助。'),
  };
  const problem = {
    columns: [
      { texts: texts.short, minWidth: 11 },
      { texts: texts.long, minWidth: 11 },
      { texts: texts.medium, minWidth: 11 },
    ],
    totalWidth: 90,
    fontSizePt: 11,
    indent: 1,
    rowHeight: ROW,
  };

  it('shares exactly the width it is given, each column at least its minimum', () => {
    const { widths } = chooseColumnWidths(problem);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(90);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(11);
  });

  it('gives the long texts the width, so no column wraps to many lines beside short neighbours', () => {
    const { widths, totalHeight } = chooseColumnWidths(problem);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(widths[2]).toBeGreaterThan(widths[0]!);
    const equal = chooseColumnWidths({ ...problem, columns: problem.columns.map((c) => ({ ...c, minWidth: 30 })) });
    expect(totalHeight).toBeLessThan(equal.totalHeight);
    // The medium column wraps to no more lines than the long one beside it.
    for (let row = 0; row < 20; row += 1) {
      expect(estimateLineCount(texts.medium[row]!, widths[2]!, 11, 1)).toBeLessThanOrEqual(estimateLineCount(texts.long[row]!, widths[1]!, 11, 1));
    }
  });

  it('refuses minimums wider than the type area', () => {
    expect(() => chooseColumnWidths({ ...problem, totalWidth: 30 })).toThrow(RangeError);
  });

  it('takes a slightly taller table when that saves a page', () => {
    // A made-up page count that prefers the first column wide: the search must follow it.
    const pagesOf = (heights: readonly number[]) => (heights[0]! > 22 ? 3 : 2);
    const plain = chooseColumnWidths(problem);
    const paged = chooseColumnWidths({ ...problem, pagesOf });
    expect(pagesOf(paged.rowHeights)).toBeLessThanOrEqual(pagesOf(plain.rowHeights));
  });
});
