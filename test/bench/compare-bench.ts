// 11–13. Versions and comparison at scale: a synthetic 1,000-item catalogue (the Hebei items repeated over
// its eight 领域, written straight into a temp DuckDB file), saved as a version, edited through the command
// path (5 % of the cells, a few rows inserted, moved and deleted), saved again; then the two versions
// compared (pairing and character diffs), the 对照表 written, and a version saved — each timed beside the
// same on the 81-item Hebei draft, in the same run.
import { join } from 'node:path';
import type { Command } from '../../shared/domain/commands';
import type { Database } from '../../electron/db/database';
import { getCatalogue } from '../../electron/services/catalogue-queries';
import { executeBatch, executeCommand } from '../../electron/services/commands';
import { writeRepeatedCatalogue } from './repeated-catalogue';
import { compareSides, exportComparison } from '../../electron/services/comparison';
import { draftCommand } from '../../electron/services/drafts';
import { openAppDatabase } from '../../electron/seeds/open-database';
import { compare } from './measure';
import type { Comparison } from './measure';

const LARGE = 'bench-1000';
const LARGE_ITEMS = 1000;

const writeLargeCatalogue = (db: Database) => writeRepeatedCatalogue(db, LARGE, '千项合成清单', LARGE_ITEMS);

/** Edits about 5 % of the items' standards, and inserts, moves and deletes a row per 200 items; one undo step each batch. */
async function editSome(db: Database, catalogueId: string): Promise<number> {
  const { items, domains } = await getCatalogue(db, catalogueId);
  const step = Math.max(1, Math.round(items.length / (items.length * 0.05)));
  const commands: Command[] = items
    .filter((_, i) => i % step === 3)
    .map((item) => ({ kind: 'item.setField', itemId: item.id, field: 'standard', value: `${item.standard ?? ''}，并逐年提高保障水平`, expected: item.standard }));
  const rows = Math.max(1, Math.round(items.length / 200));
  for (let r = 0; r < rows; r += 1) {
    const victim = items[(r * 97 + 11) % items.length]!;
    const mover = items[(r * 89 + 40) % items.length]!;
    if (victim.id === mover.id) continue;
    commands.push({ kind: 'item.delete', itemId: victim.id });
    commands.push({ kind: 'item.move', itemId: mover.id, domainSeq: domains.at(-1)!.seq, index: 0 });
    commands.push({ kind: 'item.insert', itemId: `${catalogueId}:new-${r}`, catalogueId, domainSeq: domains[0]!.seq, index: 1, name: `新增服务项目${r + 1}` });
  }
  await executeBatch(db, commands, '合成修改', 'test');
  return commands.length;
}

async function versionPair(db: Database, catalogueId: string): Promise<{ v1: string; v2: string; edits: number }> {
  const v1 = (await executeCommand(db, { kind: 'version.save', catalogueId, name: '第一稿' }, 'test')).version.id;
  const edits = await editSome(db, catalogueId);
  const v2 = (await executeCommand(db, { kind: 'version.save', catalogueId, name: '第二稿' }, 'test')).version.id;
  return { v1, v2, edits };
}

export async function compareBench(dir: string): Promise<{ results: Comparison[]; notes: string[] }> {
  const db = await openAppDatabase(join(dir, 'compare.duckdb'));
  try {
    await writeLargeCatalogue(db);
    const small = (await executeCommand(db, await draftCommand(db, { sourceId: 'hebei-13th', name: '河北草案（对照基准）' }), 'test')).summary.id;
    const large = await versionPair(db, LARGE);
    const base = await versionPair(db, small);
    const notes: string[] = [];
    const big = await compareSides(db, large.v1, large.v2);
    const little = await compareSides(db, base.v1, base.v2);
    const said = (c: typeof big) => `新增 ${c.counts.added}、删除 ${c.counts.removed}、修改 ${c.counts.changed}（移动 ${c.counts.moved}）、未改动 ${c.counts.unchanged}`;
    notes.push(`  1,000 项：${large.edits} 条修改命令 → ${said(big)}；81 项：${base.edits} 条 → ${said(little)}`);
    const results = [
      await compare('11. comparing two versions (read both sides, pair by lineage, character diffs)', { subject: '1,000 items', baseline: 'the same on the 81-item Hebei draft' },
        () => compareSides(db, large.v1, large.v2), () => compareSides(db, base.v1, base.v2), 10),
      await compare('12. the 对照表 of those two versions as .xlsx', { subject: '1,000 items', baseline: 'the same on the 81-item Hebei draft' },
        () => exportComparison(db, large.v1, large.v2), () => exportComparison(db, base.v1, base.v2), 5),
      await compare('13. saving a named version (snapshot of domains, items and tasks, logged)', { subject: '1,000 items', baseline: 'the same on the 81-item Hebei draft' },
        () => executeCommand(db, { kind: 'version.save', catalogueId: LARGE, name: '计时' }, 'test'),
        () => executeCommand(db, { kind: 'version.save', catalogueId: small, name: '计时' }, 'test'), 10),
    ];
    return { results, notes };
  } finally {
    await db.close();
  }
}
