// A cohort's share of another in a region, typed on the 行政区与人口 page: checked as an imported one is,
// written with its source (or marked 待核实 without one), logged, and every catalogue repriced, since any may
// price that cohort there. The share the planner saw (`expected`) must still be the stored one.
import { cohortNameProblem, shareCycleProblem, shareProblems, shareText } from '../../shared/domain/pricing/cohort-share';
import { toScaled } from '../../shared/domain/pricing/decimal';
import { normaliseCohort } from '../../shared/domain/pricing/regions';
import type { CohortShareRow } from '../../shared/domain/pricing/results';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { getCohortShare, shareBases } from '../pricing/cohort-shares-store';
import { getRegion } from '../pricing/regions-store';
import { repriceAll } from '../pricing/reprice';
import { logChange } from './change-log';
import type { Origin } from './commands';
import type { Committed } from './pricing-commands';

/** What a share typed in the app says of its source when the planner gives none. */
export const TYPED_SOURCE = '在清单工作台中录入（未注明出处）';

const samePercent = (a: string | null, b: string | null) => (a === null || b === null ? a === b : toScaled(shareText(a), 4) === toScaled(shareText(b), 4));

/** The region and the cohort named, checked; the share as stored now. */
async function namedShare(tx: Tx, regionCode: string, cohortText: string) {
  const region = await getRegion(tx, regionCode);
  if (!region) throw new AppError('not_found', `没有代码为 ${regionCode} 的行政区。`);
  const cohort = normaliseCohort(cohortText);
  const badName = cohortNameProblem(cohort);
  if (badName) throw new AppError('refused', `${region.name}：${badName}，没有保存。`);
  return { region, cohort, where: `${region.name}的“${cohort}”比例`, before: await getCohortShare(tx, regionCode, cohort) };
}

/** The share the planner saw (`expected`, null for a new one) must still be the stored one. */
function checkUnchanged(before: CohortShareRow | null, expected: string | null, where: string): void {
  if (samePercent(before?.sharePct ?? null, expected)) return;
  throw new AppError(
    'conflict',
    before && expected === null
      ? `${where}已有（${before.sharePct}% 的${before.baseCohort}），请在表中修改它，没有另加一条。`
      : `${where}已被改动（可能是在另一个窗口或由导入），本次修改没有保存。请刷新后再改。`,
  );
}

/**
 * The source of a share saved without one: typed in the app; a sourced share changed in place keeps its
 * old value and source in the note, so the census figure it replaced can be found again.
 */
function typedSource(before: CohortShareRow | null): string {
  if (!before || before.source.startsWith('在清单工作台中')) return before?.source ?? TYPED_SOURCE;
  return `在清单工作台中修改（原为 ${before.sharePct}%，出处：${before.source}）`;
}

export async function setCohortShare(
  db: Database,
  request: { regionCode: string; cohort: string; baseCohort: string; sharePct: string; source: string | null; expected: string | null },
  origin: Origin,
): Promise<Committed<CohortShareRow>> {
  return db.transaction(async (tx) => {
    const { cohort, where, before } = await namedShare(tx, request.regionCode, request.cohort);
    const base = normaliseCohort(request.baseCohort);
    // What is wrong with the value comes first: it is what the planner can fix.
    const problems = shareProblems(cohort, base, request.sharePct);
    if (problems.length) throw new AppError('refused', `${where}：${problems.map((p) => p.message).join('；')}，没有保存。`);
    const cycle = shareCycleProblem(await shareBases(tx, request.regionCode, [{ regionCode: request.regionCode, cohort, base }]), cohort, base);
    if (cycle) throw new AppError('refused', `${where}：${cycle}，没有保存。`);
    checkUnchanged(before, request.expected, where);
    const given = request.source?.trim();
    const source = given || typedSource(before);
    const status = given ? 'sourced' : 'unverified';
    await tx.run(
      `INSERT INTO cohort_shares VALUES ($1, $2, $3, CAST($4 AS DECIMAL(9,4)), $5, $6)
       ON CONFLICT (region_code, cohort) DO UPDATE SET base_cohort = excluded.base_cohort, share_pct = excluded.share_pct,
         source = excluded.source, status = excluded.status`,
      [request.regionCode, cohort, base, shareText(request.sharePct), source, status],
    );
    await logChange(tx, null, 'share.set', { ...request, cohort, baseCohort: base }, before, origin);
    await repriceAll(tx, 'population');
    return { value: (await getCohortShare(tx, request.regionCode, cohort))!, change: { catalogueId: null, scope: 'regions', itemIds: [] } };
  });
}

export async function deleteCohortShare(
  db: Database,
  request: { regionCode: string; cohort: string; expected: string },
  origin: Origin,
): Promise<Committed<null>> {
  return db.transaction(async (tx) => {
    const { cohort, where, before } = await namedShare(tx, request.regionCode, request.cohort);
    if (!before) throw new AppError('not_found', `${where}已不存在。`);
    checkUnchanged(before, request.expected, where);
    await tx.run('DELETE FROM cohort_shares WHERE region_code = $1 AND cohort = $2', [request.regionCode, cohort]);
    await logChange(tx, null, 'share.delete', request, before, origin);
    await repriceAll(tx, 'population');
    return { value: null, change: { catalogueId: null, scope: 'regions', itemIds: [] } };
  });
}
