// The channels of versions, the history panel and comparison, spread into createHandlers.
import type { ExportedFile } from '../../shared/contract';
import { defaultVersionName } from '../../shared/domain/versions';
import type { versionRequestSchemas } from '../../shared/versions-contract';
import type { Database } from '../db/database';
import { writeAnnexWorkbook } from '../annex/annex-set';
import type { AnnexPart } from '../annex/annex-set';
import { annexFileName } from '../annex/file-name';
import { getCatalogue } from './catalogue-queries';
import { executeCommand } from './commands';
import type { Origin } from './commands';
import { exportComparison, compareSides } from './comparison';
import type { Handlers } from './handlers';
import { itemHistory } from './item-history';
import { getVersion, listVersions, versionTasks } from './versions';

type VersionChannel = keyof typeof versionRequestSchemas;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = (fileName: string, bytes: Buffer): ExportedFile => ({ fileName, mimeType: XLSX, base64: bytes.toString('base64'), byteLength: bytes.length, warning: null });

/** A version's 附件1 (and 附件2 where it kept tasks), its name in the page header. */
export async function exportVersionAnnex(db: Database, versionId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const { version, detail } = await getVersion(db, versionId);
  const tasks = await versionTasks(db, version.id);
  const parts: AnnexPart[] = [{ kind: 'catalogue', detail }];
  if (tasks.length) parts.push({ kind: 'tasks', label: '附件2', title: '重点任务分工方案', tasks });
  const bytes = await writeAnnexWorkbook(detail.annexTitle, parts, { header: version.stage === 'published' ? '' : version.name, footer: '' });
  return { fileName: annexFileName({ annexLabel: detail.annexLabel, annexTitle: `${detail.annexTitle}（${version.name}）` }), bytes };
}

export function versionHandlers(db: Database, origin: Origin): Pick<Handlers, VersionChannel> {
  return {
    'versions.list': ({ catalogueId }) => listVersions(db, catalogueId),
    'versions.save': async ({ catalogueId, name }) => {
      const stage = name?.trim() ? null : (await getCatalogue(db, catalogueId)).summary.stage ?? null;
      const chosen = name?.trim() ? name : defaultVersionName(stage, new Date());
      return (await executeCommand(db, { kind: 'version.save', catalogueId, name: chosen }, origin)).version;
    },
    'versions.get': ({ versionId }) => getVersion(db, versionId),
    'versions.delete': ({ versionId }) => executeCommand(db, { kind: 'version.delete', versionId }, origin),
    'versions.export': async ({ versionId }) => {
      const { fileName, bytes } = await exportVersionAnnex(db, versionId);
      return file(fileName, bytes);
    },
    'history.item': ({ itemId }) => itemHistory(db, itemId),
    'compare.run': ({ before, after }) => compareSides(db, before, after),
    'compare.export': async ({ before, after }) => {
      const { fileName, bytes } = await exportComparison(db, before, after);
      return file(fileName, bytes);
    },
  };
}
