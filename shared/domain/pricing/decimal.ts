// Exact decimal arithmetic on scaled integers. Money, shares, coverage and growth never pass through
// binary floating point: a decimal string becomes an integer count of its smallest unit (fen for money,
// millionths for coverage), and every rounding is stated (half up, on non-negative values).

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/u;

/**
 * A figure with its thousands separators taken out ("1,000" and "1，000.5" → "1000", "1000.5"). A comma anywhere
 * else ("89,5" a decimal comma, "1,0,0,0") gives null: read as a separator it would make 89,5 into 895.
 */
export function ungrouped(text: string): string | null {
  if (!/[,，]/u.test(text)) return text;
  return /^[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?\D*$/u.test(text.trim()) ? text.replace(/[,，]/gu, '') : null;
}

/** A figure whose comma is no thousands separator, said so; `whole` for a count, which has no decimals to point at. */
export const misplacedComma = (text: string, whole = false) =>
  `“${text}”中的逗号不是千位分隔（如 1,000），不能读作数字；${whole ? '人数应为整数，千位分隔每三位一个逗号（如 830,000）' : '小数请用小数点（如 89.5）'}`;

/**
 * A percent column given a bare figure between 0 and 1 ("0.6"): a fraction meant as 60 %, or 0.6 %? Refused
 * rather than guessed; "0.6%" says the latter.
 */
export function fractionForPercent(text: string): string | null {
  const typed = text.normalize('NFKC').trim();
  if (/%$/u.test(typed)) return null;
  const value = toScaled(typed, 6);
  return value !== null && value > 0n && value < 1_000_000n
    ? `“${typed}”像是小数，此处按百分数填写（60% 填 60）；如确为 ${typed}%，请写“${typed}%”`
    : null;
}

/** "12.5" at scale 2 → 1250n. null when the text is not a plain decimal or has more decimals than the scale. */
export function toScaled(text: string, scale: number): bigint | null {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return null;
  const [, sign, whole, fraction = ''] = m;
  if (fraction.length > scale && /[1-9]/u.test(fraction.slice(scale))) return null;
  const digits = `${whole}${fraction.slice(0, scale).padEnd(scale, '0')}`;
  const value = BigInt(digits);
  return sign === '-' ? -value : value;
}

/** 1250n at scale 2 → "12.50"; trims nothing, so money always shows its fen. */
export function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const fraction = scale === 0 ? '' : `.${digits.slice(-scale)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A decimal string with trailing zeros removed ("60.00" → "60"), for showing shares and rates. */
export function plainDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/u, '').replace(/\.$/u, '') : text;
}

/** n / d rounded half up; both non-negative, d positive. The one rounding rule of the pricing model. */
export function roundDiv(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

export const SCALE = {
  /** Money in fen. */
  money: 2,
  /** Coverage as a fraction 0–1 in millionths. */
  coverage: 6,
  /** Percentages (central share, cohort share, growth rate) in ten-thousandths of a percent. */
  percent: 4,
  /** Split weights. */
  weight: 4,
  /** Periods per year (12 months, 200 school days, 9.5 months …). */
  periods: 2,
  /** Growth factors, kept exact to twelve places before a population is rounded to whole persons. */
  factor: 12,
} as const;

export const pow10 = (n: number): bigint => 10n ** BigInt(n);
