// Real DuckDB files in a temporary folder, built by the product's own seeding code.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../../electron/seeds/open-database';

/**
 * A fresh folder under the run's own temporary folder (test/setup/vitest-global.ts), which goes when the run
 * ends even if a test never calls cleanup.
 */
export function tempDir(prefix = 'qingdan-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(process.env.QINGDAN_TEST_TMP ?? tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let template: string | null = null;

/** A seeded database file of its own for one test; the seeding runs once per worker and is copied. */
export async function seededDatabaseFile(dir: string, name = 'qingdan.duckdb'): Promise<string> {
  if (!template) {
    const { dir: templateDir } = tempDir('qingdan-template-');
    const path = join(templateDir, 'template.duckdb');
    const db = await openAppDatabase(path);
    await db.close();
    template = path;
  }
  const target = join(dir, name);
  copyFileSync(template, target);
  return target;
}
