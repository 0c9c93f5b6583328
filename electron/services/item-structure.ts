// The catalogue's structure on the one write path: insert, delete (with the item's drivers and cost
// lines), restore and move. 序号 is derived from (domain, position), so only positions are rewritten.
import type { DeleteItemCommand, InsertItemCommand, MoveItemCommand, RestoreItemCommand } from '../../shared/domain/commands';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';
import { repriceItems } from '../pricing/reprice';
import { getItem } from './catalogue-queries';
import { logChange } from './change-log';
import type { Origin } from './commands';
import { checkedCellValue } from './cell-value';
import type { CatalogueItem } from '../../shared/domain/catalogue';
import { refuseDuplicateName } from './item-rules';

export const ITEM_SNAPSHOT = [
  'id', 'catalogue_id', 'domain_seq', 'source_item_no', 'name', 'target_group', 'standard',
  'funding_responsibility', 'lead_department', 'lineage_id',
] as const;
export const DRIVER_SNAPSHOT = [
  'key', 'cohort', 'coverage', 'unit_amount', 'unit', 'periods_per_year', 'base_year', 'yearly_change', 'split_rule_id', 'central_pct',
] as const;

export interface StructureResult {
  item: CatalogueItem | null;
  changeId: number;
}

/** The ids of a domain's items in order, without `except`. */
export async function domainOrder(tx: Tx, catalogueId: string, domainSeq: number, except: string | null): Promise<string[]> {
  const rows = await tx.all(
    'SELECT id FROM items WHERE catalogue_id = $1 AND domain_seq = $2 AND id <> $3 ORDER BY position, id',
    [catalogueId, domainSeq, except ?? ''],
  );
  return rows.map((r) => String(r.id));
}

/** Positions 1, 2, 3 … in the order given: one statement, and only the rows whose position changes. */
export async function writeOrder(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UPDATE items SET position = v.position
     FROM (SELECT unnest(from_json($1, '[{"id":"VARCHAR","position":"INTEGER"}]'), recursive := true)) v
     WHERE items.id = v.id AND items.position IS DISTINCT FROM v.position`,
    [JSON.stringify(ids.map((id, n) => ({ id, position: n + 1 })))],
  );
}

/** Where an item stands: its domain and its 0-based index among that domain's items. */
async function placeOf(tx: Tx, item: CatalogueItem): Promise<{ domainSeq: number; index: number }> {
  const order = await domainOrder(tx, item.catalogueId, item.domainSeq, null);
  return { domainSeq: item.domainSeq, index: order.indexOf(item.id) };
}

async function checkDomain(tx: Tx, catalogueId: string, domainSeq: number): Promise<void> {
  const [row] = await tx.all('SELECT 1 AS ok FROM domains WHERE catalogue_id = $1 AND seq = $2', [catalogueId, domainSeq]);
  if (!row) throw new AppError('not_found', `这份清单没有第 ${domainSeq} 个领域，没有做任何改动。`);
}

async function touch(tx: Tx, catalogueId: string): Promise<void> {
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [catalogueId]);
}

export async function insertItem(tx: Tx, command: InsertItemCommand, origin: Origin): Promise<StructureResult> {
  await checkDomain(tx, command.catalogueId, command.domainSeq);
  const name = checkedCellValue(command.name, '新服务项目的名称');
  if (name === null) throw new AppError('refused', '新服务项目的名称不能为空，没有插入。');
  const [taken] = await tx.all('SELECT 1 AS ok FROM items WHERE id = $1', [command.itemId]);
  if (taken) throw new AppError('conflict', `编号为“${command.itemId}”的服务项目已经存在，没有插入。`);
  await refuseDuplicateName(tx, command.catalogueId, command.domainSeq, name, null, `新服务项目“${name}”`, '没有插入');
  const order = await domainOrder(tx, command.catalogueId, command.domainSeq, null);
  const index = Math.max(0, Math.min(command.index, order.length));
  await tx.run('INSERT INTO items (id, catalogue_id, domain_seq, position, name) VALUES ($1, $2, $3, 0, $4)', [
    command.itemId, command.catalogueId, command.domainSeq, name,
  ]);
  order.splice(index, 0, command.itemId);
  await writeOrder(tx, order);
  await touch(tx, command.catalogueId);
  const item = await getItem(tx, command.itemId);
  const inverse: DeleteItemCommand = { kind: 'item.delete', itemId: command.itemId };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, index }, inverse, origin, `插入第${item.itemNo}项`);
  return { item, changeId };
}

export async function deleteItem(tx: Tx, command: DeleteItemCommand, origin: Origin): Promise<StructureResult> {
  const item = await getItem(tx, command.itemId);
  const { index } = await placeOf(tx, item);
  const taken = await takeItem(tx, command.itemId);
  await writeOrder(tx, await domainOrder(tx, item.catalogueId, item.domainSeq, null));
  await touch(tx, item.catalogueId);
  const inverse: RestoreItemCommand = { kind: 'item.restore', index, ...taken };
  const changeId = await logChange(tx, item.catalogueId, command.kind, command, inverse, origin, `删除第${item.itemNo}项“${item.name}”`);
  return { item: null, changeId };
}

export interface TakenItem {
  item: Record<string, string | number | null>;
  driver: Record<string, string | number | null> | null;
}

/** Removes an item's row, driver row and cost lines, and answers them as stored, to be put back by putBackItem. */
export async function takeItem(tx: Tx, itemId: string): Promise<TakenItem> {
  const [stored] = await tx.all(`SELECT ${ITEM_SNAPSHOT.join(', ')} FROM items WHERE id = $1`, [itemId]);
  if (!stored) throw new AppError('not_found', `没有编号为“${itemId}”的服务项目，它可能已被删除。`);
  const [driver] = await tx.all(
    `SELECT ${DRIVER_SNAPSHOT.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')} FROM item_drivers WHERE item_id = $1`,
    [itemId],
  );
  if (driver) {
    await tx.run('DELETE FROM cost_lines WHERE item_key = $1', [Number(driver.key)]);
    await tx.run('DELETE FROM item_drivers WHERE item_id = $1', [itemId]);
  }
  await tx.run('DELETE FROM items WHERE id = $1', [itemId]);
  return { item: snapshot(stored, ITEM_SNAPSHOT), driver: driver ? snapshot(driver, DRIVER_SNAPSHOT) : null };
}

/** Inserts a taken item's row (in `domainSeq`, at `position`) and its driver row; the caller reprices. */
export async function putBackItem(tx: Tx, taken: TakenItem, domainSeq: number, position: number): Promise<string> {
  const stored = taken.item;
  const itemId = String(stored.id);
  const [exists] = await tx.all('SELECT 1 AS ok FROM items WHERE id = $1', [itemId]);
  if (exists) throw new AppError('conflict', `服务项目“${String(stored.name)}”已经存在，无法恢复，没有做任何改动。`);
  const values = ITEM_SNAPSHOT.map((c) =>
    c === 'domain_seq' ? domainSeq : c === 'source_item_no' && stored[c] !== null ? Number(stored[c]) : (stored[c] ?? null),
  );
  await tx.run(
    `INSERT INTO items (${ITEM_SNAPSHOT.join(', ')}, position) VALUES (${ITEM_SNAPSHOT.map((_, i) => `$${i + 1}`).join(', ')}, ${position})`,
    values,
  );
  if (taken.driver) {
    const d = taken.driver;
    await tx.run(
      `INSERT INTO item_drivers (item_id, ${DRIVER_SNAPSHOT.join(', ')}) VALUES ($1, ${DRIVER_SNAPSHOT.map((_, i) => `$${i + 2}`).join(', ')})`,
      [itemId, ...DRIVER_SNAPSHOT.map((c) => (d[c] === null || d[c] === undefined ? null : String(d[c])))],
    );
  }
  return itemId;
}

/** A stored row as the log keeps it: plain numbers and strings. */
export function snapshot(row: Record<string, unknown>, columns: readonly string[]): Record<string, string | number | null> {
  return Object.fromEntries(columns.map((c) => {
    const value = row[c];
    return [c, value === null || value === undefined ? null : typeof value === 'number' ? value : String(value)];
  }));
}

export async function restoreItem(tx: Tx, command: RestoreItemCommand, origin: Origin): Promise<StructureResult> {
  const stored = command.item;
  const catalogueId = String(stored.catalogue_id);
  const domainSeq = Number(stored.domain_seq);
  await checkDomain(tx, catalogueId, domainSeq);
  await refuseDuplicateName(tx, catalogueId, domainSeq, String(stored.name), String(stored.id), `服务项目“${String(stored.name)}”`, '无法恢复');
  const itemId = await putBackItem(tx, command, domainSeq, 0);
  const order = await domainOrder(tx, catalogueId, domainSeq, itemId);
  order.splice(Math.max(0, Math.min(command.index, order.length)), 0, itemId);
  await writeOrder(tx, order);
  if (command.driver) await repriceItems(tx, [itemId]);
  await touch(tx, catalogueId);
  const item = await getItem(tx, itemId);
  const inverse: DeleteItemCommand = { kind: 'item.delete', itemId };
  const changeId = await logChange(tx, catalogueId, command.kind, command, inverse, origin, `恢复第${item.itemNo}项“${item.name}”`);
  return { item, changeId };
}

export async function moveItem(tx: Tx, command: MoveItemCommand, origin: Origin): Promise<StructureResult> {
  const before = await getItem(tx, command.itemId);
  await checkDomain(tx, before.catalogueId, command.domainSeq);
  const from = await placeOf(tx, before);
  if (from.domainSeq !== command.domainSeq) {
    await refuseDuplicateName(tx, before.catalogueId, command.domainSeq, before.name, before.id, `第${before.itemNo}项“${before.name}”`, '没有移动');
  }
  const order = await domainOrder(tx, before.catalogueId, command.domainSeq, command.itemId);
  const index = Math.max(0, Math.min(command.index, order.length));
  if (from.domainSeq === command.domainSeq && from.index === index) return { item: before, changeId: 0 };
  order.splice(index, 0, command.itemId);
  await tx.run('UPDATE items SET domain_seq = $1 WHERE id = $2', [command.domainSeq, command.itemId]);
  await writeOrder(tx, order);
  if (from.domainSeq !== command.domainSeq) await writeOrder(tx, await domainOrder(tx, before.catalogueId, from.domainSeq, null));
  await touch(tx, before.catalogueId);
  const item = await getItem(tx, command.itemId);
  const inverse: MoveItemCommand = { kind: 'item.move', itemId: command.itemId, domainSeq: from.domainSeq, index: from.index };
  const up = command.domainSeq < from.domainSeq || (command.domainSeq === from.domainSeq && index < from.index);
  const verb = up ? '上移' : '下移';
  const changeId = await logChange(tx, before.catalogueId, command.kind, { ...command, index }, inverse, origin, `${verb}第${before.itemNo}项“${before.name}”`);
  return { item, changeId };
}
