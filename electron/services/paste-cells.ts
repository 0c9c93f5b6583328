// A block of cells written at once — a paste from Excel or WPS, a cut, Delete on a range — turned into
// the commands that do it (rows added at the end of a domain, then the cells), applied as ONE undo step:
// all of it is saved, or, if one cell is refused, nothing, and the message names that cell.
import { randomUUID } from 'node:crypto';
import type { Request } from '../../shared/contract';
import type { ItemField } from '../../shared/domain/catalogue';
import type { Command } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { AppError } from '../db/app-error';
import type { Database } from '../db/database';
import { getItem } from './catalogue-queries';
import { executeBatch } from './commands';
import type { Origin } from './commands';
import { NEW_ITEM_NAME } from './structure-requests';

export type PasteRequest = Request<'items.paste'>;

const VERBS = { paste: '粘贴', cut: '剪切', clear: '清除' } as const;

export interface PasteOutcome {
  label: string;
  /** Cells written (the block's cells, new rows' included). */
  cells: number;
  /** Ids of the rows added, in order. */
  added: string[];
  /** Every item the step touched. */
  itemIds: string[];
}

export async function pasteCells(db: Database, request: PasteRequest, origin: Origin): Promise<PasteOutcome> {
  const { catalogueId, action, cells, newRows } = request;
  const verb = VERBS[action];
  const refuse = (message: string): never => {
    throw new AppError('refused', `${verb}没有执行，没有改动任何单元格：${message}`);
  };
  const own = new Set((await db.all('SELECT id FROM items WHERE catalogue_id = $1', [catalogueId])).map((r) => String(r.id)));
  for (const cell of cells) {
    if (!own.has(cell.itemId)) refuse(`服务项目“${cell.itemId}”不在这份清单里（可能已被删除），请刷新后再试。`);
  }

  const commands: Command[] = [];
  const added: string[] = [];
  let newCells = 0;
  if (newRows && newRows.rows.length) {
    const after = await getItem(db, newRows.afterItemId);
    if (after.catalogueId !== catalogueId) refuse('新增行所在的位置不在这份清单里，请刷新后再试。');
    const order = await db.all('SELECT id FROM items WHERE catalogue_id = $1 AND domain_seq = $2 ORDER BY position, id', [catalogueId, after.domainSeq]);
    const start = order.findIndex((r) => String(r.id) === after.id) + 1;
    const fills: Command[] = [];
    newRows.rows.forEach((row, n) => {
      const name = normaliseCellText(row.name ?? null);
      if (name === null) {
        refuse(`新增的第 ${n + 1} 行（将成为第${after.itemNo + n + 1}项）“服务项目”是空的，服务项目不能没有名称。请在要粘贴的内容里补上名称，或少粘贴几行。`);
      }
      const itemId = `${catalogueId}:${randomUUID().slice(0, 8)}`;
      added.push(itemId);
      commands.push({ kind: 'item.insert', itemId, catalogueId, domainSeq: after.domainSeq, index: start + n, name: name ?? NEW_ITEM_NAME });
      newCells += 1;
      for (const [field, value] of Object.entries(row) as [ItemField, string | null][]) {
        if (field === 'name') continue;
        newCells += 1;
        if (normaliseCellText(value) !== null) fills.push({ kind: 'item.setField', itemId, field, value, expected: null });
      }
    });
    commands.push(...fills);
  }
  for (const cell of cells) commands.push({ kind: 'item.setField', itemId: cell.itemId, field: cell.field, value: cell.value, expected: cell.expected });
  const count = cells.length + newCells;
  if (count === 0) refuse('没有选中任何可以改动的单元格。');
  const label = `${verb} ${count} 个单元格${added.length ? `（新增 ${added.length} 行）` : ''}`;
  try {
    await executeBatch(db, commands, label, origin);
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError(error.code, `${verb}没有执行，没有改动任何单元格：${error.message.replace(/，?本次修改没有保存。?/u, '。')}`);
    }
    throw error;
  }
  return { label, cells: count, added, itemIds: [...new Set([...cells.map((c) => c.itemId), ...added])] };
}
