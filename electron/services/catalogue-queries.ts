// Reads of catalogues and items, shaped as the contract's types.
import { DRAFT_STAGES, ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { DraftStage, CatalogueDetail, CatalogueItem, CatalogueSummary, ColumnLabels, Domain } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import { idList, idsFromJson } from '../db/id-list';
import { quote, wholeNumber } from '../db/sql-literal';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { numberOrNull, text, textOrNull } from '../db/row-values';
import { ITEM_COLUMNS } from './item-columns';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

const SUMMARY_SQL = `
  SELECT c.*, d.title AS document_title, d.doc_number AS document_number,
         (SELECT count(*) FROM items i WHERE i.catalogue_id = c.id) AS item_count
  FROM catalogues c LEFT JOIN documents d ON d.id = c.document_id
  WHERE c.removed_at IS NULL`;

/** Items of the catalogues that `filter` selects, with 序号 derived from the order straight through the domains. */
function numberedItems(filter: string): string {
  return `SELECT *, row_number() OVER (PARTITION BY catalogue_id ORDER BY domain_seq, position) AS item_no FROM items WHERE ${filter}`;
}

function stageOf(status: string, draftStage: string | null): DraftStage | null {
  if (status === 'published') return 'published';
  if (status === 'draft') return (DRAFT_STAGES as readonly string[]).includes(draftStage ?? '') ? (draftStage as DraftStage) : 'draft';
  return null;
}

function toSummary(row: PlainRow): CatalogueSummary {
  return {
    id: text(row.id),
    name: text(row.name),
    regionCode: textOrNull(row.region_code),
    regionName: text(row.region_name),
    period: text(row.period),
    startYear: numberOrNull(row.start_year),
    endYear: numberOrNull(row.end_year),
    itemCount: Number(row.item_count ?? 0),
    statedItemCount: numberOrNull(row.stated_item_count),
    status: text(row.status) as CatalogueSummary['status'],
    statusNote: textOrNull(row.status_note),
    documentTitle: textOrNull(row.document_title),
    documentNumber: textOrNull(row.document_number),
    stage: stageOf(text(row.status), textOrNull(row.draft_stage)),
    basedOn: textOrNull(row.based_on),
  };
}

export function toItem(row: PlainRow): CatalogueItem {
  return {
    id: text(row.id),
    catalogueId: text(row.catalogue_id),
    domainSeq: Number(row.domain_seq),
    itemNo: Number(row.item_no),
    sourceItemNo: numberOrNull(row.source_item_no),
    name: text(row[ITEM_COLUMNS.name.column]),
    targetGroup: textOrNull(row[ITEM_COLUMNS.targetGroup.column]),
    standard: textOrNull(row[ITEM_COLUMNS.standard.column]),
    fundingResponsibility: textOrNull(row[ITEM_COLUMNS.fundingResponsibility.column]),
    leadDepartment: textOrNull(row[ITEM_COLUMNS.leadDepartment.column]),
    updatedAt: textOrNull(row.updated_at),
    lineageId: textOrNull(row.lineage_id),
    content: textOrNull(row.content),
    category: textOrNull(row.category),
    note: textOrNull(row.note),
  };
}

export async function listCatalogues(db: Reader): Promise<CatalogueSummary[]> {
  const rows = await db.all(`${SUMMARY_SQL} ORDER BY c.period, c.region_code NULLS FIRST, c.id`);
  return rows.map(toSummary);
}

export async function getCatalogue(db: Reader, catalogueId: string): Promise<CatalogueDetail> {
  const [row] = await db.all(`${SUMMARY_SQL} AND c.id = $1`, [catalogueId]);
  if (!row) throw new AppError('not_found', `没有编号为“${catalogueId}”的清单。`);
  const domains = await db.all('SELECT seq, name, stated_item_count FROM domains WHERE catalogue_id = $1 ORDER BY seq', [catalogueId]);
  const items = await db.all(`SELECT * FROM (${numberedItems('catalogue_id = $1')}) ORDER BY domain_seq, position`, [catalogueId]);
  const columnLabels = {
    itemNo: text(row.label_item_no),
    ...Object.fromEntries(ITEM_FIELDS.map((field) => [field, text(row[ITEM_COLUMNS[field].labelColumn])])),
  } as ColumnLabels;
  return {
    summary: toSummary(row),
    columnLabels,
    annexLabel: text(row.annex_label),
    annexTitle: text(row.annex_title),
    domains: domains.map(
      (d): Domain => ({ seq: Number(d.seq), name: text(d.name), statedItemCount: numberOrNull(d.stated_item_count) }),
    ),
    items: items.map(toItem),
  };
}

/** Several items at once, with their 序号 (what a batch of edits reads before it writes). */
export async function getItems(db: Reader, itemIds: readonly string[]): Promise<Map<string, CatalogueItem>> {
  const rows = await db.all(
    `SELECT * FROM (${numberedItems(`catalogue_id IN (SELECT catalogue_id FROM items WHERE id IN ${idsFromJson('$1')})`)}) WHERE id IN ${idsFromJson('$1')}`,
    [idList(itemIds)],
  );
  const items = new Map(rows.map((r) => [String(r.id), toItem(r)]));
  const missing = itemIds.find((id) => !items.has(id));
  if (missing !== undefined) throw new AppError('not_found', `没有编号为“${missing}”的服务项目，它可能已被删除。`);
  return items;
}

export async function getItem(db: Reader, itemId: string): Promise<CatalogueItem> {
  const [row] = await db.all('SELECT * FROM items WHERE id = $1', [itemId]);
  return numberedItem((sql) => db.all(sql), itemId, row);
}

/**
 * An item row as read (undefined: there is none), with its 序号 (numberedItems' order) counted as the items up
 * to it: a third of the cost of numbering the whole catalogue, and every edit reads its item. The count's
 * values are written into its text, so a caller in an edit can keep it (Tx.allKept).
 */
export async function numberedItem(read: (sql: string) => Promise<PlainRow[]>, itemId: string, row: PlainRow | undefined): Promise<CatalogueItem> {
  if (!row) throw new AppError('not_found', `没有编号为“${itemId}”的服务项目，它可能已被删除。`);
  const [seq, position] = [wholeNumber(row.domain_seq), wholeNumber(row.position)];
  const [{ n } = { n: 0 }] = await read(
    `SELECT count(*) AS n FROM items WHERE catalogue_id = ${quote(text(row.catalogue_id))} AND (domain_seq < ${seq} OR (domain_seq = ${seq} AND position <= ${position}))`,
  );
  return toItem({ ...row, item_no: n });
}
