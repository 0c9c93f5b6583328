import { describe, expect, it } from 'vitest';
import { chineseNumeral, domainHeading } from '../../shared/domain/numerals';

describe('chineseNumeral', () => {
  it('writes the numbers of domain headings', () => {
    expect([1, 8, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '八', '十', '十一', '二十', '二十一', '九十九']);
    expect(domainHeading(2, '基本劳动就业创业')).toBe('二、基本劳动就业创业');
  });
  it('refuses numbers it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });
});
