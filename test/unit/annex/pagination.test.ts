import { describe, expect, it } from 'vitest';
import { pageBreaks, pageCount } from '../../../electron/annex/pagination';
import type { PrintedRow } from '../../../electron/annex/pagination';

const frame = { pageHeight: 100, repeatedHeight: 10, slack: 0 };
const item = (height: number): PrintedRow => ({ height, keepWithNext: false });
const heading = (height = 5): PrintedRow => ({ height, keepWithNext: true });

describe('pageBreaks', () => {
  it('fills a page and breaks before the row that does not fit, counting the repeated header on later pages', () => {
    const rows = [item(40), item(40), item(30), item(50), item(45)];
    // Page 1: 40 + 40 (30 would make 110). Page 2: 10 + 30 + 50 = 90, 45 more is 135.
    expect(pageBreaks(rows, frame)).toEqual([1, 3]);
    expect(pageCount(rows, pageBreaks(rows, frame))).toBe(3);
  });

  it('never leaves a 领域 heading at the foot of a page: it goes over with its first item', () => {
    const rows = [item(60), heading(20), item(30), item(20)];
    // Without the rule the heading would end page 1 (60 + 20 = 80).
    expect(pageBreaks(rows, frame)).toEqual([0]);
  });

  it('takes back a whole run of rows that keep together', () => {
    const rows = [item(50), heading(10), heading(10), item(40)];
    expect(pageBreaks(rows, frame)).toEqual([0]);
  });

  it('never empties a page: a page of nothing but kept rows keeps them, and the row after starts the next', () => {
    const rows = [heading(10), heading(10), item(95)];
    expect(pageBreaks(rows, frame)).toEqual([1]);
  });

  it('gives a row taller than a page a page of its own', () => {
    const rows = [item(30), item(120), item(10)];
    expect(pageBreaks(rows, frame)).toEqual([0, 1]);
  });

  it('keeps the slack free at the foot of each page', () => {
    const rows = [item(50), item(50)];
    expect(pageBreaks(rows, frame)).toEqual([]);
    expect(pageBreaks(rows, { ...frame, slack: 1 })).toEqual([0]);
  });
});
