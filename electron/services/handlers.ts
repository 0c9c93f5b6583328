// The contract's channels, implemented once over the database; both hosts and the CLI call these.
import type { Channel, Request, Response } from '../../shared/contract';
import { writeCatalogueAnnex } from '../annex/catalogue-annex';
import { annexFileName } from '../annex/file-name';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import type { Database } from '../db/database';
import { version } from '../../package.json';
import { getCatalogue, getItem, listCatalogues } from './catalogue-queries';
import { executeCommand } from './commands';
import type { Origin } from './commands';
import { getReferenceData, listIndicators } from './reference-queries';
import type { ChangeFeed } from './change-feed';
import { applySuggestions, saveSplitRule, setDriverField, setPricingYears, updateRegion } from './pricing-commands';
import type { Committed } from './pricing-commands';
import { explainFigure } from '../pricing/explain';
import { pricingItems } from '../pricing/items';
import { listRegions } from '../pricing/regions-store';
import { pricingSummary } from '../pricing/summary';
import { importTable } from '../exchange/pricing-imports';

export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface AnnexExport {
  fileName: string;
  bytes: Buffer;
  /** Said to the user with the file: what the annex lacks before it can be published. */
  warning: string | null;
}

export async function exportCatalogueAnnex(db: Database, catalogueId: string): Promise<AnnexExport> {
  const detail = await getCatalogue(db, catalogueId);
  const { summary } = detail;
  if (detail.items.length === 0) {
    throw new AppError('refused', `“${summary.name}”还没有服务项目，无法导出附件${summary.statusNote ? `（${summary.statusNote}）` : ''}。`);
  }
  const unfilled = detail.items.filter((i) => ITEM_FIELDS.some((f) => i[f] === null)).length;
  const warnings = [
    summary.status === 'incomplete' ? `清单内容不全${summary.statusNote ? `：${summary.statusNote}` : ''}` : null,
    unfilled > 0 ? `${unfilled} 个服务项目尚有未填写的栏目` : null,
  ].filter((w): w is string => w !== null);
  return {
    fileName: annexFileName(detail),
    bytes: await writeCatalogueAnnex(detail),
    warning: warnings.length ? `${warnings.join('；')}。发布前请补全。` : null,
  };
}

export function createHandlers(db: Database, host: 'electron' | 'browser' | 'cli', origin: Origin = 'app', feed?: ChangeFeed): Handlers {
  // A write's result reaches the caller, and what it changed every open view.
  const tell = async <T>(committed: Promise<Committed<T>>): Promise<T> => {
    const { value, change } = await committed;
    feed?.publish(change);
    return value;
  };
  return {
    'app.info': async () => ({ version, databasePath: db.path, duckdbVersion: await db.version(), host }),
    'catalogues.list': () => listCatalogues(db),
    'catalogues.get': ({ catalogueId }) => getCatalogue(db, catalogueId),
    'items.update': ({ itemId, field, value, expected }) =>
      executeCommand(db, { kind: 'item.setField', itemId, field, value, expected }, origin),
    'items.get': ({ itemId }) => getItem(db, itemId),
    'annex.export': async ({ catalogueId }) => {
      const { fileName, bytes, warning } = await exportCatalogueAnnex(db, catalogueId);
      return { fileName, mimeType: XLSX_MIME, base64: bytes.toString('base64'), byteLength: bytes.length, warning };
    },
    'reference.get': () => getReferenceData(db),
    'indicators.list': ({ documentId }) => listIndicators(db, documentId),
    'pricing.items': ({ catalogueId }) => pricingItems(db, catalogueId),
    'pricing.summary': ({ catalogueId }) => pricingSummary(db, catalogueId),
    'pricing.explain': (request) => explainFigure(db, request),
    'pricing.setYears': async ({ catalogueId, fromYear, toYear }) => {
      await tell(setPricingYears(db, catalogueId, fromYear, toYear, origin));
      return pricingSummary(db, catalogueId);
    },
    'drivers.update': (request) => tell(setDriverField(db, request, origin)),
    'drivers.applySuggestions': ({ catalogueId, itemIds }) => tell(applySuggestions(db, catalogueId, itemIds, origin)),
    'rules.save': (request) => tell(saveSplitRule(db, request, origin)),
    'regions.list': ({ rootCode }) => listRegions(db, rootCode),
    'regions.update': (request) => tell(updateRegion(db, request, origin)),
    'data.import': async ({ kind, catalogueId, fileName, base64, apply }) => {
      const { report, catalogueIds } = await importTable(db, { kind, catalogueId, fileName, bytes: Buffer.from(base64, 'base64'), apply }, origin);
      for (const id of catalogueIds) feed?.publish({ catalogueId: id, scope: kind === 'drivers' ? 'drivers' : kind === 'rules' ? 'rules' : 'regions', itemIds: [] });
      return report;
    },
  };
}
