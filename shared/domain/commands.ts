// Every change a user makes is one of these commands. The Node side applies each in a transaction and
// records it with its inverse, so undo/redo, cell history and version comparison can be built on the log.
import type { ColumnLabels, DraftStage, ItemField } from './catalogue';
import type { IndicatorField } from './indicator-plan';
import type { TaskField } from './task';
import type { DriverField } from './pricing/drivers';

export interface SetItemFieldCommand {
  kind: 'item.setField';
  itemId: string;
  field: ItemField;
  /** null returns the cell to "not yet filled". */
  value: string | null;
  /** What the user saw before editing; a different stored value means someone else changed it. */
  expected: string | null;
}

/** A task put in at 序号 `taskNo` (the ones from there on move down one): new, or a deleted one put back. */
export interface InsertTaskCommand {
  kind: 'task.insert';
  catalogueId: string;
  taskId: string;
  taskNo: number;
  task: string;
  responsibleUnits: string;
}

/** A task taken out (the ones after it move up one); its undo puts it back at its 序号 with its words. */
export interface DeleteTaskCommand {
  kind: 'task.delete';
  taskId: string;
}

export interface SetTaskFieldCommand {
  kind: 'task.setField';
  taskId: string;
  field: TaskField;
  value: string;
  /** What the user saw before editing; a different stored value means someone else changed it. */
  expected: string;
}

/** The page header and footer of a catalogue's annexes; null returns a line to its default. */
export interface SetPageTextCommand {
  kind: 'catalogue.setPageText';
  catalogueId: string;
  header: string | null;
  footer: string | null;
}

/** A new plan's indicator table, started from a published one: baseline its target year, target five years on. */
export interface CreateIndicatorPlanCommand {
  kind: 'indicatorPlan.create';
  planId: string;
  basedOnDocument: string;
}

export interface DeleteIndicatorPlanCommand {
  kind: 'indicatorPlan.delete';
  planId: string;
}

export interface SetIndicatorFieldCommand {
  kind: 'indicator.setField';
  planId: string;
  seq: number;
  field: IndicatorField;
  value: string | null;
  expected: string | null;
}

/** A new item at `index` (0-based) among the items of its domain; the items after it move down one. */
export interface InsertItemCommand {
  kind: 'item.insert';
  itemId: string;
  catalogueId: string;
  domainSeq: number;
  index: number;
  name: string;
}

/** Removes an item with its drivers and cost lines; its inverse (item.restore) brings all of them back. */
export interface DeleteItemCommand {
  kind: 'item.delete';
  itemId: string;
}

/** An item as it was stored, with its driver row, put back at its place: what undoes a delete. */
export interface RestoreItemCommand {
  kind: 'item.restore';
  index: number;
  item: Record<string, string | number | null>;
  driver: Record<string, string | number | null> | null;
}

/** Puts an item at `index` (0-based) among the items of domain `domainSeq` (its own or another). */
export interface MoveItemCommand {
  kind: 'item.move';
  itemId: string;
  domainSeq: number;
  index: number;
}

export interface SetDriverFieldCommand {
  kind: 'driver.setField';
  itemId: string;
  field: DriverField;
  value: string | null;
  expected: string | null;
}

/** What every new draft is given: its id, name, region and plan period. */
interface NewDraftFields {
  catalogueId: string;
  name: string;
  regionName: string;
  regionCode: string | null;
  period: string;
  startYear: number;
  endYear: number;
}

/**
 * A new draft catalogue, copied from `sourceId` (its domains, items with a lineage id pointing at the item
 * each came from, drivers and tasks) or, with sourceId null, with the domains of the national catalogue and no items.
 */
export interface CreateDraftCommand extends NewDraftFields {
  kind: 'catalogue.createDraft';
  sourceId: string | null;
}

/** Removes a draft and everything in it: what undoes its creation. A published catalogue is never removed. */
export interface DeleteDraftCommand {
  kind: 'catalogue.deleteDraft';
  catalogueId: string;
}

/** One item as an import brings it: the six official fields and the extras kept beside them. */
export interface ImportedItemFields {
  sourceItemNo: number | null;
  name: string;
  targetGroup: string | null;
  content: string | null;
  standard: string | null;
  fundingResponsibility: string | null;
  leadDepartment: string | null;
  category: string | null;
  note: string | null;
}

/**
 * A new draft catalogue holding what an import read from a file (the preview the planner confirmed), in one
 * step; its inverse (catalogue.deleteDraft) removes it again.
 */
export interface ImportCatalogueCommand extends NewDraftFields {
  kind: 'catalogue.import';
  fileName: string;
  columnLabels: ColumnLabels;
  domains: { name: string; items: ImportedItemFields[] }[];
}

/** The catalogue's name, and its annex's printed title while that is the name (a draft's is, until set apart). */
export interface RenameCatalogueCommand {
  kind: 'catalogue.rename';
  catalogueId: string;
  name: string;
  expected: string;
  /** The annex title to set: given by an undo or redo (the title as it was); absent, it follows the name where it was the name. */
  annexTitle?: string | null;
}

export interface SetStageCommand {
  kind: 'catalogue.setStage';
  catalogueId: string;
  stage: DraftStage;
  expected: DraftStage;
}

// ── 领域 (domains): a domain's seq is its place (一、二、…); inserting, moving or deleting one renumbers
// the domains after it and their items' domain_seq, so every command names a domain by its place now.

/** A new, empty domain at `index` (0-based) among the catalogue's domains. */
export interface InsertDomainCommand {
  kind: 'domain.insert';
  catalogueId: string;
  index: number;
  name: string;
}

export interface RenameDomainCommand {
  kind: 'domain.rename';
  catalogueId: string;
  domainSeq: number;
  name: string;
  /** The name the user saw; a different stored name means someone else changed it. */
  expected: string;
}

/** Puts the domain (with its items) at `index` (0-based) among the domains. */
export interface MoveDomainCommand {
  kind: 'domain.move';
  catalogueId: string;
  domainSeq: number;
  index: number;
  expected: string;
}

/** Removes a domain and every item in it (with their drivers and cost lines); domain.restore undoes it. */
export interface DeleteDomainCommand {
  kind: 'domain.delete';
  catalogueId: string;
  domainSeq: number;
  expected: string;
}

/** A domain as it was stored, with its items and their driver rows, put back at its place. */
export interface RestoreDomainCommand {
  kind: 'domain.restore';
  catalogueId: string;
  index: number;
  name: string;
  statedItemCount: number | null;
  items: { item: Record<string, string | number | null>; driver: Record<string, string | number | null> | null }[];
}

export type DomainCommand = InsertDomainCommand | RenameDomainCommand | MoveDomainCommand | DeleteDomainCommand | RestoreDomainCommand;

/** A named snapshot of a catalogue as it stands (versions are kept apart from the undo history). */
export interface SaveVersionCommand {
  kind: 'version.save';
  catalogueId: string;
  name: string;
}

/** Hides a saved version; its rows stay, so the log still names what it held. */
export interface DeleteVersionCommand {
  kind: 'version.delete';
  versionId: string;
}

/** The commands undo and redo know how to apply: a catalogue's own content. */
export type HistoryCommand =
  | SetItemFieldCommand
  | InsertItemCommand
  | DeleteItemCommand
  | RestoreItemCommand
  | MoveItemCommand
  | SetDriverFieldCommand
  | SetTaskFieldCommand
  | InsertTaskCommand
  | DeleteTaskCommand
  | SetPageTextCommand
  | RenameCatalogueCommand
  | DomainCommand;

export type Command =
  | CreateDraftCommand
  | ImportCatalogueCommand
  | DeleteDraftCommand
  | SetStageCommand
  | RenameCatalogueCommand
  | SetItemFieldCommand
  | InsertItemCommand
  | DeleteItemCommand
  | RestoreItemCommand
  | MoveItemCommand
  | SetTaskFieldCommand
  | InsertTaskCommand
  | DeleteTaskCommand
  | SetPageTextCommand
  | CreateIndicatorPlanCommand
  | DeleteIndicatorPlanCommand
  | SetIndicatorFieldCommand
  | DomainCommand
  | SaveVersionCommand
  | DeleteVersionCommand;

// The cell-text rule lives in one place; re-exported here for the views that compare edits.
export { normaliseCellText } from './cell-text';
