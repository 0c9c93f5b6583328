// What the toolbar asks for (insert above this row, move it up, delete these rows), turned into the
// commands that do it, each request one undo step.
import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/domain/commands';
import { AppError } from '../db/app-error';
import type { Database } from '../db/database';
import { getItem } from './catalogue-queries';
import { applyCommand, executeBatch, executeCommand } from './commands';
import { groupChanges } from './change-log';
import { domainOrder } from './item-structure';
import { domainHeading } from '../../shared/domain/numerals';
import type { Origin } from './commands';

export const NEW_ITEM_NAME = '（新服务项目）';

async function indexInDomain(db: Database, catalogueId: string, domainSeq: number, itemId: string): Promise<{ index: number; count: number }> {
  const rows = await db.all('SELECT id FROM items WHERE catalogue_id = $1 AND domain_seq = $2 ORDER BY position, id', [catalogueId, domainSeq]);
  return { index: rows.findIndex((r) => String(r.id) === itemId), count: rows.length };
}

/** A domain may hold one item of a name: a second new row is （新服务项目2）, and so on. */
async function unusedNewName(db: Database, catalogueId: string, domainSeq: number): Promise<string> {
  const rows = await db.all('SELECT name FROM items WHERE catalogue_id = $1 AND domain_seq = $2', [catalogueId, domainSeq]);
  const taken = new Set(rows.map((r) => String(r.name)));
  let name = NEW_ITEM_NAME;
  for (let n = 2; taken.has(name); n += 1) name = NEW_ITEM_NAME.replace('）', `${n}）`);
  return name;
}

export async function insertBeside(db: Database, anchorItemId: string, where: 'above' | 'below', origin: Origin) {
  const anchor = await getItem(db, anchorItemId);
  const { index } = await indexInDomain(db, anchor.catalogueId, anchor.domainSeq, anchor.id);
  const itemId = `${anchor.catalogueId}:${randomUUID().slice(0, 8)}`;
  const name = await unusedNewName(db, anchor.catalogueId, anchor.domainSeq);
  return executeCommand(
    db,
    { kind: 'item.insert', itemId, catalogueId: anchor.catalogueId, domainSeq: anchor.domainSeq, index: where === 'above' ? index : index + 1, name },
    origin,
  );
}

/** A new row first in a domain: how an empty domain gets its first item. */
export async function insertFirst(db: Database, catalogueId: string, domainSeq: number, origin: Origin) {
  const itemId = `${catalogueId}:${randomUUID().slice(0, 8)}`;
  const name = await unusedNewName(db, catalogueId, domainSeq);
  return executeCommand(db, { kind: 'item.insert', itemId, catalogueId, domainSeq, index: 0, name }, origin);
}

/** Up from a domain's first item goes to the end of the domain before; down from its last, to the start of the next. */
export async function moveStep(db: Database, itemId: string, direction: 'up' | 'down', origin: Origin) {
  const item = await getItem(db, itemId);
  const { index, count } = await indexInDomain(db, item.catalogueId, item.domainSeq, item.id);
  if (direction === 'up' && index > 0) return executeCommand(db, { kind: 'item.move', itemId, domainSeq: item.domainSeq, index: index - 1 }, origin);
  if (direction === 'down' && index < count - 1) return executeCommand(db, { kind: 'item.move', itemId, domainSeq: item.domainSeq, index: index + 1 }, origin);
  const [next] = await db.all(
    direction === 'up'
      ? 'SELECT seq FROM domains WHERE catalogue_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT 1'
      : 'SELECT seq FROM domains WHERE catalogue_id = $1 AND seq > $2 ORDER BY seq LIMIT 1',
    [item.catalogueId, item.domainSeq],
  );
  if (!next) throw new AppError('refused', `第${item.itemNo}项已是清单的${direction === 'up' ? '第一项，不能再上移' : '最后一项，不能再下移'}。`);
  const domainSeq = Number(next.seq);
  const target = direction === 'up' ? (await db.all('SELECT count(*) AS n FROM items WHERE catalogue_id = $1 AND domain_seq = $2', [item.catalogueId, domainSeq]))[0]?.n : 0;
  return executeCommand(db, { kind: 'item.move', itemId, domainSeq, index: Number(target ?? 0) }, origin);
}

/** Rows deleted together are one undo step; the label names them. */
export async function deleteItems(db: Database, itemIds: string[], origin: Origin) {
  const items = await Promise.all(itemIds.map((id) => getItem(db, id)));
  const catalogues = new Set(items.map((i) => i.catalogueId));
  if (catalogues.size !== 1) throw new AppError('bad_request', '一次只能删除同一份清单里的服务项目，没有删除任何一项。');
  items.sort((a, b) => a.itemNo - b.itemNo);
  const label = items.length === 1 ? `删除第${items[0]!.itemNo}项“${items[0]!.name}”` : `删除第${items.map((i) => i.itemNo).join('、')}项（共 ${items.length} 项）`;
  const commands: Command[] = items.map((i) => ({ kind: 'item.delete', itemId: i.id }));
  await executeBatch(db, commands, label, origin);
  return { deleted: items.length, catalogueId: items[0]!.catalogueId };
}

// ── Moving several rows to a place (a drag, 移到领域…): one undo step ───────────────────────────────────

/**
 * Puts `itemIds` (kept in their catalogue order) together in domain `domainSeq`, before the item that is
 * now `index`-th (0-based) among that domain's other items, or at its end.
 */
export async function moveItemsTo(db: Database, itemIds: string[], domainSeq: number, index: number, origin: Origin) {
  const items = await Promise.all(itemIds.map((id) => getItem(db, id)));
  const catalogueId = items[0]!.catalogueId;
  if (items.some((i) => i.catalogueId !== catalogueId)) throw new AppError('bad_request', '一次只能移动同一份清单里的服务项目，没有移动任何一项。');
  items.sort((a, b) => a.itemNo - b.itemNo);
  const [domain] = await db.all('SELECT name FROM domains WHERE catalogue_id = $1 AND seq = $2', [catalogueId, domainSeq]);
  if (!domain) throw new AppError('not_found', `这份清单没有第 ${domainSeq} 个领域，没有移动任何一项。请刷新后再试。`);
  const heading = domainHeading(domainSeq, String(domain.name));
  const label = items.length === 1
    ? `移动第${items[0]!.itemNo}项“${items[0]!.name}”到“${heading}”`
    : `移动第${items.map((i) => i.itemNo).join('、')}项（共 ${items.length} 项）到“${heading}”`;
  const moving = new Set(items.map((i) => i.id));
  return db.transaction(async (tx) => {
    groupChanges(tx, label);
    const others = (await domainOrder(tx, catalogueId, domainSeq, null)).filter((id) => !moving.has(id));
    const before = others[Math.max(0, Math.min(index, others.length))] ?? null;
    for (const item of items) {
      const order = await domainOrder(tx, catalogueId, domainSeq, item.id);
      const at = before === null ? order.length : order.indexOf(before);
      await applyCommand(tx, { kind: 'item.move', itemId: item.id, domainSeq, index: at }, origin);
    }
    return { item: await getItem(tx, items[0]!.id), catalogueId, moved: items.length };
  });
}

// ── 领域: what the heading's menu asks for ───────────────────────────────────────────────────────────

/** A domain with items is deleted only when the user confirmed that its items go with it. */
export async function deleteDomainRequest(
  db: Database,
  request: { catalogueId: string; domainSeq: number; expected: string; withItems: boolean },
  origin: Origin,
) {
  const [row] = await db.all('SELECT count(*) AS n FROM items WHERE catalogue_id = $1 AND domain_seq = $2', [request.catalogueId, request.domainSeq]);
  const count = Number(row?.n ?? 0);
  if (count > 0 && !request.withItems) {
    throw new AppError('refused', `领域“${request.expected}”还有 ${count} 项服务项目；确认一并删除后才能删除这个领域（删除后可撤销），没有做任何改动。`);
  }
  const { catalogueId, domainSeq, expected } = request;
  return executeCommand(db, { kind: 'domain.delete', catalogueId, domainSeq, expected }, origin);
}
