// 领域 on the one write path: insert, rename, move, delete (with its items) and restore. A domain's seq
// is its place, printed as 一、二、…; inserting, moving or deleting renumbers the domains after it and
// their items' domain_seq in the same transaction, so 序号 keeps running straight through. Each command
// logs its inverse; undo and redo apply them in strict order, so a place named in a logged command is
// always the place it meant.
import type { DomainCommand, DeleteDomainCommand, InsertDomainCommand, MoveDomainCommand, RenameDomainCommand, RestoreDomainCommand } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { DOMAIN_NAME_LIMIT, textLength } from '../../shared/domain/limits';
import { domainHeading } from '../../shared/domain/numerals';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';
import { repriceItems } from '../pricing/reprice';
import { checkedCellValue } from './cell-value';
import { logChange } from './change-log';
import type { Origin } from './commands';
import { domainOrder, putBackItem, takeItem } from './item-structure';

export interface DomainResult {
  catalogueId: string;
  /** Where the domain now stands (null once deleted). */
  domainSeq: number | null;
  /** Items the command moved, removed or put back. */
  itemIds: string[];
  changeId: number;
}

interface StoredDomain {
  seq: number;
  name: string;
  statedItemCount: number | null;
}

/** Far above any real count: seqs pass through it while being renumbered, so no two rows share a key. */
const PARKED = 1_000_000;

async function domainsOf(tx: Tx, catalogueId: string): Promise<StoredDomain[]> {
  const rows = await tx.all('SELECT seq, name, stated_item_count FROM domains WHERE catalogue_id = $1 ORDER BY seq', [catalogueId]);
  return rows.map((r) => ({ seq: Number(r.seq), name: String(r.name), statedItemCount: r.stated_item_count === null ? null : Number(r.stated_item_count) }));
}

/** The domain at `seq`, provided it still has the name the user saw. */
async function expectDomain(tx: Tx, catalogueId: string, seq: number, expected: string): Promise<StoredDomain> {
  const domain = (await domainsOf(tx, catalogueId)).find((d) => d.seq === seq);
  if (!domain) throw new AppError('not_found', `这份清单没有第 ${seq} 个领域，没有做任何改动。请刷新后再试。`);
  if (normaliseCellText(domain.name) !== normaliseCellText(expected)) {
    throw new AppError('conflict', `第 ${seq} 个领域已是“${domain.name}”，不再是“${expected}”（可能是在另一个窗口改的），没有做任何改动。请刷新后再试。`);
  }
  return domain;
}

/** A domain name as stored, or a refusal: empty, too long, or the name of another domain of the catalogue. */
async function checkedName(tx: Tx, catalogueId: string, name: string, exceptSeq: number | null, outcome: string): Promise<string> {
  // A heading is one line, without blanks around it.
  const value = checkedCellValue(name, '领域名称')?.replace(/\s*\n\s*/gu, '').trim() ?? null;
  if (!value) throw new AppError('refused', `领域名称不能为空，${outcome}。请填写名称后再试。`);
  if (textLength(value) > DOMAIN_NAME_LIMIT) {
    throw new AppError('refused', `领域名称最多 ${DOMAIN_NAME_LIMIT} 个字，“${[...value].slice(0, 12).join('')}…”有 ${textLength(value)} 个字，${outcome}。`);
  }
  const twin = (await domainsOf(tx, catalogueId)).find((d) => d.seq !== exceptSeq && normaliseCellText(d.name)?.trim() === value);
  if (twin) throw new AppError('refused', `已有领域“${domainHeading(twin.seq, twin.name)}”，同一份清单不能有两个同名的领域，${outcome}。`);
  return value;
}

/** Gives every domain of the catalogue its new seq (`to` maps old seq to new), its items following it. */
async function renumber(tx: Tx, catalogueId: string, to: Map<number, number>): Promise<void> {
  const moved = [...to].filter(([from, next]) => from !== next);
  if (!moved.length) return;
  const cases = moved.map(([from, next]) => `WHEN ${from} THEN ${next}`).join(' ');
  const seqs = moved.map(([from]) => from).join(', ');
  await tx.run(`UPDATE domains SET seq = ${PARKED} + CASE seq ${cases} END WHERE catalogue_id = $1 AND seq IN (${seqs})`, [catalogueId]);
  await tx.run(`UPDATE domains SET seq = seq - ${PARKED} WHERE catalogue_id = $1 AND seq > ${PARKED}`, [catalogueId]);
  await tx.run(`UPDATE items SET domain_seq = CASE domain_seq ${cases} END WHERE catalogue_id = $1 AND domain_seq IN (${seqs})`, [catalogueId]);
}

/** Old seq → new seq when the domains are put in `order` (old seqs, in their new order). */
function placesOf(order: number[]): Map<number, number> {
  return new Map(order.map((seq, i) => [seq, i + 1]));
}

async function touch(tx: Tx, catalogueId: string): Promise<void> {
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [catalogueId]);
}

const clamp = (index: number, max: number) => Math.max(0, Math.min(Math.trunc(index), max));

/** Makes room at `index` (0-based): the domains from there on move one place down. Answers the new seq. */
async function openPlace(tx: Tx, catalogueId: string, index: number): Promise<number> {
  const domains = await domainsOf(tx, catalogueId);
  const at = clamp(index, domains.length);
  await renumber(tx, catalogueId, new Map(domains.map((d, i) => [d.seq, i < at ? i + 1 : i + 2])));
  return at + 1;
}

async function requireCatalogue(tx: Tx, catalogueId: string): Promise<void> {
  const [row] = await tx.all('SELECT 1 AS ok FROM catalogues WHERE id = $1 AND removed_at IS NULL', [catalogueId]);
  if (!row) throw new AppError('not_found', `没有编号为“${catalogueId}”的清单，没有做任何改动。`);
}

async function insertDomain(tx: Tx, command: InsertDomainCommand, origin: Origin): Promise<DomainResult> {
  await requireCatalogue(tx, command.catalogueId);
  const name = await checkedName(tx, command.catalogueId, command.name, null, '没有插入');
  const seq = await openPlace(tx, command.catalogueId, command.index);
  await tx.run('INSERT INTO domains (catalogue_id, seq, name) VALUES ($1, $2, $3)', [command.catalogueId, seq, name]);
  await touch(tx, command.catalogueId);
  const inverse: DeleteDomainCommand = { kind: 'domain.delete', catalogueId: command.catalogueId, domainSeq: seq, expected: name };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, index: seq - 1, name }, inverse, origin, `插入领域“${name}”`);
  return { catalogueId: command.catalogueId, domainSeq: seq, itemIds: [], changeId };
}

async function renameDomain(tx: Tx, command: RenameDomainCommand, origin: Origin): Promise<DomainResult> {
  const domain = await expectDomain(tx, command.catalogueId, command.domainSeq, command.expected);
  const name = await checkedName(tx, command.catalogueId, command.name, domain.seq, '没有改名');
  if (name === domain.name) return { catalogueId: command.catalogueId, domainSeq: domain.seq, itemIds: [], changeId: 0 };
  await tx.run('UPDATE domains SET name = $1 WHERE catalogue_id = $2 AND seq = $3', [name, command.catalogueId, domain.seq]);
  await touch(tx, command.catalogueId);
  const inverse: RenameDomainCommand = { ...command, name: domain.name, expected: name };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, name }, inverse, origin, `将领域“${domain.name}”改名为“${name}”`);
  return { catalogueId: command.catalogueId, domainSeq: domain.seq, itemIds: [], changeId };
}

async function moveDomain(tx: Tx, command: MoveDomainCommand, origin: Origin): Promise<DomainResult> {
  const domain = await expectDomain(tx, command.catalogueId, command.domainSeq, command.expected);
  const order = (await domainsOf(tx, command.catalogueId)).map((d) => d.seq).filter((seq) => seq !== domain.seq);
  const index = clamp(command.index, order.length);
  if (index === domain.seq - 1) return { catalogueId: command.catalogueId, domainSeq: domain.seq, itemIds: [], changeId: 0 };
  order.splice(index, 0, domain.seq);
  await renumber(tx, command.catalogueId, placesOf(order));
  await touch(tx, command.catalogueId);
  const seq = index + 1;
  const inverse: MoveDomainCommand = { ...command, domainSeq: seq, index: domain.seq - 1, expected: domain.name };
  const verb = seq < domain.seq ? '上移' : '下移';
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, index }, inverse, origin, `${verb}领域“${domain.name}”`);
  return { catalogueId: command.catalogueId, domainSeq: seq, itemIds: [], changeId };
}

async function deleteDomain(tx: Tx, command: DeleteDomainCommand, origin: Origin): Promise<DomainResult> {
  const domain = await expectDomain(tx, command.catalogueId, command.domainSeq, command.expected);
  const itemIds = await domainOrder(tx, command.catalogueId, domain.seq, null);
  const items = [];
  for (const itemId of itemIds) items.push(await takeItem(tx, itemId));
  await tx.run('DELETE FROM domains WHERE catalogue_id = $1 AND seq = $2', [command.catalogueId, domain.seq]);
  const rest = (await domainsOf(tx, command.catalogueId)).map((d) => d.seq);
  await renumber(tx, command.catalogueId, placesOf(rest));
  await touch(tx, command.catalogueId);
  const inverse: RestoreDomainCommand = {
    kind: 'domain.restore',
    catalogueId: command.catalogueId,
    index: domain.seq - 1,
    name: domain.name,
    statedItemCount: domain.statedItemCount,
    items,
  };
  const label = items.length ? `删除领域“${domain.name}”及其 ${items.length} 项` : `删除领域“${domain.name}”`;
  const changeId = await logChange(tx, command.catalogueId, command.kind, command, inverse, origin, label);
  return { catalogueId: command.catalogueId, domainSeq: null, itemIds, changeId };
}

async function restoreDomain(tx: Tx, command: RestoreDomainCommand, origin: Origin): Promise<DomainResult> {
  await requireCatalogue(tx, command.catalogueId);
  const name = await checkedName(tx, command.catalogueId, command.name, null, '无法恢复');
  const seq = await openPlace(tx, command.catalogueId, command.index);
  await tx.run('INSERT INTO domains (catalogue_id, seq, name, stated_item_count) VALUES ($1, $2, $3, $4)', [
    command.catalogueId, seq, name, command.statedItemCount,
  ]);
  const itemIds: string[] = [];
  for (const [n, taken] of command.items.entries()) itemIds.push(await putBackItem(tx, taken, seq, n + 1));
  const priced = command.items.filter((taken) => taken.driver).map((taken) => String(taken.item.id));
  if (priced.length) await repriceItems(tx, priced);
  await touch(tx, command.catalogueId);
  const inverse: DeleteDomainCommand = { kind: 'domain.delete', catalogueId: command.catalogueId, domainSeq: seq, expected: name };
  const changeId = await logChange(tx, command.catalogueId, command.kind, command, inverse, origin, `恢复领域“${name}”`);
  return { catalogueId: command.catalogueId, domainSeq: seq, itemIds, changeId };
}

export function applyDomainCommand(tx: Tx, command: DomainCommand, origin: Origin): Promise<DomainResult> {
  switch (command.kind) {
    case 'domain.insert':
      return insertDomain(tx, command, origin);
    case 'domain.rename':
      return renameDomain(tx, command, origin);
    case 'domain.move':
      return moveDomain(tx, command, origin);
    case 'domain.delete':
      return deleteDomain(tx, command, origin);
    case 'domain.restore':
      return restoreDomain(tx, command, origin);
  }
}
