// The write of one task annex cell, applied inside the transaction executeCommand opens and recorded in
// change_log with its inverse, like an item edit.
import { logChange } from './change-log';
import type { Origin } from './commands';
import type { DeleteTaskCommand, InsertTaskCommand, SetTaskFieldCommand } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { checkedCellValue } from './cell-value';
import { TASK_FIELD_LABELS } from '../../shared/domain/task';
import type { CatalogueTask } from '../../shared/domain/task';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { randomUUID } from 'node:crypto';
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

/** What a task inserted by the planner holds until written: said on the page and in the export's warnings. */
export const NEW_TASK_TEXT = { task: '（新重点任务）', responsibleUnits: '（待填写）' } as const;

/**
 * 序号 from `from` on moved by `by` (+1 or −1), through negative numbers first: the catalogue's 序号 are unique,
 * and a shift done in place would meet its own neighbours.
 */
async function shiftTaskNumbers(tx: Tx, catalogueId: string, from: number, by: 1 | -1): Promise<void> {
  await tx.run('UPDATE tasks SET task_no = -(task_no + $3) WHERE catalogue_id = $1 AND task_no >= $2', [catalogueId, from, by]);
  await tx.run('UPDATE tasks SET task_no = -task_no WHERE catalogue_id = $1 AND task_no < 0', [catalogueId]);
}

export async function insertTask(tx: Tx, command: InsertTaskCommand, origin: Origin): Promise<TaskCommandResult> {
  const [catalogue] = await tx.all('SELECT 1 AS ok FROM catalogues WHERE id = $1 AND removed_at IS NULL', [command.catalogueId]);
  if (!catalogue) throw new AppError('not_found', `没有编号为“${command.catalogueId}”的清单，它可能已被删除，没有插入重点任务。`);
  const [{ n } = { n: 0 }] = await tx.all('SELECT count(*) AS n FROM tasks WHERE catalogue_id = $1', [command.catalogueId]);
  const count = Number(n);
  if (command.taskNo < 1 || command.taskNo > count + 1) {
    throw new AppError('refused', `重点任务只能插在第 1 到第 ${count + 1} 项之间，收到第 ${command.taskNo} 项，没有插入。`);
  }
  const [taken] = await tx.all('SELECT 1 AS ok FROM tasks WHERE id = $1', [command.taskId]);
  if (taken) throw new AppError('conflict', `编号为“${command.taskId}”的重点任务已经存在，没有插入。`);
  await shiftTaskNumbers(tx, command.catalogueId, command.taskNo, 1);
  await tx.run('INSERT INTO tasks (id, catalogue_id, task_no, task, responsible_units) VALUES ($1, $2, $3, $4, $5)', [
    command.taskId, command.catalogueId, command.taskNo, command.task, command.responsibleUnits,
  ]);
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [command.catalogueId]);
  const inverse: DeleteTaskCommand = { kind: 'task.delete', taskId: command.taskId };
  const changeId = await logChange(tx, command.catalogueId, command.kind, command, inverse, origin, `插入第${command.taskNo}项重点任务`);
  return { task: await getTask(tx, command.taskId), changeId };
}

export async function deleteTask(tx: Tx, command: DeleteTaskCommand, origin: Origin): Promise<TaskCommandResult> {
  const before = await getTask(tx, command.taskId);
  await tx.run('DELETE FROM tasks WHERE id = $1', [command.taskId]);
  await shiftTaskNumbers(tx, before.catalogueId, before.taskNo + 1, -1);
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [before.catalogueId]);
  const inverse: InsertTaskCommand = {
    kind: 'task.insert', catalogueId: before.catalogueId, taskId: before.id, taskNo: before.taskNo, task: before.task, responsibleUnits: before.responsibleUnits,
  };
  const changeId = await logChange(tx, before.catalogueId, command.kind, command, inverse, origin, `删除第${before.taskNo}项重点任务“${before.task.slice(0, 20)}”`);
  return { task: before, changeId };
}

/** The command that puts a new task above or below the one picked, or first in a catalogue that has none. */
export async function taskInsertCommand(
  db: Pick<Database, 'all'>,
  request: { anchorTaskId: string; where: 'above' | 'below' } | { catalogueId: string },
): Promise<InsertTaskCommand> {
  const at = 'anchorTaskId' in request ? await getTask(db, request.anchorTaskId) : null;
  const catalogueId = at?.catalogueId ?? ('catalogueId' in request ? request.catalogueId : '');
  const taskNo = at === null ? 1 : 'where' in request && request.where === 'below' ? at.taskNo + 1 : at.taskNo;
  return { kind: 'task.insert', catalogueId, taskId: `${catalogueId}:task-${randomUUID().slice(0, 8)}`, taskNo, ...NEW_TASK_TEXT };
}
