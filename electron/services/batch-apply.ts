// Many commands in one transaction — a paste of 500 rows × 6 columns, a delete of 200 rows, their undo —
// applied set-based: the items are read once, every command is checked in order against the state the ones
// before it left (the same checks and messages as one command alone), then written in a few statements and
// logged in one. Applied one by one, each command would re-read and re-number the catalogue: minutes for
// a large paste instead of a second. Runs of other kinds, and single commands, go the ordinary way.
import type { CatalogueItem, ItemField } from '../../shared/domain/catalogue';
import type { Command, DeleteItemCommand, InsertItemCommand, RestoreItemCommand, SetDriverFieldCommand, SetItemFieldCommand } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';
import { refuseIfPublished } from './catalogue-guard';
import { getItems } from './catalogue-queries';
import { idList, idsFromJson } from '../db/id-list';
import { checkedCellValue } from './cell-value';
import { logChanges } from './change-log';
import { applyDriverCells } from './pricing-commands';
import type { LoggedChange } from './change-log';
import type { Origin } from './commands';
import { ITEM_COLUMNS } from './item-columns';
import { comparableName, duplicateName, refuseOverLong } from './item-rules';
import { DRIVER_SNAPSHOT, ITEM_SNAPSHOT, snapshot, writeOrder } from './item-structure';

/**
 * Applies `commands` in order; runs of cell edits, inserts and deletes of one catalogue, and of driver
 * edits, go set-based, the rest through `one` (the ordinary path: applyCommand, or the history's own for
 * a driver edit alone).
 */
export async function applyCommands<C extends { kind: string }>(tx: Tx, commands: readonly C[], origin: Origin, one: (tx: Tx, command: C) => Promise<unknown>): Promise<void> {
  let start = 0;
  while (start < commands.length) {
    const kind = commands[start]!.kind;
    let end = start + 1;
    while (end < commands.length && commands[end]!.kind === kind) end += 1;
    const run = commands.slice(start, end);
    if (run.length > 1 && kind === 'item.setField') await setFields(tx, run as unknown as SetItemFieldCommand[], origin);
    else if (run.length > 1 && kind === 'item.insert') await insertItems(tx, run as unknown as InsertItemCommand[], origin);
    else if (run.length > 1 && kind === 'item.delete') await deleteItems(tx, run as unknown as DeleteItemCommand[], origin);
    else if (run.length > 1 && kind === 'driver.setField') await applyDriverCells(tx, run as unknown as SetDriverFieldCommand[], origin);
    else for (const command of run) await one(tx, command);
    start = end;
  }
}

/** The catalogue of a run (a batch never spans two), after the published guard. */
async function catalogueOf(tx: Tx, run: readonly Command[], catalogueIds: Iterable<string>): Promise<string> {
  const ids = [...new Set(catalogueIds)];
  if (ids.length !== 1) throw new AppError('bad_request', '一次操作只能改动同一份清单，没有做任何改动。');
  await refuseIfPublished(tx, run[0]!);
  return ids[0]!;
}

async function touch(tx: Tx, catalogueId: string): Promise<void> {
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [catalogueId]);
}

/** Every 领域 of a catalogue with its items in order, and what the one-name rule needs to name a twin. */
class CatalogueState {
  readonly order = new Map<number, string[]>();
  readonly domainNames = new Map<number, string>();
  private readonly names = new Map<string, { name: string; comparable: string }>();
  private readonly domainOfItem = new Map<string, number>();

  static async read(tx: Tx, catalogueId: string): Promise<CatalogueState> {
    const state = new CatalogueState();
    for (const d of await tx.all('SELECT seq, name FROM domains WHERE catalogue_id = $1 ORDER BY seq', [catalogueId])) {
      state.domainNames.set(Number(d.seq), String(d.name));
      state.order.set(Number(d.seq), []);
    }
    for (const i of await tx.all('SELECT id, domain_seq, name FROM items WHERE catalogue_id = $1 ORDER BY domain_seq, position, id', [catalogueId])) {
      state.order.get(Number(i.domain_seq))?.push(String(i.id));
      state.place(String(i.id), Number(i.domain_seq), String(i.name));
    }
    return state;
  }

  /** Records an item's 领域 and name (after an insert or a rename). */
  place(itemId: string, domainSeq: number, name: string): void {
    this.names.set(itemId, { name, comparable: comparableName(name) });
    this.domainOfItem.set(itemId, domainSeq);
  }

  /** 序号 of an item as the catalogue now stands: straight through the 领域. */
  itemNo(domainSeq: number, index: number): number {
    let before = 0;
    for (const [seq, ids] of this.order) if (seq < domainSeq) before += ids.length;
    return before + index + 1;
  }

  domainOf(itemId: string): number {
    const seq = this.domainOfItem.get(itemId);
    if (seq === undefined) throw new AppError('not_found', `没有编号为“${itemId}”的服务项目，它可能已被删除。`);
    return seq;
  }

  refuseTwin(domainSeq: number, name: string, itemId: string | null, what: string, outcome: string): void {
    const wanted = comparableName(name);
    const ids = this.order.get(domainSeq) ?? [];
    const twin = ids.findIndex((id) => id !== itemId && this.names.get(id)?.comparable === wanted);
    if (twin >= 0) throw duplicateName(what, this.itemNo(domainSeq, twin), domainSeq, this.domainNames.get(domainSeq) ?? '', this.names.get(ids[twin]!)?.name ?? '', outcome);
  }
}

async function setFields(tx: Tx, run: SetItemFieldCommand[], origin: Origin): Promise<void> {
  const items = await getItems(tx, run.map((c) => c.itemId));
  const catalogueId = await catalogueOf(tx, run, [...items.values()].map((i) => i.catalogueId));
  const [labels] = await tx.all(`SELECT ${Object.values(ITEM_COLUMNS).map((c) => c.labelColumn).join(', ')} FROM catalogues WHERE id = $1`, [catalogueId]);
  const label = (field: ItemField) => String(labels?.[ITEM_COLUMNS[field].labelColumn] ?? field);
  const needsNames = run.some((c) => c.field === 'name');
  const state = needsNames ? await CatalogueState.read(tx, catalogueId) : null;
  const current = new Map<string, CatalogueItem>([...items].map(([id, item]) => [id, { ...item }]));
  const written = new Map<ItemField, Map<string, string | null>>();
  const logged: LoggedChange[] = [];
  for (const command of run) {
    const before = current.get(command.itemId)!;
    const where = `第${before.itemNo}项“${before.name}”的“${label(command.field)}”`;
    const stored = normaliseCellText(before[command.field]);
    if (stored !== normaliseCellText(command.expected)) {
      throw new AppError('conflict', `${where}已被改动（可能是在另一个窗口），本次修改没有保存。请刷新后再改。`);
    }
    const value = checkedCellValue(command.value, where);
    if (command.field === 'name' && value === null) {
      throw new AppError('refused', `${where}不能为空（只有空格或看不见的字符也算空），本次修改没有保存。`);
    }
    if (value === stored) continue;
    refuseOverLong(command.field, value, where);
    if (command.field === 'name') {
      state!.refuseTwin(before.domainSeq, value!, before.id, where, '本次修改没有保存');
      state!.place(before.id, before.domainSeq, value!);
    }
    const old = before[command.field];
    (before as unknown as Record<ItemField, string | null>)[command.field] = value;
    if (!written.has(command.field)) written.set(command.field, new Map());
    written.get(command.field)!.set(command.itemId, value);
    const inverse: SetItemFieldCommand = { ...command, value: old, expected: value };
    logged.push({ command: command.kind, payload: { ...command, value }, inverse, description: `修改第${before.itemNo}项的“${label(command.field)}”` });
  }
  for (const [field, values] of written) {
    await tx.run(
      `UPDATE items SET ${ITEM_COLUMNS[field].column} = v.value, updated_at = current_timestamp
       FROM (SELECT unnest(from_json($1, '[{"id":"VARCHAR","value":"VARCHAR"}]'), recursive := true)) v WHERE items.id = v.id`,
      [JSON.stringify([...values].map(([id, value]) => ({ id, value })))],
    );
  }
  if (logged.length) await touch(tx, catalogueId);
  await logChanges(tx, catalogueId, logged, origin);
}

async function insertItems(tx: Tx, run: InsertItemCommand[], origin: Origin): Promise<void> {
  const catalogueId = await catalogueOf(tx, run, run.map((c) => c.catalogueId));
  const state = await CatalogueState.read(tx, catalogueId);
  const ids = run.map((c) => c.itemId);
  const [taken] = await tx.all(`SELECT id FROM items WHERE id IN ${idsFromJson('$1')} LIMIT 1`, [idList(ids)]);
  if (taken) throw new AppError('conflict', `编号为“${String(taken.id)}”的服务项目已经存在，没有插入。`);
  if (new Set(ids).size !== ids.length) throw new AppError('conflict', '同一批新增的服务项目编号重复，没有插入。');
  const rows: { id: string; domain_seq: number; name: string }[] = [];
  const logged: LoggedChange[] = [];
  const domains = new Set<number>();
  for (const command of run) {
    const order = state.order.get(command.domainSeq);
    if (!order) throw new AppError('not_found', `这份清单没有第 ${command.domainSeq} 个领域，没有做任何改动。`);
    const name = checkedCellValue(command.name, '新服务项目的名称');
    if (name === null) throw new AppError('refused', '新服务项目的名称不能为空，没有插入。');
    state.refuseTwin(command.domainSeq, name, null, `新服务项目“${name}”`, '没有插入');
    const index = Math.max(0, Math.min(command.index, order.length));
    order.splice(index, 0, command.itemId);
    state.place(command.itemId, command.domainSeq, name);
    domains.add(command.domainSeq);
    rows.push({ id: command.itemId, domain_seq: command.domainSeq, name });
    const inverse: DeleteItemCommand = { kind: 'item.delete', itemId: command.itemId };
    logged.push({ command: command.kind, payload: { ...command, index }, inverse, description: `插入第${state.itemNo(command.domainSeq, index)}项` });
  }
  await tx.run(
    `INSERT INTO items (id, catalogue_id, domain_seq, position, name)
     SELECT id, $1, domain_seq, 0, name FROM (SELECT unnest(from_json($2, '[{"id":"VARCHAR","domain_seq":"INTEGER","name":"VARCHAR"}]'), recursive := true))`,
    [catalogueId, JSON.stringify(rows)],
  );
  for (const seq of domains) await writeOrder(tx, state.order.get(seq)!);
  await touch(tx, catalogueId);
  await logChanges(tx, catalogueId, logged, origin);
}

async function deleteItems(tx: Tx, run: DeleteItemCommand[], origin: Origin): Promise<void> {
  const ids = run.map((c) => c.itemId);
  if (new Set(ids).size !== ids.length) throw new AppError('conflict', '同一服务项目不能在一次操作里删除两次，没有做任何改动。');
  const list = idList(ids);
  const stored = await tx.all(`SELECT ${ITEM_SNAPSHOT.join(', ')} FROM items WHERE id IN ${idsFromJson('$1')}`, [list]);
  const byId = new Map(stored.map((r) => [String(r.id), r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw new AppError('not_found', `没有编号为“${missing}”的服务项目，它可能已被删除。`);
  const catalogueId = await catalogueOf(tx, run, stored.map((r) => String(r.catalogue_id)));
  const drivers = await tx.all(
    `SELECT item_id, ${DRIVER_SNAPSHOT.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')} FROM item_drivers WHERE item_id IN ${idsFromJson('$1')}`,
    [list],
  );
  const driverOf = new Map(drivers.map((d) => [String(d.item_id), d]));
  const state = await CatalogueState.read(tx, catalogueId);
  const domains = new Set<number>();
  const logged: LoggedChange[] = [];
  for (const command of run) {
    const item = byId.get(command.itemId)!;
    const seq = state.domainOf(command.itemId);
    const order = state.order.get(seq)!;
    const index = order.indexOf(command.itemId);
    const itemNo = state.itemNo(seq, index);
    order.splice(index, 1);
    domains.add(seq);
    const driver = driverOf.get(command.itemId);
    const inverse: RestoreItemCommand = { kind: 'item.restore', index, item: snapshot(item, ITEM_SNAPSHOT), driver: driver ? snapshot(driver, DRIVER_SNAPSHOT) : null };
    logged.push({ command: command.kind, payload: command, inverse, description: `删除第${itemNo}项“${String(item.name)}”` });
  }
  if (drivers.length) {
    await tx.run(`DELETE FROM cost_lines WHERE item_key IN (SELECT key FROM item_drivers WHERE item_id IN ${idsFromJson('$1')})`, [list]);
    await tx.run(`DELETE FROM item_drivers WHERE item_id IN ${idsFromJson('$1')}`, [list]);
  }
  await tx.run(`DELETE FROM items WHERE id IN ${idsFromJson('$1')}`, [list]);
  for (const seq of domains) await writeOrder(tx, state.order.get(seq)!);
  await touch(tx, catalogueId);
  await logChanges(tx, catalogueId, logged, origin);
}
