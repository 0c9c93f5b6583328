// The change log: every write, with what undoes it. Writes made while a transaction is grouping (a user's
// edit, insert, delete, move) join one history group: one undo step, however many commands it holds.
import type { Tx } from '../db/database';
import type { Origin } from './commands';

interface Grouping {
  label: string | null;
  groupId: number | null;
}

const groupings = new WeakMap<Tx, Grouping>();

/**
 * From now on this transaction's logged changes form one undo step, labelled `label` (or by the first
 * change's own description). A new step ends the redo path of its catalogue: being newer than every step
 * undone before it, it leaves them none to redo (history.ts, liveRedo).
 */
export function groupChanges(tx: Tx, label: string | null = null): void {
  if (!groupings.has(tx)) groupings.set(tx, { label, groupId: null });
}

/** The history group a change joins: the transaction's, made on its first change. */
async function groupFor(tx: Tx, catalogueId: string | null, inverse: unknown, description: string | undefined): Promise<number | null> {
  const grouping = groupings.get(tx);
  if (!grouping || catalogueId === null || inverse === undefined || inverse === null) return null;
  if (grouping.groupId === null) {
    const [group] = await tx.allKept('INSERT INTO history_groups (catalogue_id, label) VALUES ($1, $2) RETURNING id', [
      catalogueId,
      grouping.label ?? description ?? '修改',
    ]);
    grouping.groupId = Number(group?.id);
  }
  return grouping.groupId;
}

export async function logChange(
  tx: Tx,
  catalogueId: string | null,
  command: string,
  payload: unknown,
  inverse: unknown,
  origin: Origin,
  description?: string,
): Promise<number> {
  const groupId = await groupFor(tx, catalogueId, inverse, description);
  const [logged] = await tx.allKept(
    'INSERT INTO change_log (catalogue_id, command, payload, inverse, origin, group_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [catalogueId, command, JSON.stringify(payload), inverse === undefined ? null : JSON.stringify(inverse), origin, groupId],
  );
  return Number(logged?.id);
}

export interface LoggedChange {
  command: string;
  payload: unknown;
  inverse: unknown;
  description: string;
}

/** Many changes of one catalogue in one statement, in their order (a paste of 3,000 cells, its undo). */
export async function logChanges(tx: Tx, catalogueId: string, changes: readonly LoggedChange[], origin: Origin): Promise<void> {
  if (changes.length === 0) return;
  const groupId = await groupFor(tx, catalogueId, changes[0]!.inverse, changes[0]!.description);
  const rows = changes.map((c, n) => ({ n, command: c.command, payload: JSON.stringify(c.payload), inverse: JSON.stringify(c.inverse) }));
  await tx.run(
    `INSERT INTO change_log (catalogue_id, command, payload, inverse, origin, group_id)
     SELECT $1, command, payload, inverse, $2, $3
     FROM (SELECT unnest(from_json($4, '[{"n":"INTEGER","command":"VARCHAR","payload":"VARCHAR","inverse":"VARCHAR"}]'), recursive := true))
     ORDER BY n`,
    [catalogueId, origin, groupId, JSON.stringify(rows)],
  );
}
