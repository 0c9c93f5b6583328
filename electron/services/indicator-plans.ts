// Indicator tables: the published ones of the seed documents (read-only) and the drafts for a new plan,
// read as one shape; the drafts are created, edited and deleted by commands recorded with their inverse.
import { logChange } from './change-log';
import type { Origin } from './commands';
import type { CreateIndicatorPlanCommand, DeleteIndicatorPlanCommand, SetIndicatorFieldCommand } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { checkedCellValue } from './cell-value';
import { INDICATOR_FIELD_LABELS, nextPeriod } from '../../shared/domain/indicator-plan';
import type { IndicatorPlanRow, IndicatorPlanSummary, IndicatorPlanTable } from '../../shared/domain/indicator-plan';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { text, textOrNull } from '../db/row-values';
import { listIndicators } from './reference-queries';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

/** The title a plan's indicator table carries: "“十四五”社会发展与公共服务主要指标". */
export function indicatorTitle(period: string): string {
  return `“${period}”社会发展与公共服务主要指标`;
}

export async function listIndicatorPlans(db: Reader): Promise<IndicatorPlanSummary[]> {
  const published = await db.all(
    `SELECT d.id, d.period, min(i.baseline_year) AS baseline_year, min(i.target_year) AS target_year
     FROM documents d JOIN plan_indicators i ON i.document_id = d.id GROUP BY d.id, d.period ORDER BY d.id`,
  );
  const drafts = await db.all('SELECT * FROM indicator_plans ORDER BY created_at, id');
  return [
    ...published.map((r): IndicatorPlanSummary => ({
      id: text(r.id),
      title: indicatorTitle(text(r.period)),
      period: text(r.period),
      baselineYear: Number(r.baseline_year),
      targetYear: Number(r.target_year),
      source: 'document',
    })),
    ...drafts.map((r): IndicatorPlanSummary => ({
      id: text(r.id),
      title: text(r.title),
      period: text(r.period),
      baselineYear: Number(r.baseline_year),
      targetYear: Number(r.target_year),
      source: 'draft',
    })),
  ];
}

export async function getIndicatorPlan(db: Reader, planId: string): Promise<IndicatorPlanTable> {
  const plan = (await listIndicatorPlans(db)).find((p) => p.id === planId);
  if (!plan) throw new AppError('not_found', `没有编号为“${planId}”的指标表。`);
  if (plan.source === 'document') {
    const table = await listIndicators(db, planId);
    return {
      plan,
      rows: table.indicators.map((i) => ({
        seq: i.seq,
        category: i.category,
        name: `${i.name}${i.nameMarks}`,
        baseline: i.baseline.raw,
        target: i.target.raw,
        attribute: i.attribute,
      })),
      notes: table.notes,
    };
  }
  const rows = await db.all('SELECT * FROM indicator_plan_rows WHERE plan_id = $1 ORDER BY seq', [planId]);
  const notes = await db.all('SELECT text FROM indicator_plan_notes WHERE plan_id = $1 ORDER BY seq', [planId]);
  return {
    plan,
    rows: rows.map((r): IndicatorPlanRow => ({
      seq: Number(r.seq),
      category: text(r.category),
      name: text(r.name),
      baseline: textOrNull(r.baseline),
      target: textOrNull(r.target),
      attribute: textOrNull(r.attribute),
    })),
    notes: notes.map((n) => text(n.text)),
  };
}

function log(tx: Tx, command: { kind: string }, inverse: object | null, origin: Origin): Promise<number> {
  return logChange(tx, null, command.kind, command, inverse, origin);
}

export async function createIndicatorPlan(tx: Tx, command: CreateIndicatorPlanCommand, origin: Origin): Promise<{ plan: IndicatorPlanTable; changeId: number }> {
  const source = await getIndicatorPlan(tx, command.basedOnDocument);
  if ((await tx.all('SELECT 1 FROM indicator_plans WHERE id = $1', [command.planId])).length > 0) {
    throw new AppError('conflict', `编号为“${command.planId}”的指标表已经存在，没有重复新建。`);
  }
  const period = nextPeriod(source.plan.period);
  const baselineYear = source.plan.targetYear;
  const targetYear = baselineYear + 5;
  await tx.run(
    'INSERT INTO indicator_plans (id, title, period, baseline_year, target_year, based_on_document) VALUES ($1, $2, $3, $4, $5, $6)',
    [command.planId, indicatorTitle(period), period, baselineYear, targetYear, command.basedOnDocument],
  );
  // The new baseline starts as the old plan's target (to be replaced by the year's actual figure);
  // the new target is left for the planners to set.
  for (const row of source.rows) {
    await tx.run(
      'INSERT INTO indicator_plan_rows (plan_id, seq, category, name, baseline, target, attribute) VALUES ($1, $2, $3, $4, $5, NULL, $6)',
      [command.planId, row.seq, row.category, row.name, row.target, row.attribute],
    );
  }
  for (const [index, note] of source.notes.entries()) {
    await tx.run('INSERT INTO indicator_plan_notes (plan_id, seq, text) VALUES ($1, $2, $3)', [command.planId, index + 1, note]);
  }
  const inverse: DeleteIndicatorPlanCommand = { kind: 'indicatorPlan.delete', planId: command.planId };
  const changeId = await log(tx, command, inverse, origin);
  return { plan: await getIndicatorPlan(tx, command.planId), changeId };
}

export async function deleteIndicatorPlan(tx: Tx, command: DeleteIndicatorPlanCommand, origin: Origin): Promise<{ changeId: number }> {
  const [plan] = await tx.all('SELECT based_on_document FROM indicator_plans WHERE id = $1', [command.planId]);
  if (!plan) throw new AppError('not_found', `没有编号为“${command.planId}”的指标表草稿。`);
  await tx.run('DELETE FROM indicator_plan_rows WHERE plan_id = $1', [command.planId]);
  await tx.run('DELETE FROM indicator_plan_notes WHERE plan_id = $1', [command.planId]);
  await tx.run('DELETE FROM indicator_plans WHERE id = $1', [command.planId]);
  const inverse: CreateIndicatorPlanCommand = { kind: 'indicatorPlan.create', planId: command.planId, basedOnDocument: text(plan.based_on_document) };
  return { changeId: await log(tx, command, inverse, origin) };
}

const REQUIRED = new Set(['category', 'name']);

export async function setIndicatorField(tx: Tx, command: SetIndicatorFieldCommand, origin: Origin): Promise<{ row: IndicatorPlanRow; changeId: number }> {
  const table = await getIndicatorPlan(tx, command.planId);
  if (table.plan.source === 'document') {
    throw new AppError('refused', `“${table.plan.title}”是已发布文件中的指标表，不能修改；请先以它为底新建一份指标表草稿。`);
  }
  const before = table.rows.find((row) => row.seq === command.seq);
  if (!before) throw new AppError('not_found', `指标表“${table.plan.title}”中没有第 ${command.seq} 行。`);
  const where = `第${command.seq}行指标“${before.name}”的“${INDICATOR_FIELD_LABELS[command.field]}”`;
  const stored = normaliseCellText(before[command.field]);
  if (stored !== normaliseCellText(command.expected)) {
    throw new AppError('conflict', `${where}已被改动（可能是在另一个窗口），本次修改没有保存。请刷新后再改。`);
  }
  const value = checkedCellValue(command.value, where);
  if (value === null && REQUIRED.has(command.field)) throw new AppError('refused', `${where}不能为空，本次修改没有保存。`);
  if (value === stored) return { row: before, changeId: 0 };
  await tx.run(`UPDATE indicator_plan_rows SET ${command.field} = $1 WHERE plan_id = $2 AND seq = $3`, [value, command.planId, command.seq]);
  await tx.run('UPDATE indicator_plans SET updated_at = current_timestamp WHERE id = $1', [command.planId]);
  const inverse: SetIndicatorFieldCommand = { ...command, value: before[command.field], expected: value };
  const applied: SetIndicatorFieldCommand = { ...command, value };
  const changeId = await log(tx, applied, inverse, origin);
  const after = (await getIndicatorPlan(tx, command.planId)).rows.find((row) => row.seq === command.seq)!;
  return { row: after, changeId };
}
