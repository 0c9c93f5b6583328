// The one place every user edit is written: validated, applied in a transaction, recorded in change_log
// with its inverse. Nothing else in the app issues UPDATE/INSERT/DELETE on catalogue content.
import type { Command, SetItemFieldCommand } from '../../shared/domain/commands';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { checkedCellValue } from './cell-value';
import { createIndicatorPlan, deleteIndicatorPlan, setIndicatorField } from './indicator-plans';
import { setPageText } from './page-text';
import { deleteTask, insertTask, setTaskField } from './task-commands';
import type { TaskCommandResult } from './task-commands';
import type { CatalogueItem } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { getItem } from './catalogue-queries';
import { ITEM_COLUMNS } from './item-columns';
import { groupChanges, logChange } from './change-log';
import { deleteItem, insertItem, moveItem, restoreItem } from './item-structure';
import type { StructureResult } from './item-structure';
import { createDraft, deleteDraft, renameCatalogue, setStage } from './drafts';
import { refuseDuplicateName, refuseOverLong } from './item-rules';
import { refuseIfPublished } from './catalogue-guard';
import { applyCommands } from './batch-apply';
import { applyDomainCommand } from './domain-structure';
import type { DomainResult } from './domain-structure';
import { importCatalogue } from './catalogue-import';
import { deleteVersion, saveVersion } from './versions';

export type Origin = 'app' | 'cli' | 'seed' | 'test';

export interface CommandResult {
  item: CatalogueItem;
  changeId: number;
}

/** What each kind of command answers. */
export interface CommandResults {
  'item.setField': CommandResult;
  'task.setField': TaskCommandResult;
  'task.insert': TaskCommandResult;
  'task.delete': TaskCommandResult;
  'catalogue.setPageText': Awaited<ReturnType<typeof setPageText>>;
  'indicatorPlan.create': Awaited<ReturnType<typeof createIndicatorPlan>>;
  'indicatorPlan.delete': Awaited<ReturnType<typeof deleteIndicatorPlan>>;
  'indicator.setField': Awaited<ReturnType<typeof setIndicatorField>>;
  'item.insert': StructureResult;
  'item.delete': StructureResult;
  'item.restore': StructureResult;
  'item.move': StructureResult;
  'catalogue.createDraft': Awaited<ReturnType<typeof createDraft>>;
  'catalogue.deleteDraft': Awaited<ReturnType<typeof deleteDraft>>;
  'catalogue.setStage': Awaited<ReturnType<typeof setStage>>;
  'catalogue.rename': Awaited<ReturnType<typeof renameCatalogue>>;
  'domain.insert': DomainResult;
  'domain.rename': DomainResult;
  'domain.move': DomainResult;
  'domain.delete': DomainResult;
  'domain.restore': DomainResult;
  'catalogue.import': Awaited<ReturnType<typeof importCatalogue>>;
  'version.save': Awaited<ReturnType<typeof saveVersion>>;
  'version.delete': Awaited<ReturnType<typeof deleteVersion>>;
}

/** Commands on a catalogue's content: each application is one step the user can undo. */
const UNDOABLE = new Set<Command['kind']>([
  'item.setField', 'item.insert', 'item.delete', 'item.restore', 'item.move',
  'domain.insert', 'domain.rename', 'domain.move', 'domain.delete', 'domain.restore',
  'task.setField', 'task.insert', 'task.delete', 'catalogue.setPageText', 'catalogue.rename',
]);

export function executeCommand<C extends Command>(db: Database, command: C, origin: Origin): Promise<CommandResults[C['kind']]> {
  return db.transaction((tx) => {
    if (UNDOABLE.has(command.kind)) groupChanges(tx);
    return applyCommand(tx, command, origin);
  }) as Promise<CommandResults[C['kind']]>;
}

/**
 * Several commands in one transaction, one undo step labelled `label` (a paste, a delete of several rows):
 * all of them are applied, or, if one is refused, none.
 */
export function executeBatch(db: Database, commands: Command[], label: string | null, origin: Origin): Promise<unknown[]> {
  return db.transaction(async (tx) => {
    groupChanges(tx, label);
    const results: unknown[] = [];
    // Runs of many cell edits, inserts or deletes go set-based (batch-apply.ts); their results are not read.
    await applyCommands(tx, commands, origin, async (t, command) => results.push(await applyCommand(t, command, origin)));
    return results;
  });
}

/** Applies one command inside a transaction the caller holds (a batch, an undo, a redo). */
export async function applyCommand(tx: Tx, command: Command, origin: Origin): Promise<CommandResults[Command['kind']]> {
  await refuseIfPublished(tx, command);
  switch (command.kind) {
    case 'item.setField':
      return setItemField(tx, command, origin);
    case 'task.setField':
      return setTaskField(tx, command, origin);
    case 'task.insert':
      return insertTask(tx, command, origin);
    case 'task.delete':
      return deleteTask(tx, command, origin);
    case 'catalogue.setPageText':
      return setPageText(tx, command, origin);
    case 'indicatorPlan.create':
      return createIndicatorPlan(tx, command, origin);
    case 'indicatorPlan.delete':
      return deleteIndicatorPlan(tx, command, origin);
    case 'indicator.setField':
      return setIndicatorField(tx, command, origin);
    case 'item.insert':
      return insertItem(tx, command, origin);
    case 'item.delete':
      return deleteItem(tx, command, origin);
    case 'item.restore':
      return restoreItem(tx, command, origin);
    case 'item.move':
      return moveItem(tx, command, origin);
    case 'catalogue.createDraft':
      return createDraft(tx, command, origin);
    case 'catalogue.deleteDraft':
      return deleteDraft(tx, command, origin);
    case 'catalogue.setStage':
      return setStage(tx, command, origin);
    case 'catalogue.rename':
      return renameCatalogue(tx, command, origin);
    case 'domain.insert':
    case 'domain.rename':
    case 'domain.move':
    case 'domain.delete':
    case 'domain.restore':
      return applyDomainCommand(tx, command, origin);
    case 'catalogue.import':
      return importCatalogue(tx, command, origin);
    case 'version.save':
      return saveVersion(tx, command, origin);
    case 'version.delete':
      return deleteVersion(tx, command, origin);
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
  const value = checkedCellValue(command.value, where);
  if (command.field === 'name' && value === null) {
    throw new AppError('refused', `${where}不能为空（只有空格或看不见的字符也算空），本次修改没有保存。`);
  }
  if (value === stored) return { item: before, changeId: 0 };
  refuseOverLong(command.field, value, where);
  if (command.field === 'name') await refuseDuplicateName(tx, before.catalogueId, before.domainSeq, value!, before.id, where, '本次修改没有保存');

  const { column } = ITEM_COLUMNS[command.field];
  await tx.run(`UPDATE items SET ${column} = $1, updated_at = current_timestamp WHERE id = $2`, [value, command.itemId]);
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [before.catalogueId]);
  const inverse: SetItemFieldCommand = { ...command, value: current, expected: value };
  const label = String(labels?.label ?? command.field);
  const changeId = await logChange(tx, before.catalogueId, command.kind, { ...command, value }, inverse, origin, `修改第${before.itemNo}项的“${label}”`);
  return { item: await getItem(tx, command.itemId), changeId };
}
