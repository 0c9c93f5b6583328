// A published catalogue is the text a government issued: nothing on the write path may change its content.
// Every command kind says here whether it changes a catalogue's content; the map is typed over every kind,
// so a new command does not compile until someone decides, and a test runs each content kind against a
// published catalogue. Changing a published catalogue means a new draft (基于此新建草案), as an office would.
import type { Command } from '../../shared/domain/commands';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';

/**
 * content: changes what the annex prints, refused on a published catalogue;
 * costing: the drivers a finance bureau prices a catalogue with (its analysis, not its text): allowed on a
 *   published catalogue, which is what gets costed;
 * lifecycle: makes, removes or moves a catalogue through its stages (setStage has its own rule: 已发布 is final),
 *   or keeps a named version of it (a snapshot beside it, the catalogue untouched);
 * indicator: an indicator plan, which carries its own published mark.
 */
export type CommandScope = 'content' | 'costing' | 'lifecycle' | 'indicator';

export const COMMAND_SCOPES: Record<Command['kind'] | 'driver.setField' | 'driver.import' | 'driver.applySuggestion', CommandScope> = {
  'item.setField': 'content',
  'item.insert': 'content',
  'item.delete': 'content',
  'item.restore': 'content',
  'item.move': 'content',
  'domain.insert': 'content',
  'domain.rename': 'content',
  'domain.move': 'content',
  'domain.delete': 'content',
  'domain.restore': 'content',
  'task.setField': 'content',
  'task.insert': 'content',
  'task.delete': 'content',
  'catalogue.setPageText': 'content',
  'catalogue.rename': 'content',
  'driver.setField': 'costing',
  'driver.import': 'costing',
  'driver.applySuggestion': 'costing',
  'catalogue.createDraft': 'lifecycle',
  'catalogue.deleteDraft': 'lifecycle',
  'catalogue.setStage': 'lifecycle',
  'catalogue.import': 'lifecycle',
  'version.save': 'lifecycle',
  'version.delete': 'lifecycle',
  'indicatorPlan.create': 'indicator',
  'indicatorPlan.delete': 'indicator',
  'indicator.setField': 'indicator',
};

export const PUBLISHED_REFUSAL = '已发布的清单不能修改：请先“基于此新建草案”。';

/** The catalogue a content command writes to. */
async function targetCatalogue(tx: Pick<Tx, 'all'>, command: Command): Promise<string | null> {
  switch (command.kind) {
    case 'item.setField':
    case 'item.delete':
    case 'item.move':
      return itemCatalogue(tx, command.itemId);
    case 'item.restore':
      return String(command.item.catalogue_id);
    case 'task.setField':
    case 'task.delete': {
      const [row] = await tx.all('SELECT catalogue_id FROM tasks WHERE id = $1', [command.taskId]);
      return row ? String(row.catalogue_id) : null;
    }
    case 'item.insert':
    case 'task.insert':
    case 'catalogue.setPageText':
    case 'catalogue.rename':
    case 'domain.insert':
    case 'domain.rename':
    case 'domain.move':
    case 'domain.delete':
    case 'domain.restore':
      return command.catalogueId;
    default:
      return null;
  }
}

async function itemCatalogue(tx: Pick<Tx, 'all'>, itemId: string): Promise<string | null> {
  const [row] = await tx.all('SELECT catalogue_id FROM items WHERE id = $1', [itemId]);
  return row ? String(row.catalogue_id) : null;
}

/** Refuses, before anything is written, a content command on a published catalogue. */
export async function refuseIfPublished(tx: Pick<Tx, 'all'>, command: Command): Promise<void> {
  if (COMMAND_SCOPES[command.kind] !== 'content') return;
  const catalogueId = await targetCatalogue(tx, command);
  // An unknown item or task is the command's own to report (it names what is missing).
  if (catalogueId !== null) await refuseWriteToPublished(tx, catalogueId);
}

/** The same refusal for a write that does not travel as a Command. */
export async function refuseWriteToPublished(tx: Pick<Tx, 'all'>, catalogueId: string): Promise<void> {
  const [row] = await tx.all('SELECT name, status FROM catalogues WHERE id = $1', [catalogueId]);
  if (row && String(row.status) === 'published') throw new AppError('refused', `“${String(row.name)}”已发布。${PUBLISHED_REFUSAL}`);
}

export async function refuseItemWriteToPublished(tx: Pick<Tx, 'all'>, itemId: string): Promise<void> {
  const catalogueId = await itemCatalogue(tx, itemId);
  if (catalogueId !== null) await refuseWriteToPublished(tx, catalogueId);
}
