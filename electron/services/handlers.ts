// The contract's channels, implemented once over the database; both hosts and the CLI call these.
import { writeDriversWorkbook } from '../exchange/drivers-workbook';
import type { Change, Channel, Request, Response, Told } from '../../shared/contract';
import { exportAnnexes } from './annex-export';
import type { AnnexExport } from './annex-export';
import { listTasks } from './task-queries';
import { taskInsertCommand } from './task-commands';
import { getIndicatorPlan, listIndicatorPlans } from './indicator-plans';
import { getPageText } from './page-text';

/** "national-14th-plan-next", then "-next-2", … : a draft id not yet taken. */
async function unusedPlanId(db: Database, basedOn: string): Promise<string> {
  const taken = new Set((await listIndicatorPlans(db)).map((plan) => plan.id));
  let id = `${basedOn}-next`;
  for (let n = 2; taken.has(id); n += 1) id = `${basedOn}-next-${n}`;
  return id;
}
import type { Database } from '../db/database';
import { version } from '../../package.json';
import { getCatalogue, getItem, listCatalogues } from './catalogue-queries';
import { executeCommand } from './commands';
import type { Origin } from './commands';
import { getReferenceData, listIndicators } from './reference-queries';
import type { ChangeFeed } from './change-feed';
import { applySuggestions, pasteDriverCells, saveSplitRule, setDriverField, setPricingYears, updateRegion } from './pricing-commands';
import type { Committed } from './pricing-commands';
import { explainFigure } from '../pricing/explain';
import { pricingItems } from '../pricing/items';
import { listRegions } from '../pricing/regions-store';
import { listCohortShares } from '../pricing/cohort-shares-store';
import { deleteCohortShare, setCohortShare } from './share-commands';
import { pricingSummary } from '../pricing/summary';
import { importTable } from '../exchange/pricing-imports';
import { historyState, redo, undo } from './history';
import type { HistoryOutcome } from './history';
import type { HistoryState } from '../../shared/domain/history';
import { deleteDomainRequest, deleteItems, insertBeside, insertFirst, moveItemsTo, moveStep } from './structure-requests';
import type { DomainResult } from './domain-structure';
import { draftCommand } from './drafts';
import { importCatalogueFile, previewCatalogueImport } from './catalogue-import';
import { versionHandlers } from './version-handlers';
import { listCohortCounts } from '../pricing/population-counts';
import { pasteCells } from './paste-cells';

export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type { AnnexExport } from './annex-export';

/** The catalogue annex alone (附件1), as the CLI and the bench have always asked for it. */
export async function exportCatalogueAnnex(db: Database, catalogueId: string): Promise<AnnexExport> {
  const [file] = await exportAnnexes(db, catalogueId, { annex: 'catalogue', layout: 'workbook' });
  return file!;
}

export function createHandlers(db: Database, host: 'electron' | 'browser' | 'cli', origin: Origin = 'app', feed?: ChangeFeed): Handlers {
  // A write's result reaches the caller, and what it changed every open view.
  // The number a change is told under (0 where no view is told: the CLI).
  const announce = (change: Change): number => feed?.publish(change).seq ?? 0;
  // With that number, for views that read the figures after a save.
  const told = async <T>(committed: Promise<Committed<T>>): Promise<Told<T>> => {
    const { value, change } = await committed;
    return { value, changeSeq: announce(change) };
  };
  const tell = async <T>(committed: Promise<Committed<T>>): Promise<T> => (await told(committed)).value;
  const itemsChanged = (catalogueId: string, itemIds: string[]) => feed?.publish({ catalogueId, scope: 'items', itemIds });
  const domainChanged = ({ catalogueId, domainSeq, itemIds, changeId }: DomainResult) => {
    feed?.publish({ catalogueId, scope: itemIds.length ? 'costs' : 'items', itemIds });
    return { domainSeq, changeId };
  };
  const stepped = (catalogueId: string, outcome: HistoryOutcome): HistoryState => {
    const scope = outcome.driversOnly ? 'drivers' : outcome.costs ? 'costs' : 'items';
    const changeSeq = announce({ catalogueId, scope, itemIds: outcome.itemIds });
    return { ...outcome.state, changeSeq, ...(outcome.driversOnly ? { driverItems: outcome.itemIds } : {}) };
  };
  return {
    'app.info': async () => ({ version, databasePath: db.path, duckdbVersion: await db.version(), host }),
    'catalogues.list': () => listCatalogues(db),
    'catalogues.get': ({ catalogueId }) => getCatalogue(db, catalogueId),
    'catalogues.createDraft': async (request) => (await executeCommand(db, await draftCommand(db, request), origin)).summary,
    'catalogues.setStage': async ({ catalogueId, stage, expected }) =>
      (await executeCommand(db, { kind: 'catalogue.setStage', catalogueId, stage, expected }, origin)).summary,
    'catalogues.rename': async ({ catalogueId, name, expected }) =>
      (await executeCommand(db, { kind: 'catalogue.rename', catalogueId, name, expected }, origin)).summary,
    'items.update': ({ itemId, field, value, expected }) =>
      executeCommand(db, { kind: 'item.setField', itemId, field, value, expected }, origin),
    'items.get': ({ itemId }) => getItem(db, itemId),
    'items.insert': async (request) => {
      const { item } = 'anchorItemId' in request
        ? await insertBeside(db, request.anchorItemId, request.where, origin)
        : await insertFirst(db, request.catalogueId, request.domainSeq, origin);
      itemsChanged(item!.catalogueId, [item!.id]);
      return item!;
    },
    'items.delete': async ({ itemIds }) => {
      const { deleted, catalogueId } = await deleteItems(db, itemIds, origin);
      feed?.publish({ catalogueId, scope: 'costs', itemIds });
      return { deleted };
    },
    'items.move': async (request) => {
      if ('direction' in request) {
        const { item } = await moveStep(db, request.itemId, request.direction, origin);
        itemsChanged(item!.catalogueId, [item!.id]);
        return item!;
      }
      const { item } = await moveItemsTo(db, request.itemIds, request.domainSeq, request.index, origin);
      itemsChanged(item.catalogueId, request.itemIds);
      return item;
    },
    // ── 领域 ──
    'domains.insert': async ({ catalogueId, index, name }) =>
      domainChanged(await executeCommand(db, { kind: 'domain.insert', catalogueId, index, name }, origin)),
    'domains.rename': async ({ catalogueId, domainSeq, name, expected }) =>
      domainChanged(await executeCommand(db, { kind: 'domain.rename', catalogueId, domainSeq, name, expected }, origin)),
    'domains.move': async ({ catalogueId, domainSeq, index, expected }) =>
      domainChanged(await executeCommand(db, { kind: 'domain.move', catalogueId, domainSeq, index, expected }, origin)),
    'domains.delete': async (request) => domainChanged(await deleteDomainRequest(db, request, origin)),
    'history.state': ({ catalogueId }) => historyState(db, catalogueId),
    'history.undo': async ({ catalogueId }) => stepped(catalogueId, await undo(db, catalogueId, origin)),
    'history.redo': async ({ catalogueId }) => stepped(catalogueId, await redo(db, catalogueId, origin)),
    'annex.export': async ({ catalogueId, annex, layout, header, footer }) => {
      const pageText = { ...(header === undefined ? {} : { header }), ...(footer === undefined ? {} : { footer }) };
      const files = await exportAnnexes(db, catalogueId, { annex, layout: layout ?? 'workbook', pageText });
      return files.map(({ fileName, bytes, warning }) => ({
        fileName,
        mimeType: XLSX_MIME,
        base64: bytes.toString('base64'),
        byteLength: bytes.length,
        warning,
      }));
    },
    'annex.pageText.get': ({ catalogueId }) => getPageText(db, catalogueId),
    'annex.pageText.set': async ({ catalogueId, header, footer }) =>
      (await executeCommand(db, { kind: 'catalogue.setPageText', catalogueId, header, footer }, origin)).pageText,
    'indicators.plans': () => listIndicatorPlans(db),
    'indicators.plan.get': ({ planId }) => getIndicatorPlan(db, planId),
    'indicators.plan.create': async ({ basedOnDocument }) => {
      const planId = await unusedPlanId(db, basedOnDocument);
      return (await executeCommand(db, { kind: 'indicatorPlan.create', planId, basedOnDocument }, origin)).plan;
    },
    'indicators.plan.delete': ({ planId }) => executeCommand(db, { kind: 'indicatorPlan.delete', planId }, origin),
    'indicators.plan.update': ({ planId, seq, field, value, expected }) =>
      executeCommand(db, { kind: 'indicator.setField', planId, seq, field, value, expected }, origin),
    'tasks.list': ({ catalogueId }) => listTasks(db, catalogueId),
    'tasks.update': ({ taskId, field, value, expected }) =>
      executeCommand(db, { kind: 'task.setField', taskId, field, value, expected }, origin),
    'tasks.insert': async (request) => (await executeCommand(db, await taskInsertCommand(db, request), origin)).task,
    'tasks.delete': async ({ taskId }) => (await executeCommand(db, { kind: 'task.delete', taskId }, origin)).task,
    'reference.get': () => getReferenceData(db),
    'indicators.list': ({ documentId }) => listIndicators(db, documentId),
    'pricing.items': async ({ catalogueId, itemIds }) => {
      const asOf = feed?.lastSeq ?? 0;
      return { ...(await pricingItems(db, catalogueId, itemIds)), asOf };
    },
    'pricing.summary': async ({ catalogueId }) => {
      const asOf = feed?.lastSeq ?? 0;
      return { ...(await pricingSummary(db, catalogueId)), asOf };
    },
    'pricing.explain': (request) => explainFigure(db, request),
    'pricing.setYears': async ({ catalogueId, fromYear, toYear }) => {
      await tell(setPricingYears(db, catalogueId, fromYear, toYear, origin));
      return pricingSummary(db, catalogueId);
    },
    'drivers.update': (request) => told(setDriverField(db, request, origin)),
    'drivers.applySuggestions': ({ catalogueId, itemIds }) => told(applySuggestions(db, catalogueId, itemIds, origin)),
    'drivers.paste': (request) => told(pasteDriverCells(db, request, origin)),
    'drivers.workbook': async ({ catalogueId }) => {
      const { fileName, bytes } = await writeDriversWorkbook(db, catalogueId);
      return { fileName, mimeType: XLSX_MIME, base64: bytes.toString('base64'), byteLength: bytes.length, warning: null };
    },
    'rules.save': (request) => tell(saveSplitRule(db, request, origin)),
    'regions.list': ({ rootCode }) => listRegions(db, rootCode),
    'regions.update': (request) => tell(updateRegion(db, request, origin)),
    'shares.list': ({ rootCode }) => listCohortShares(db, rootCode),
    'population.list': ({ rootCode }) => listCohortCounts(db, rootCode),
    'shares.set': (request) => tell(setCohortShare(db, request, origin)),
    'shares.delete': (request) => tell(deleteCohortShare(db, request, origin)),
    'data.import': async ({ kind, catalogueId, fileName, base64, apply }) => {
      const { report, catalogueIds, itemIds } = await importTable(db, { kind, catalogueId, fileName, bytes: Buffer.from(base64, 'base64'), apply }, origin);
      let changeSeq = 0;
      for (const id of catalogueIds) changeSeq = announce({ catalogueId: id, scope: kind === 'drivers' ? 'drivers' : kind === 'rules' ? 'rules' : 'regions', itemIds });
      return report.applied && changeSeq ? { ...report, changeSeq } : report;
    },
    // --- catalogue import ---
    'catalogues.importPreview': ({ fileName, base64 }) => previewCatalogueImport({ fileName, bytes: Buffer.from(base64, 'base64') }),
    'catalogues.import': async ({ fileName, base64, name, regionName, period }) => {
      const { summary } = await importCatalogueFile(db, { fileName, bytes: Buffer.from(base64, 'base64'), name, regionName, period }, origin);
      feed?.publish({ catalogueId: summary.id, scope: 'items', itemIds: [] });
      return summary;
    },
    // Versions, the history panel and comparison.
    ...versionHandlers(db, origin),
    // ── Clipboard and cell ranges (issue 11) ──
    'items.paste': async (request) => {
      const { label, cells, added, itemIds } = await pasteCells(db, request, origin);
      itemsChanged(request.catalogueId, itemIds);
      return { label, cells, added };
    },
  };
}
