// Importing a catalogue from a file: read and checked whole first (the preview), then, when the planner
// confirms, written as a new draft in one transaction through the command path, one undo step whose inverse
// removes the imported catalogue again. The file is read afresh at the commit: what the preview showed is
// never trusted across the boundary.
import { DEFAULT_DRAFT_PERIOD, PERIOD_YEARS, periodYears } from '../../shared/domain/catalogue';
import type { CatalogueSummary } from '../../shared/domain/catalogue';
import type { DeleteDraftCommand, ImportCatalogueCommand } from '../../shared/domain/commands';
import { errorsOf } from '../../shared/domain/catalogue-import/preview';
import type { CatalogueImportPreview } from '../../shared/domain/catalogue-import/types';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { readCatalogueFile } from '../exchange/catalogue-file/read-catalogue-file';
import { getCatalogue } from './catalogue-queries';
import { checkedCellValue } from './cell-value';
import { logChange } from './change-log';
import { executeBatch } from './commands';
import type { Origin } from './commands';
import { newDraftId } from './drafts';
import { regionCodeOfName } from '../pricing/regions-store';

export interface CatalogueImportRequest {
  fileName: string;
  bytes: Buffer;
  /** The catalogue's name; the file's title (or its name) when omitted. */
  name?: string | undefined;
  period?: string | undefined;
  regionName?: string | undefined;
}

export function previewCatalogueImport(request: Pick<CatalogueImportRequest, 'fileName' | 'bytes'>): Promise<CatalogueImportPreview> {
  return readCatalogueFile(request.fileName, request.bytes);
}

/** A file with errors is refused whole, naming the first few problems with their rows and columns. */
export function refusalOf(preview: CatalogueImportPreview): AppError | null {
  const errors = errorsOf(preview);
  if (errors.length === 0) return null;
  const shown = errors.slice(0, 5).map((p) => p.message.replace(/[。；]$/u, '')).join('；');
  return new AppError(
    'bad_file',
    `“${preview.fileName}”有 ${errors.length} 处问题，没有导入任何内容：${shown}${errors.length > 5 ? `；另有 ${errors.length - 5} 处，请在导入预览中查看` : ''}。`,
  );
}

/** The region a catalogue imported is of: as the planner names it, else as the file does, else the country. */
const regionNameOf = (preview: CatalogueImportPreview, request: CatalogueImportRequest) => request.regionName ?? preview.suggestedRegion ?? '全国';

/** `regionCode`: the code of the region it names (regionCodeOfName), found before the command is made. */
export function importCommandOf(preview: CatalogueImportPreview, request: CatalogueImportRequest, regionCode: string | null = null): ImportCatalogueCommand {
  const period = request.period ?? preview.suggestedPeriod ?? DEFAULT_DRAFT_PERIOD.period;
  const years = periodYears(period);
  if (!years) throw new AppError('bad_request', `不认识的规划期“${period}”：应为 ${Object.keys(PERIOD_YEARS).join('、')} 之一，没有导入任何内容。`);
  return {
    kind: 'catalogue.import',
    catalogueId: newDraftId(),
    name: request.name ?? preview.suggestedName,
    regionName: regionNameOf(preview, request),
    regionCode,
    period,
    ...years,
    fileName: preview.fileName,
    columnLabels: preview.columnLabels,
    domains: preview.domains.map((d) => ({ name: d.name, items: d.items.map(({ row: _row, ...fields }) => fields) })),
  };
}

export async function importCatalogueFile(
  db: Database,
  request: CatalogueImportRequest,
  origin: Origin,
): Promise<{ summary: CatalogueSummary; preview: CatalogueImportPreview }> {
  const preview = await previewCatalogueImport(request);
  const refusal = refusalOf(preview);
  if (refusal) throw refusal;
  const command = importCommandOf(preview, request, await regionCodeOfName(db, regionNameOf(preview, request)));
  const count = command.domains.reduce((n, d) => n + d.items.length, 0);
  const [result] = (await executeBatch(db, [command], `导入清单“${command.name}”（${count} 项）`, origin)) as [{ summary: CatalogueSummary }];
  return { summary: result.summary, preview };
}

const ITEM_COLUMNS = [
  'id', 'catalogue_id', 'domain_seq', 'position', 'source_item_no', 'name', 'target_group', 'content', 'standard',
  'funding_responsibility', 'lead_department', 'category', 'note',
] as const;
const ROW_TYPE = Object.fromEntries(ITEM_COLUMNS.map((c) => [c, c === 'domain_seq' || c === 'position' || c === 'source_item_no' ? 'INTEGER' : 'VARCHAR']));

export async function importCatalogue(tx: Tx, command: ImportCatalogueCommand, origin: Origin): Promise<{ summary: CatalogueSummary; changeId: number }> {
  const name = checkedCellValue(command.name, '清单名称');
  if (name === null) throw new AppError('refused', '清单名称不能为空，没有导入任何内容。请填写名称后再导入。');
  const regionName = checkedCellValue(command.regionName, '清单的行政区');
  if (regionName === null) throw new AppError('refused', '清单的行政区不能为空，没有导入任何内容。');
  if (command.domains.every((d) => d.items.length === 0)) throw new AppError('refused', '要导入的清单没有服务项目，没有导入任何内容。');
  const [taken] = await tx.all('SELECT 1 AS ok FROM catalogues WHERE id = $1', [command.catalogueId]);
  if (taken) throw new AppError('conflict', `编号为“${command.catalogueId}”的清单已经存在，没有导入任何内容。`);
  const l = command.columnLabels;
  await tx.run(
    `INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, draft_stage, based_on,
       annex_label, annex_title, label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', 'draft', NULL, '附件1', $2, $8, $9, $10, $11, $12, $13)`,
    [command.catalogueId, name, command.regionCode, regionName, command.period, command.startYear, command.endYear,
      l.itemNo, l.name, l.targetGroup, l.standard, l.fundingResponsibility, l.leadDepartment],
  );
  const rows: (string | number | null)[][] = [];
  let serial = 0;
  for (const [d, domain] of command.domains.entries()) {
    const domainName = checkedCellValue(domain.name, `第${d + 1}个领域的名称`);
    if (domainName === null) throw new AppError('refused', `第${d + 1}个领域的名称为空，没有导入任何内容。`);
    await tx.run('INSERT INTO domains (catalogue_id, seq, name) VALUES ($1, $2, $3)', [command.catalogueId, d + 1, domainName]);
    for (const [position, item] of domain.items.entries()) {
      serial += 1;
      const where = `领域“${domainName}”第${position + 1}项`;
      const itemName = checkedCellValue(item.name, `${where}的服务项目`);
      if (itemName === null) throw new AppError('refused', `${where}的服务项目名称为空，没有导入任何内容。`);
      const text = (value: string | null, column: string) => checkedCellValue(value, `${where}“${itemName}”的${column}`);
      rows.push([
        `${command.catalogueId}:${String(serial).padStart(3, '0')}`, command.catalogueId, d + 1, position, item.sourceItemNo, itemName,
        text(item.targetGroup, l.targetGroup), text(item.content, '服务内容'), text(item.standard, l.standard),
        text(item.fundingResponsibility, l.fundingResponsibility), text(item.leadDepartment, l.leadDepartment),
        text(item.category, '类别'), text(item.note, '备注'),
      ]);
    }
  }
  // One statement for all rows: the rows travel as one JSON parameter (a VALUES list of thousands of
  // parameters takes DuckDB longer to plan than to run).
  const records = rows.map((r) => Object.fromEntries(ITEM_COLUMNS.map((c, i) => [c, r[i]])));
  await tx.run(
    `INSERT INTO items (${ITEM_COLUMNS.join(', ')})
     SELECT ${ITEM_COLUMNS.join(', ')} FROM (SELECT unnest(from_json($1, '${JSON.stringify([ROW_TYPE])}'), recursive := true))`,
    [JSON.stringify(records)],
  );
  await tx.run('INSERT INTO pricing_settings (catalogue_id, from_year, to_year) VALUES ($1, $2, $3)', [command.catalogueId, command.startYear, command.endYear]);
  const inverse: DeleteDraftCommand = { kind: 'catalogue.deleteDraft', catalogueId: command.catalogueId };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, name, regionName }, inverse, origin, `导入清单“${name}”`);
  return { summary: (await getCatalogue(tx, command.catalogueId)).summary, changeId };
}
