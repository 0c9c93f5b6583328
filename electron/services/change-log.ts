// The change log: every write, with what undoes it.
import type { Tx } from '../db/database';
import type { Origin } from './commands';

export async function logChange(tx: Tx, catalogueId: string | null, command: string, payload: unknown, inverse: unknown, origin: Origin): Promise<number> {
  const [logged] = await tx.all(
    'INSERT INTO change_log (catalogue_id, command, payload, inverse, origin) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [catalogueId, command, JSON.stringify(payload), inverse === undefined ? null : JSON.stringify(inverse), origin],
  );
  return Number(logged?.id);
}
