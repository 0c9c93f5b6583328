// Money crosses the boundary as a decimal string in 元 with two places ("1234567.89"). Views in 万元 and
// 亿元 are the same digits with the point moved: exact, never a float division.
import { fromScaled, pow10, toScaled } from './decimal';

export const MONEY_UNITS = ['元', '万元', '亿元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
const UNIT_SHIFT: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };
const UNIT_DECIMALS: Record<MoneyUnit, number> = { 元: 2, 万元: 2, 亿元: 4 };

export function fenToYuan(fen: bigint): string {
  return fromScaled(fen, 2);
}

export function yuanToFen(yuan: string): bigint {
  const fen = toScaled(yuan, 2);
  if (fen === null) throw new Error(`不是金额：${yuan}`);
  return fen;
}

/** A 元 amount shown in the chosen unit, rounded half up, with thousands separators: "1,234.57". */
export function formatMoney(yuan: string, unit: MoneyUnit, decimals = UNIT_DECIMALS[unit]): string {
  const fen = yuanToFen(yuan);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  // fen → the unit at `decimals` places: divide by 10^(2 + shift − decimals), half up.
  const drop = 2 + UNIT_SHIFT[unit] - decimals;
  const scaled = drop >= 0 ? (abs * 2n + pow10(drop)) / (2n * pow10(drop)) : abs * pow10(-drop);
  const text = fromScaled(scaled, decimals);
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** Persons with thousands separators. */
export function formatCount(count: string | number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}
