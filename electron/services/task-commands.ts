// The write of one task annex cell, applied inside the transaction executeCommand opens and recorded in
// change_log with its inverse, like an item edit.
import { logChange } from './change-log';
import type { Origin } from './commands';
import type { SetTaskFieldCommand } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { checkedCellValue } from './cell-value';
import { TASK_FIELD_LABELS } from '../../shared/domain/task';
import type { CatalogueTask } from '../../shared/domain/task';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';
import { getTask } from './task-queries';

export interface TaskCommandResult {
  task: CatalogueTask;
  changeId: number;
}

const COLUMNS = { task: 'task', responsibleUnits: 'responsible_units' } as const;

export async function setTaskField(tx: Tx, command: SetTaskFieldCommand, origin: Origin): Promise<TaskCommandResult> {
  const before = await getTask(tx, command.taskId);
  const where = `第${before.taskNo}项重点任务的“${TASK_FIELD_LABELS[command.field]}”`;
  const stored = normaliseCellText(before[command.field]);
  if (stored !== normaliseCellText(command.expected)) {
    throw new AppError('conflict', `${where}已被改动（可能是在另一个窗口），本次修改没有保存。请刷新后再改。`);
  }
  const value = checkedCellValue(command.value, where);
  if (value === null) throw new AppError('refused', `${where}不能为空，本次修改没有保存。`);
  if (value === stored) return { task: before, changeId: 0 };
  await tx.run(`UPDATE tasks SET ${COLUMNS[command.field]} = $1 WHERE id = $2`, [value, command.taskId]);
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [before.catalogueId]);
  const inverse: SetTaskFieldCommand = { ...command, value: before[command.field], expected: value };
  const changeId = await logChange(tx, before.catalogueId, command.kind, { ...command, value }, inverse, origin, `修改${where}`);
  return { task: await getTask(tx, command.taskId), changeId };
}
