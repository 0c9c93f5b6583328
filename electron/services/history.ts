// Undo and redo per catalogue, from the change log in the database file (so they survive a restart):
// undo applies the newest step's inverses newest first; redo applies the oldest undone step's commands
// in their order. Each runs in one transaction and goes through the same checks as the edit itself.
import type { HistoryCommand } from '../../shared/domain/commands';
import type { HistoryState } from '../../shared/domain/history';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { getCatalogue } from './catalogue-queries';
import { applyCommand } from './commands';
import { applyCommands } from './batch-apply';
import type { Origin } from './commands';
import { applyDriverField } from './pricing-commands';
import { idList, idsFromJson } from '../db/id-list';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

/**
 * The steps a redo can take, in SQL over history_groups of the catalogue `$1`: those undone after the newest
 * step still done. A new edit ends the redo path without writing to the steps it ends (one statement less
 * in every edit): being newer, it leaves them behind; the next undo marks them dropped (step below), before
 * they could come after a done step again.
 */
export const liveRedo = (group = 'history_groups', catalogue = '$1') =>
  `${group}.state = 'undone' AND ${group}.id > coalesce((SELECT max(h.id) FROM history_groups h WHERE h.catalogue_id = ${catalogue} AND h.state = 'done'), 0)`;

export async function historyState(db: Reader, catalogueId: string): Promise<HistoryState> {
  const [undo] = await db.all(`SELECT label FROM history_groups WHERE catalogue_id = $1 AND state = 'done' ORDER BY id DESC LIMIT 1`, [catalogueId]);
  const [redo] = await db.all(`SELECT label FROM history_groups WHERE catalogue_id = $1 AND ${liveRedo()} ORDER BY id LIMIT 1`, [catalogueId]);
  const [counts] = await db.all(
    `SELECT count(*) FILTER (WHERE state = 'done') AS undo, count(*) FILTER (WHERE ${liveRedo()}) AS redo FROM history_groups WHERE catalogue_id = $1`,
    [catalogueId],
  );
  return {
    undo: undo ? `撤销${String(undo.label)}` : null,
    redo: redo ? `重做${String(redo.label)}` : null,
    undoSteps: Number(counts?.undo ?? 0),
    redoSteps: Number(counts?.redo ?? 0),
  };
}

export interface HistoryOutcome {
  state: HistoryState;
  /** Items the step touched (still present or not), so open views refresh them. */
  itemIds: string[];
  /** Whether a driver changed (the 测算 figures then changed too). */
  costs: boolean;
  /** Whether drivers alone changed: no row was added, removed or moved, no text changed. */
  driversOnly: boolean;
}

async function applyHistoryCommand(tx: Tx, command: HistoryCommand, origin: Origin): Promise<void> {
  if (command.kind === 'driver.setField') await applyDriverField(tx, command, origin);
  else await applyCommand(tx, command, origin);
}

function touchedItems(command: HistoryCommand): string[] {
  switch (command.kind) {
    case 'item.restore':
      return [String(command.item.id)];
    case 'domain.restore':
      return command.items.map((taken) => String(taken.item.id));
    case 'item.setField':
    case 'item.insert':
    case 'item.delete':
    case 'item.move':
    case 'driver.setField':
      return [command.itemId];
    default:
      return [];
  }
}

/**
 * Where the view goes after a step, as Excel selects the top of a block it puts back: the topmost item the
 * step touched that is still there, and the step's one column if it had one.
 */
async function focusOf(tx: Tx, commands: readonly HistoryCommand[], itemIds: readonly string[]): Promise<HistoryState['focus']> {
  if (itemIds.length === 0) return undefined;
  const [top] = await tx.all(`SELECT id FROM items WHERE id IN ${idsFromJson('$1')} ORDER BY domain_seq, position LIMIT 1`, [idList(itemIds)]);
  if (!top) return undefined;
  const itemId = String(top.id);
  const fields = new Set(commands.map((c) => (c.kind === 'item.setField' || c.kind === 'driver.setField' ? c.field : null)));
  const [field] = fields;
  return { itemId, field: fields.size === 1 && field !== undefined ? field : null };
}

/** Steps that add or remove items, or change a driver, change the 测算 figures too. */
const COSTLY = new Set<HistoryCommand['kind']>(['driver.setField', 'item.delete', 'item.restore', 'domain.delete', 'domain.restore']);

async function step(db: Database, catalogueId: string, direction: 'undo' | 'redo', origin: Origin): Promise<HistoryOutcome> {
  return db.transaction(async (tx) => {
    const summary = (await getCatalogue(tx, catalogueId)).summary;
    const [group] = await tx.all(
      direction === 'undo'
        ? `SELECT id, label FROM history_groups WHERE catalogue_id = $1 AND state = 'done' ORDER BY id DESC LIMIT 1`
        : `SELECT id, label FROM history_groups WHERE catalogue_id = $1 AND ${liveRedo()} ORDER BY id LIMIT 1`,
      [catalogueId],
    );
    if (!group) throw new AppError('refused', `“${summary.name}”没有可以${direction === 'undo' ? '撤销' : '重做'}的操作。`);
    if (direction === 'undo') {
      // Steps undone before this one was made (or redone) lost their redo path to it; once it is undone they
      // would be the newest undone steps again.
      await tx.run(`UPDATE history_groups SET state = 'dropped' WHERE catalogue_id = $1 AND state = 'undone' AND id < $2`, [catalogueId, Number(group.id)]);
    }
    const entries = await tx.all(
      `SELECT ${direction === 'undo' ? 'inverse' : 'payload'} AS command FROM change_log WHERE group_id = $1 ORDER BY id ${direction === 'undo' ? 'DESC' : 'ASC'}`,
      [Number(group.id)],
    );
    const commands = entries.map((e) => JSON.parse(String(e.command)) as HistoryCommand);
    try {
      await applyCommands(tx, commands, origin, (t, command) => applyHistoryCommand(t, command, origin));
    } catch (error) {
      if (error instanceof AppError) {
        const verb = direction === 'undo' ? '撤销' : '重做';
        throw new AppError(error.code, `无法${verb}“${String(group.label)}”：${error.message}`);
      }
      throw error;
    }
    await tx.run('UPDATE history_groups SET state = $1 WHERE id = $2', [direction === 'undo' ? 'undone' : 'done', Number(group.id)]);
    const itemIds = [...new Set(commands.flatMap(touchedItems))];
    const focus = await focusOf(tx, commands, itemIds);
    return {
      state: {
        ...(await historyState(tx, catalogueId)),
        did: `${direction === 'undo' ? '撤销' : '重做'}${String(group.label)}`,
        ...(focus ? { focus } : {}),
        ...(commands.some((c) => (c as { kind: string }).kind === 'catalogue.deleteDraft') ? { catalogueRemoved: true } : {}),
      },
      itemIds,
      costs: commands.some((c) => COSTLY.has(c.kind)),
      driversOnly: commands.length > 0 && commands.every((c) => c.kind === 'driver.setField'),
    };
  });
}

export const undo = (db: Database, catalogueId: string, origin: Origin) => step(db, catalogueId, 'undo', origin);
export const redo = (db: Database, catalogueId: string, origin: Origin) => step(db, catalogueId, 'redo', origin);
