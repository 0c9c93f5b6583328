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
 * change's own description). A new step ends the redo path of its catalogue.
 */
export function groupChanges(tx: Tx, label: string | null = null): void {
  if (!groupings.has(tx)) groupings.set(tx, { label, groupId: null });
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
  const grouping = groupings.get(tx);
  let groupId: number | null = null;
  if (grouping && catalogueId !== null && inverse !== undefined && inverse !== null) {
    if (grouping.groupId === null) {
      await tx.run(`UPDATE history_groups SET state = 'dropped' WHERE catalogue_id = $1 AND state = 'undone'`, [catalogueId]);
      const [group] = await tx.all('INSERT INTO history_groups (catalogue_id, label) VALUES ($1, $2) RETURNING id', [
        catalogueId,
        grouping.label ?? description ?? '修改',
      ]);
      grouping.groupId = Number(group?.id);
    }
    groupId = grouping.groupId;
  }
  const [logged] = await tx.all(
    'INSERT INTO change_log (catalogue_id, command, payload, inverse, origin, group_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [catalogueId, command, JSON.stringify(payload), inverse === undefined ? null : JSON.stringify(inverse), origin, groupId],
  );
  return Number(logged?.id);
}
