// The contract's channels, implemented once over the database; both hosts and the CLI call these.
import type { Channel, Request, Response } from '../../shared/contract';
import { writeCatalogueAnnex } from '../annex/catalogue-annex';
import { annexFileName } from '../annex/file-name';
import type { Database } from '../db/database';
import { getCatalogue, listCatalogues } from './catalogue-queries';
import { executeCommand } from './commands';
import type { Origin } from './commands';
import { getReferenceData, listIndicators } from './reference-queries';

export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const APP_VERSION = '0.1.0';

export async function exportCatalogueAnnex(db: Database, catalogueId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const detail = await getCatalogue(db, catalogueId);
  return { fileName: annexFileName(detail), bytes: await writeCatalogueAnnex(detail) };
}

export function createHandlers(db: Database, host: 'electron' | 'browser' | 'cli', origin: Origin = 'app'): Handlers {
  return {
    'app.info': async () => ({ version: APP_VERSION, databasePath: db.path, duckdbVersion: await db.version(), host }),
    'catalogues.list': () => listCatalogues(db),
    'catalogues.get': ({ catalogueId }) => getCatalogue(db, catalogueId),
    'items.update': ({ itemId, field, value, expected }) =>
      executeCommand(db, { kind: 'item.setField', itemId, field, value, expected }, origin),
    'annex.export': async ({ catalogueId }) => {
      const { fileName, bytes } = await exportCatalogueAnnex(db, catalogueId);
      return { fileName, mimeType: XLSX_MIME, base64: bytes.toString('base64'), byteLength: bytes.length };
    },
    'reference.get': () => getReferenceData(db),
    'indicators.list': ({ documentId }) => listIndicators(db, documentId),
  };
}
