// Published catalogues (hebei-13th) are read-only at the write path: a test that edits one first makes a
// draft of it, as a planner would (基于此新建草案). The draft gets a fixed id so `${id}:003` names the copy of
// `hebei-13th:003`.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../electron/db/database';
import { seededDatabaseFile, tempDir } from './temp-db';
import { executeCommand } from '../../electron/services/commands';
import { draftCommand } from '../../electron/services/drafts';

/** A draft for 十五五 (2026–2030): the years a seeded catalogue is priced for, so the figures match. */
export async function makeDraft(db: Database, sourceId: string, catalogueId = `${sourceId}-draft`): Promise<string> {
  const command = await draftCommand(db, { sourceId, name: `${sourceId} 的草案` });
  await executeCommand(db, { ...command, catalogueId }, 'test');
  return catalogueId;
}

let draftTemplate: string | null = null;

/** A seeded database file that also holds `hebei-draft`, a draft of hebei-13th; built once per worker, then copied. */
export async function seededDraftFile(dir: string, name = 'qingdan.duckdb'): Promise<string> {
  if (!draftTemplate) {
    const { dir: templateDir } = tempDir('qingdan-draft-template-');
    const path = await seededDatabaseFile(templateDir, 'template.duckdb');
    const db = await Database.open(path);
    try {
      await makeDraft(db, 'hebei-13th', 'hebei-draft');
    } finally {
      await db.close();
    }
    draftTemplate = path;
  }
  const target = join(dir, name);
  copyFileSync(draftTemplate, target);
  return target;
}
