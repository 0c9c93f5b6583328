// The one place every user edit is written: validated, applied in a transaction, recorded in change_log
// with its inverse. Nothing else in the app issues UPDATE/INSERT/DELETE on catalogue content.
import type { Command, SetItemFieldCommand } from '../../shared/domain/commands';
import { checkCellText, normaliseCellText } from '../../shared/domain/cell-text';
import type { CatalogueItem } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { getItem } from './catalogue-queries';
import { ITEM_COLUMNS } from './item-columns';

export type Origin = 'app' | 'cli' | 'seed' | 'test';

export interface CommandResult {
  item: CatalogueItem;
  changeId: number;
}

export function executeCommand(db: Database, command: Command, origin: Origin): Promise<CommandResult> {
  switch (command.kind) {
    case 'item.setField':
      return db.transaction((tx) => setItemField(tx, command, origin));
  }
}

async function setItemField(tx: Tx, command: SetItemFieldCommand, origin: Origin): Promise<CommandResult> {
  const before = await getItem(tx, command.itemId);
  const [labels] = await tx.all(`SELECT ${ITEM_COLUMNS[command.field].labelColumn} AS label FROM catalogues WHERE id = $1`, [before.catalogueId]);
  const where = `第${before.itemNo}项“${before.name}”的“${String(labels?.label ?? command.field)}”`;
  const current = before[command.field];
  const stored = normaliseCellText(current);
  if (stored !== normaliseCellText(command.expected)) {
    throw new AppError('conflict', `${where}已被改动（可能是在另一个窗口），本次修改没有保存。请刷新后再改。`);
  }
  const checked = checkCellText(command.value);
  if (!checked.ok) throw new AppError('refused', `${where}${checked.reason}，本次修改没有保存。请删去这个字符后再保存。`);
  const value = checked.text;
  if (command.field === 'name' && value === null) {
    throw new AppError('refused', `${where}不能为空（只有空格或看不见的字符也算空），本次修改没有保存。`);
  }
  if (value === stored) return { item: before, changeId: 0 };

  const { column } = ITEM_COLUMNS[command.field];
  await tx.run(`UPDATE items SET ${column} = $1, updated_at = current_timestamp WHERE id = $2`, [value, command.itemId]);
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [before.catalogueId]);
  const inverse: SetItemFieldCommand = { ...command, value: current, expected: value };
  const [logged] = await tx.all(
    `INSERT INTO change_log (catalogue_id, command, payload, inverse, origin) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [before.catalogueId, command.kind, JSON.stringify({ ...command, value }), JSON.stringify(inverse), origin],
  );
  return { item: await getItem(tx, command.itemId), changeId: Number(logged?.id) };
}
