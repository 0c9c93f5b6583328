// Named versions: a snapshot of a catalogue's domains, items (ids and lineage kept) and tasks, saved and
// hidden through the command path and read back as a catalogue of its own, read-only.
import { DRAFT_STAGES } from '../../shared/domain/catalogue';
import type { CatalogueDetail, ColumnLabels, DraftStage } from '../../shared/domain/catalogue';
import type { DeleteVersionCommand, SaveVersionCommand } from '../../shared/domain/commands';
import { parseSideRef } from '../../shared/domain/versions';
import type { VersionDetail, VersionSummary } from '../../shared/domain/versions';
import type { CatalogueTask } from '../../shared/domain/task';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { numberOrNull, text, textOrNull } from '../db/row-values';
import { getCatalogue, toItem } from './catalogue-queries';
import { checkedCellValue } from './cell-value';
import { logChange } from './change-log';
import type { Origin } from './commands';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

const MAX_NAME_CHARS = 100;

function toSummary(row: PlainRow): VersionSummary {
  const stage = textOrNull(row.stage);
  return {
    id: text(row.id),
    catalogueId: text(row.catalogue_id),
    number: Number(row.number),
    name: text(row.name),
    stage: (DRAFT_STAGES as readonly string[]).includes(stage ?? '') ? (stage as DraftStage) : null,
    itemCount: Number(row.item_count),
    savedAt: new Date(text(row.saved_at)).toISOString(),
  };
}

export async function listVersions(db: Reader, catalogueId: string): Promise<VersionSummary[]> {
  await getCatalogue(db, catalogueId);
  const rows = await db.all(
    'SELECT * FROM catalogue_versions WHERE catalogue_id = $1 AND removed_at IS NULL ORDER BY number DESC',
    [catalogueId],
  );
  return rows.map(toSummary);
}

/** A version by its id ("draft-1a2b@2") or by catalogue and name ("draft-1a2b@征求意见稿 2026-03-01"). */
async function versionRow(db: Reader, versionId: string): Promise<PlainRow> {
  const { catalogueId, version } = parseSideRef(versionId);
  const [row] =
    version === null
      ? []
      : await db.all(
          `SELECT * FROM catalogue_versions WHERE catalogue_id = $1 AND removed_at IS NULL AND (CAST(number AS VARCHAR) = $2 OR name = $2)
           ORDER BY number DESC LIMIT 1`,
          [catalogueId, version],
        );
  if (!row) throw new AppError('not_found', `没有名为“${versionId}”的版本（应写作“清单编号@版本号”，如 ${catalogueId}@1），它可能已被删除。`);
  return row;
}

export async function getVersion(db: Reader, versionId: string): Promise<VersionDetail> {
  const row = await versionRow(db, versionId);
  const id = text(row.id);
  const live = (await getCatalogue(db, text(row.catalogue_id))).summary;
  const domains = await db.all('SELECT * FROM version_domains WHERE version_id = $1 ORDER BY seq', [id]);
  const items = await db.all(
    `SELECT item_id AS id, $2 AS catalogue_id, * EXCLUDE (item_id) FROM version_items WHERE version_id = $1 ORDER BY item_no`,
    [id, live.id],
  );
  const version = toSummary(row);
  const columnLabels: ColumnLabels = {
    itemNo: text(row.label_item_no),
    name: text(row.label_name),
    targetGroup: text(row.label_target_group),
    standard: text(row.label_standard),
    fundingResponsibility: text(row.label_funding),
    leadDepartment: text(row.label_lead),
  };
  const detail: CatalogueDetail = {
    summary: { ...live, name: text(row.catalogue_name), itemCount: version.itemCount, stage: version.stage },
    columnLabels,
    annexLabel: text(row.annex_label),
    annexTitle: text(row.annex_title),
    domains: domains.map((d) => ({ seq: Number(d.seq), name: text(d.name), statedItemCount: numberOrNull(d.stated_item_count) })),
    items: items.map(toItem),
  };
  return { version, detail };
}

export async function versionTasks(db: Reader, versionId: string): Promise<CatalogueTask[]> {
  const row = await versionRow(db, versionId);
  const rows = await db.all('SELECT * FROM version_tasks WHERE version_id = $1 ORDER BY task_no', [text(row.id)]);
  return rows.map((t) => ({ id: text(t.task_id), catalogueId: text(row.catalogue_id), taskNo: Number(t.task_no), task: text(t.task), responsibleUnits: text(t.responsible_units) }));
}

export async function saveVersion(tx: Tx, command: SaveVersionCommand, origin: Origin): Promise<{ version: VersionSummary; changeId: number }> {
  const { summary } = await getCatalogue(tx, command.catalogueId);
  const wanted = checkedCellValue(command.name, '版本名称');
  if (wanted === null) throw new AppError('refused', '版本名称不能为空，没有保存版本。');
  if ([...wanted].length > MAX_NAME_CHARS) throw new AppError('refused', `版本名称最多 ${MAX_NAME_CHARS} 个字，没有保存版本。`);
  if (wanted.includes('@')) throw new AppError('refused', '版本名称里不能有“@”（它用来连接清单编号和版本号），没有保存版本。');
  // The same name again the same day gets a number: "征求意见稿 2026-03-01（2）".
  const names = new Set((await tx.all('SELECT name FROM catalogue_versions WHERE catalogue_id = $1 AND removed_at IS NULL', [summary.id])).map((r) => text(r.name)));
  let name = wanted;
  for (let n = 2; names.has(name); n += 1) name = `${wanted}（${n}）`;
  const [next] = await tx.all('SELECT coalesce(max(number), 0) + 1 AS n FROM catalogue_versions WHERE catalogue_id = $1', [summary.id]);
  const number = Number(next?.n ?? 1);
  const id = `${summary.id}@${number}`;
  await tx.run(
    `INSERT INTO catalogue_versions (id, catalogue_id, number, name, stage, catalogue_name, annex_label, annex_title, label_item_no, label_name,
       label_target_group, label_standard, label_funding, label_lead, item_count)
     SELECT $1, id, $2, $3, $4, name, annex_label, annex_title, label_item_no, label_name, label_target_group, label_standard, label_funding,
       label_lead, (SELECT count(*) FROM items WHERE catalogue_id = $5)
     FROM catalogues WHERE id = $5`,
    [id, number, name, summary.stage ?? null, summary.id],
  );
  await tx.run('INSERT INTO version_domains SELECT $1, seq, name, stated_item_count FROM domains WHERE catalogue_id = $2', [id, summary.id]);
  await tx.run(
    `INSERT INTO version_items (version_id, item_id, lineage_id, domain_seq, position, item_no, source_item_no, name, target_group, standard,
       funding_responsibility, lead_department, updated_at)
     SELECT $1, id, lineage_id, domain_seq, position, row_number() OVER (ORDER BY domain_seq, position), source_item_no, name, target_group,
       standard, funding_responsibility, lead_department, updated_at
     FROM items WHERE catalogue_id = $2`,
    [id, summary.id],
  );
  await tx.run('INSERT INTO version_tasks SELECT $1, id, task_no, task, responsible_units FROM tasks WHERE catalogue_id = $2', [id, summary.id]);
  const inverse: DeleteVersionCommand = { kind: 'version.delete', versionId: id };
  const changeId = await logChange(tx, summary.id, command.kind, { ...command, name, versionId: id }, inverse, origin);
  const [row] = await tx.all('SELECT * FROM catalogue_versions WHERE id = $1', [id]);
  return { version: toSummary(row!), changeId };
}

export async function deleteVersion(tx: Tx, command: DeleteVersionCommand, origin: Origin): Promise<{ changeId: number }> {
  const row = await versionRow(tx, command.versionId);
  await tx.run('UPDATE catalogue_versions SET removed_at = current_timestamp WHERE id = $1', [text(row.id)]);
  const changeId = await logChange(tx, text(row.catalogue_id), command.kind, { ...command, versionId: text(row.id), name: text(row.name) }, null, origin);
  return { changeId };
}
