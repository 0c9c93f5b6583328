// A cohort given as a share of another in a region (60岁及以上 as 18.6 % of 常住人口), as a planner types it or
// an imported table gives it: one set of checks for both.
import { fractionForPercent, toScaled } from './decimal';

/** Cohort names as the population tables take them. */
export const cohortNameProblem = (name: string): string | null => (name === '' ? '请填写人群' : name.length > 40 ? '人群名称最多 40 个字' : null);

/** A percent as typed (１８．６％, 18.6%, 18.6): its plain digits. */
export const shareText = (text: string): string => text.normalize('NFKC').trim().replace(/%$/u, '');

/**
 * What is wrong with `cohort` as `sharePct` % of `base`, by the column of a shares table it is in. A share below
 * 1 % (百岁老人 0.02) is real, so it is taken as the percent it is, unless `fractionsSuspect`: a file whose every
 * share is below 1 % looks written as fractions (0.186 for 18.6 %), and each is refused rather than guessed.
 */
export function shareProblems(
  cohort: string,
  base: string,
  sharePct: string,
  { fractionsSuspect = false } = {},
): { column: 'base_cohort' | 'share_pct'; message: string }[] {
  const problems: { column: 'base_cohort' | 'share_pct'; message: string }[] = [];
  if (base === '') problems.push({ column: 'base_cohort', message: '请填写基数人群（如 常住人口）' });
  else if (base.length > 40) problems.push({ column: 'base_cohort', message: '基数人群名称最多 40 个字' });
  else if (base === cohort) problems.push({ column: 'base_cohort', message: '人群不能按它自己的比例推算' });
  const digits = shareText(sharePct);
  const share = toScaled(digits, 4);
  if (digits === '') problems.push({ column: 'share_pct', message: '请填写比例（0 到 100 之间的百分数）' });
  else if (share === null || share < 0n || share > 1_000_000n) problems.push({ column: 'share_pct', message: `“${sharePct}”应为 0 到 100 之间的百分数，最多 4 位小数` });
  else if (fractionsSuspect) {
    const fraction = fractionForPercent(sharePct);
    if (fraction) problems.push({ column: 'share_pct', message: `${fraction}（文件中不带 % 的比例全都小于 1，像是按小数写的）` });
  }
  return problems;
}

/**
 * Whether a file's shares seem written as fractions: every bare figure above 0 (no % sign; a 0, a blank or
 * 0.5% says nothing either way) is below 1. Unlike a central share, a cohort's share below 1 % is common
 * (百岁老人, 困难残疾人), so one such figure is not refused on its own.
 */
export function sharesLookLikeFractions(shares: readonly string[]): boolean {
  const bare = shares.filter((text) => !text.normalize('NFKC').trim().endsWith('%') && (toScaled(shareText(text), 6) ?? 0n) > 0n);
  return bare.length > 0 && bare.every((text) => fractionForPercent(text) !== null);
}

/**
 * Why `cohort` cannot be a share of `base`, given the other shares of its province (each cohort's bases):
 * `base` is, through them, a share of `cohort`, so no count could ever start the chain (义务教育学生 of 0-3岁
 * and 0-3岁 of 义务教育学生). Null when it can.
 */
export function shareCycleProblem(bases: ReadonlyMap<string, ReadonlySet<string>>, cohort: string, base: string): string | null {
  if (base === cohort) return null; // said by shareProblems
  const path = (from: string, seen: Set<string>): string[] | null => {
    if (from === cohort) return [cohort];
    if (seen.has(from)) return null;
    seen.add(from);
    for (const next of bases.get(from) ?? []) {
      const rest = path(next, seen);
      if (rest) return [from, ...rest];
    }
    return null;
  };
  const chain = path(base, new Set());
  if (!chain) return null;
  const back = chain.slice(0, -1).map((c, i) => `“${c}”按“${chain[i + 1]!}”`).join('、');
  return `“${cohort}”按“${base}”推算，而${back}推算：人群互为基数，无法算出人数`;
}
