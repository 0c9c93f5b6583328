// Population in a year nobody counted: the nearest counted year grown (or shrunk) at the region's yearly
// rate. The factor is exact to twelve places and each person count is rounded once, so the SQL model and
// the TypeScript reference agree to the person.
import { SCALE, pow10, roundDiv, toScaled } from './decimal';

const ONE = pow10(SCALE.factor);

/**
 * A region's yearly population growth as typed or imported ("0.5", "-1.2%"): its percent digits, null when
 * empty, or a message when it is no rate the model takes (−50 % to 50 %, four decimals at most).
 */
export function parseGrowthPct(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const digits = text.normalize('NFKC').trim().replace(/%$/u, '');
  if (digits === '') return { ok: true, value: null };
  const rate = toScaled(digits, SCALE.percent);
  return rate === null || rate < -50n * pow10(SCALE.percent) || rate > 50n * pow10(SCALE.percent)
    ? { ok: false, message: `应为 -50 到 50 之间的百分数（最多 ${SCALE.percent} 位小数），收到“${text}”` }
    : { ok: true, value: digits };
}

/** (1 + rate/100)^years, scaled by 10^12; for negative years the inverse, rounded half up at each step. */
export function growthFactor(ratePct: string, years: number): bigint {
  const rate = toScaled(ratePct, SCALE.percent) ?? 0n;
  // 1 + rate/100 at twelve places: rate is in ten-thousandths of a percent (10^-6 of the whole).
  const step = ONE + rate * pow10(SCALE.factor - 6);
  let factor = ONE;
  for (let i = 0; i < Math.abs(years); i += 1) {
    factor = years > 0 ? roundDiv(factor * step, ONE) : roundDiv(factor * ONE, step);
  }
  return factor;
}

/** A count grown by a factor from growthFactor, rounded to whole persons. */
export function applyFactor(count: bigint, factor: bigint): bigint {
  return roundDiv(count * factor, ONE);
}
