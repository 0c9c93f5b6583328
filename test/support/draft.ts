// Published catalogues (hebei-13th) are read-only at the write path: a test that edits one first makes a
// draft of it, as a planner would (基于此新建草案). The draft gets a fixed id so `${id}:003` names the copy of
// `hebei-13th:003`.
import type { Database } from '../../electron/db/database';
import { executeCommand } from '../../electron/services/commands';
import { draftCommand } from '../../electron/services/drafts';

/** A draft for 十五五 (2026–2030): the years a seeded catalogue is priced for, so the figures match. */
export async function makeDraft(db: Database, sourceId: string, catalogueId = `${sourceId}-draft`): Promise<string> {
  const command = await draftCommand(db, { sourceId, name: `${sourceId} 的草案` });
  await executeCommand(db, { ...command, catalogueId }, 'test');
  return catalogueId;
}
