// Reads of a catalogue's task annex (重点任务分工方案).
import type { CatalogueTask } from '../../shared/domain/task';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { text } from '../db/row-values';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

function toTask(row: PlainRow): CatalogueTask {
  return {
    id: text(row.id),
    catalogueId: text(row.catalogue_id),
    taskNo: Number(row.task_no),
    task: text(row.task),
    responsibleUnits: text(row.responsible_units),
  };
}

export async function listTasks(db: Reader, catalogueId: string): Promise<CatalogueTask[]> {
  const rows = await db.all('SELECT * FROM tasks WHERE catalogue_id = $1 ORDER BY task_no', [catalogueId]);
  return rows.map(toTask);
}

export async function getTask(db: Reader, taskId: string): Promise<CatalogueTask> {
  const [row] = await db.all('SELECT * FROM tasks WHERE id = $1', [taskId]);
  if (!row) throw new AppError('not_found', `没有编号为“${taskId}”的重点任务，它可能已被删除。`);
  return toTask(row);
}
