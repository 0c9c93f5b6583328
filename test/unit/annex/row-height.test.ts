import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LINE_HEIGHT_FACTOR,
  DEFAULT_PADDING_PT,
  MAX_ROW_HEIGHT_PT,
  displayWidth,
  estimateLineCount,
  estimateRowHeight,
  isWide,
} from '../../../electron/annex/row-height';

// Column width 11 leaves 10 digit widths after padding: five CJK glyphs at 10.5 pt.
const FIVE_CJK = 11;

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two digit widths, others as one', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('abc 12')).toBe(6);
    expect(displayWidth('服务对象')).toBe(8);
    expect(displayWidth('每生每年 1000 元')).toBe(2 * 5 + 2 + 4);
    expect(displayWidth('（１２）')).toBe(8);
  });

  it('counts the punctuation Chinese fonts draw full width as wide', () => {
    for (const char of ['“', '”', '—', '…', '·', '×', 'Ⅱ', '①', '、', '。', '；']) expect(isWide(char), char).toBe(true);
    for (const char of ['a', '1', '%', '-', ' ', '.']) expect(isWide(char), char).toBe(false);
    expect(displayWidth('“十三五”')).toBe(10);
  });
});

describe('estimateLineCount', () => {
  it('gives one line to a short or empty text', () => {
    expect(estimateLineCount('', FIVE_CJK, 10.5)).toBe(1);
    expect(estimateLineCount('一二三四五', FIVE_CJK, 10.5)).toBe(1);
  });

  it('wraps when the text is wider than the column', () => {
    expect(estimateLineCount('一二三四五六', FIVE_CJK, 10.5)).toBe(2);
    expect(estimateLineCount('一'.repeat(50), FIVE_CJK, 10.5)).toBe(10);
    expect(estimateLineCount('一'.repeat(51), FIVE_CJK, 10.5)).toBe(11);
  });

  it('never gives fewer lines to a longer text', () => {
    let previous = 0;
    for (let length = 0; length <= 200; length += 7) {
      const lines = estimateLineCount('服务'.repeat(length), 20, 11);
      expect(lines).toBeGreaterThanOrEqual(previous);
      previous = lines;
    }
  });

  it('scales with the font size', () => {
    expect(estimateLineCount('一二三四五', FIVE_CJK, 21)).toBe(3);
    expect(estimateLineCount('一'.repeat(40), 41, 11)).toBeGreaterThan(estimateLineCount('一'.repeat(40), 41, 10.5));
  });

  it('counts each paragraph of a multi-line text', () => {
    expect(estimateLineCount('一\n二\r\n三', FIVE_CJK, 10.5)).toBe(3);
    expect(estimateLineCount('一二三四五六\n七', FIVE_CJK, 10.5)).toBe(3);
  });

  it('keeps closing punctuation with the glyph before it', () => {
    // "五。" moves to the next line together, as 避头点 requires.
    expect(estimateLineCount('一二三四五。', FIVE_CJK, 10.5)).toBe(2);
  });

  it('does not split a number or word, but splits one wider than the column', () => {
    // "一二三四" is 8 wide; "1000" (4) does not fit beside it and moves down whole.
    expect(estimateLineCount('一二三四1000', FIVE_CJK, 10.5)).toBe(2);
    // Eight half-width glyphs (1.3 each) to a line of 11.1: 8 + 8 + 8 + 1.
    expect(estimateLineCount('x'.repeat(25), FIVE_CJK, 10.5)).toBe(4);
  });

  it('drops spaces at a line break', () => {
    // Ten Latin letters take 12 digit widths (half-width glyphs are counted 1.2 wide); the space between vanishes.
    expect(estimateLineCount('aaaaaaaaaa bbbbbbbbbb', 13, 10.5)).toBe(2);
  });
});

describe('estimateRowHeight', () => {
  it('is lines × font size × line pitch + padding', () => {
    const height = estimateRowHeight([{ text: '一二三四五六', columnWidth: FIVE_CJK, fontSizePt: 10.5 }]);
    expect(height).toBeCloseTo(Math.ceil((2 * 10.5 * DEFAULT_LINE_HEIGHT_FACTOR + DEFAULT_PADDING_PT) * 4) / 4, 5);
    expect(DEFAULT_LINE_HEIGHT_FACTOR).toBeGreaterThanOrEqual(1.3);
  });

  it('takes the tallest cell of the row', () => {
    const short = { text: '一', columnWidth: FIVE_CJK, fontSizePt: 11 };
    const tall = { text: '一'.repeat(30), columnWidth: FIVE_CJK, fontSizePt: 11 };
    expect(estimateRowHeight([short, tall])).toBe(estimateRowHeight([tall]));
    expect(estimateRowHeight([tall, short])).toBe(estimateRowHeight([tall]));
  });

  it('grows with the text and shrinks with a wider column', () => {
    const cell = (length: number, columnWidth = 20) => ({ text: '标'.repeat(length), columnWidth, fontSizePt: 11 });
    expect(estimateRowHeight([cell(40)])).toBeGreaterThan(estimateRowHeight([cell(10)]));
    expect(estimateRowHeight([cell(40, 40)])).toBeLessThan(estimateRowHeight([cell(40, 20)]));
  });

  it('honours the minimum, ignores empty cells and stops at the height Excel allows', () => {
    expect(estimateRowHeight([], { minHeightPt: 22 })).toBe(22);
    expect(estimateRowHeight([{ text: '', columnWidth: 5, fontSizePt: 11 }], { minHeightPt: 22 })).toBe(22);
    expect(estimateRowHeight([{ text: '一', columnWidth: 20, fontSizePt: 11 }], { minHeightPt: 22 })).toBe(22);
    expect(estimateRowHeight([{ text: '一'.repeat(4000), columnWidth: 20, fontSizePt: 11 }])).toBe(MAX_ROW_HEIGHT_PT);
  });

  it('takes a line pitch and padding of its own', () => {
    const cell = { text: '一', columnWidth: 20, fontSizePt: 10 };
    expect(estimateRowHeight([cell], { lineHeightFactor: 1.3, paddingPt: 0 })).toBe(13);
  });
});
