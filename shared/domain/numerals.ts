const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: the numbering of domain headings (一、基本公共教育). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is outside 1..99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The heading of a domain row as the annex prints it. */
export function domainHeading(seq: number, name: string): string {
  return `${chineseNumeral(seq)}、${name}`;
}

/** 一 → 1, 十 → 10, 十三 → 13, 二十一 → 21: chapter and domain numbers as the documents print them. */
export function parseChineseNumeral(text: string): number | null {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(text);
  if (!m || text === '') return null;
  const [, tensDigit = '', ten = '', ones = ''] = m;
  if (ten === '') return tensDigit === '' || ones !== '' ? null : DIGITS.indexOf(tensDigit);
  const tens = tensDigit === '' ? 1 : DIGITS.indexOf(tensDigit);
  return tens * 10 + (ones === '' ? 0 : DIGITS.indexOf(ones));
}

