// Comparison, the Node side's part: read the two sides (a catalogue, or a saved version "id@n") with each
// item's lineage followed back through the catalogues it was copied from; the pairing and the diff are
// shared/domain/compare.ts. The 对照表 file is written by electron/annex/comparison-table.ts.
import { compareCatalogues } from '../../shared/domain/compare';
import type { CompareItem, CompareSide, Comparison } from '../../shared/domain/compare';
import type { CatalogueDetail } from '../../shared/domain/catalogue';
import { parseSideRef } from '../../shared/domain/versions';
import type { Database } from '../db/database';
import { text } from '../db/row-values';
import { writeComparisonTable } from '../annex/comparison-table';
import { annexFileName } from '../annex/file-name';
import { getCatalogue } from './catalogue-queries';
import { getVersion } from './versions';

type Reader = Pick<Database, 'all'>;

/** A lineage chain is never longer than this (a draft of a draft of …): a guard against a cycle. */
const MAX_LINEAGE_DEPTH = 50;

async function readSide(db: Reader, ref: string): Promise<{ side: CompareSide; detail: CatalogueDetail }> {
  let detail: CatalogueDetail;
  let versionName: string | null = null;
  let resolved = ref;
  if (parseSideRef(ref).version === null) detail = await getCatalogue(db, ref);
  else {
    const opened = await getVersion(db, ref);
    ({ detail } = opened);
    versionName = opened.version.name;
    resolved = opened.version.id;
  }
  // Every item that was copied from another, once: enough to follow any item's chain back in memory.
  const parents = new Map<string, string>();
  for (const row of await db.all('SELECT id, lineage_id FROM items WHERE lineage_id IS NOT NULL')) parents.set(text(row.id), text(row.lineage_id));
  const lineageOf = (id: string, lineageId: string | null): string[] => {
    const chain = [id];
    for (let next = lineageId ?? parents.get(id) ?? null; next !== null && chain.length < MAX_LINEAGE_DEPTH && !chain.includes(next); next = parents.get(next) ?? null) {
      chain.push(next);
    }
    return chain;
  };
  const items: CompareItem[] = detail.items.map((item) => ({
    id: item.id,
    lineage: lineageOf(item.id, item.lineageId ?? null),
    domainSeq: item.domainSeq,
    itemNo: item.itemNo,
    name: item.name,
    targetGroup: item.targetGroup,
    standard: item.standard,
    fundingResponsibility: item.fundingResponsibility,
    leadDepartment: item.leadDepartment,
  }));
  const label = versionName === null ? detail.summary.name : `${detail.summary.name}（版本：${versionName}）`;
  return { side: { ref: resolved, label, columnLabels: detail.columnLabels, domains: detail.domains, items }, detail };
}

export async function compareSides(db: Reader, beforeRef: string, afterRef: string): Promise<Comparison> {
  const [before, after] = await Promise.all([readSide(db, beforeRef), readSide(db, afterRef)]);
  return compareCatalogues(before.side, after.side);
}

export interface ComparisonFile {
  fileName: string;
  bytes: Buffer;
  comparison: Comparison;
}

/** The 对照表 as an .xlsx file, named after what it compares. */
export async function exportComparison(db: Reader, beforeRef: string, afterRef: string): Promise<ComparisonFile> {
  const comparison = await compareSides(db, beforeRef, afterRef);
  const bytes = await writeComparisonTable(comparison);
  return { fileName: annexFileName({ annexLabel: '对照表', annexTitle: comparison.after.label }), bytes, comparison };
}
