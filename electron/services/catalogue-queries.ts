// Reads of catalogues and items, shaped as the contract's types.
import type { CatalogueDetail, CatalogueItem, CatalogueSummary, ColumnLabels, Domain } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

const SUMMARY_SQL = `
  SELECT c.*, d.title AS document_title, d.doc_number AS document_number,
         (SELECT count(*) FROM items i WHERE i.catalogue_id = c.id) AS item_count
  FROM catalogues c LEFT JOIN documents d ON d.id = c.document_id`;

// 序号 is derived from the order, numbered straight through the domains.
const ITEMS_SQL = `
  SELECT *, row_number() OVER (ORDER BY domain_seq, position) AS item_no
  FROM items WHERE catalogue_id = $1`;

function str(row: PlainRow, key: string): string {
  return String(row[key] ?? '');
}
function strOrNull(row: PlainRow, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : String(value);
}
function numOrNull(row: PlainRow, key: string): number | null {
  const value = row[key];
  return value === null || value === undefined ? null : Number(value);
}

function toSummary(row: PlainRow): CatalogueSummary {
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    regionCode: strOrNull(row, 'region_code'),
    regionName: str(row, 'region_name'),
    period: str(row, 'period'),
    startYear: numOrNull(row, 'start_year'),
    endYear: numOrNull(row, 'end_year'),
    itemCount: Number(row.item_count ?? 0),
    statedItemCount: numOrNull(row, 'stated_item_count'),
    status: str(row, 'status') as CatalogueSummary['status'],
    statusNote: strOrNull(row, 'status_note'),
    documentTitle: strOrNull(row, 'document_title'),
    documentNumber: strOrNull(row, 'document_number'),
  };
}

export function toItem(row: PlainRow): CatalogueItem {
  return {
    id: str(row, 'id'),
    catalogueId: str(row, 'catalogue_id'),
    domainSeq: Number(row.domain_seq),
    itemNo: Number(row.item_no),
    sourceItemNo: numOrNull(row, 'source_item_no'),
    name: str(row, 'name'),
    targetGroup: strOrNull(row, 'target_group'),
    standard: strOrNull(row, 'standard'),
    fundingResponsibility: strOrNull(row, 'funding_responsibility'),
    leadDepartment: strOrNull(row, 'lead_department'),
    updatedAt: strOrNull(row, 'updated_at'),
  };
}

export async function listCatalogues(db: Reader): Promise<CatalogueSummary[]> {
  const rows = await db.all(`${SUMMARY_SQL} ORDER BY c.period, c.region_code NULLS FIRST, c.id`);
  return rows.map(toSummary);
}

export async function getCatalogue(db: Reader, catalogueId: string): Promise<CatalogueDetail> {
  const [row] = await db.all(`${SUMMARY_SQL} WHERE c.id = $1`, [catalogueId]);
  if (!row) throw new AppError('not_found', `没有编号为“${catalogueId}”的清单。`);
  const domains = await db.all('SELECT seq, name, stated_item_count FROM domains WHERE catalogue_id = $1 ORDER BY seq', [catalogueId]);
  const items = await db.all(`${ITEMS_SQL} ORDER BY domain_seq, position`, [catalogueId]);
  const columnLabels: ColumnLabels = {
    itemNo: str(row, 'label_item_no'),
    name: str(row, 'label_name'),
    targetGroup: str(row, 'label_target_group'),
    standard: str(row, 'label_standard'),
    fundingResponsibility: str(row, 'label_funding'),
    leadDepartment: str(row, 'label_lead'),
  };
  return {
    summary: toSummary(row),
    columnLabels,
    annexLabel: str(row, 'annex_label'),
    annexTitle: str(row, 'annex_title'),
    domains: domains.map(
      (d): Domain => ({ seq: Number(d.seq), name: str(d, 'name'), statedItemCount: numOrNull(d, 'stated_item_count') }),
    ),
    items: items.map(toItem),
  };
}

export async function getItem(db: Reader, itemId: string): Promise<CatalogueItem> {
  const [row] = await db.all(
    `SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY catalogue_id ORDER BY domain_seq, position) AS item_no FROM items
      WHERE catalogue_id = (SELECT catalogue_id FROM items WHERE id = $1)) WHERE id = $1`,
    [itemId],
  );
  if (!row) throw new AppError('not_found', `没有编号为“${itemId}”的服务项目，它可能已被删除。`);
  return toItem(row);
}
