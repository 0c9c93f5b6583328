// The catalogue's own rules on an item's text, checked on the write path before anything is stored: one
// name per 领域 (a planner pasting a block twice gets told, not two rows that price twice), and a length
// per column (shared/domain/limits.ts).
import type { ItemField } from '../../shared/domain/catalogue';
import { normaliseCellText } from '../../shared/domain/cell-text';
import { domainHeading } from '../../shared/domain/numerals';
import { ITEM_TEXT_LIMITS, textLength } from '../../shared/domain/limits';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';

/** Refuses `name` in domain `domainSeq` when another item there (not `itemId`) already has it. */
export async function refuseDuplicateName(
  tx: Pick<Tx, 'all'>,
  catalogueId: string,
  domainSeq: number,
  name: string,
  itemId: string | null,
  what: string,
  outcome: string,
): Promise<void> {
  const same = comparableName;
  const wanted = same(name);
  const rows = await tx.all(
    `SELECT i.id, i.name, d.name AS domain,
       (SELECT count(*) FROM items j WHERE j.catalogue_id = i.catalogue_id AND (j.domain_seq < i.domain_seq OR (j.domain_seq = i.domain_seq AND j.position <= i.position))) AS item_no
     FROM items i JOIN domains d ON d.catalogue_id = i.catalogue_id AND d.seq = i.domain_seq
     WHERE i.catalogue_id = $1 AND i.domain_seq = $2 AND i.id <> $3`,
    [catalogueId, domainSeq, itemId ?? ''],
  );
  const twin = rows.find((r) => same(String(r.name)) === wanted);
  if (twin) throw duplicateName(what, Number(twin.item_no), domainSeq, String(twin.domain), String(twin.name), outcome);
}

/** A name as the one-name-per-领域 rule compares it: blanks around it do not make it another name. */
export const comparableName = (text: string): string => normaliseCellText(text)?.trim() ?? '';

/** The refusal of a second item of the same name in one 领域. */
export function duplicateName(what: string, twinNo: number, domainSeq: number, domainName: string, twinName: string, outcome: string): AppError {
  return new AppError(
    'refused',
    `${what}与第${twinNo}项同名：“${domainHeading(domainSeq, domainName)}”里已有“${twinName}”，同一领域不能有两个同名的服务项目，${outcome}。请改用别的名称。`,
  );
}

/** Refuses text longer than its column allows, naming the cell (`where`) and both lengths. */
export function refuseOverLong(field: ItemField, value: string | null, where: string): void {
  if (value === null) return;
  const limit = ITEM_TEXT_LIMITS[field];
  const length = textLength(value);
  if (length > limit) {
    throw new AppError('refused', `${where}最多 ${limit} 个字，这次有 ${length} 个字，本次修改没有保存。请精简后再保存。`);
  }
}
