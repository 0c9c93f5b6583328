// The malformed corpus (test/fixtures/malformed/): every input a planner or a script could really send gets
// one Chinese sentence or is handled as the rule says, and after every refusal the database file is
// byte-identical (SHA-256 of the file and of its .wal, and no new file beside it).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { Database } from '../../../electron/db/database';
import { FileRefusedError } from '../../../electron/db/file-check';
import { getItem } from '../../../electron/services/catalogue-queries';
import { dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { openAppDatabase } from '../../../electron/seeds/open-database';
import { runCli } from '../../support/run-cli';
import { seededDraftFile } from '../../support/draft';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const corpus = (name: string) => JSON.parse(readFileSync(join(root, 'test/fixtures/malformed', name), 'utf8'));
const temp = tempDir('qingdan-malformed-');
// Another user must be able to reach the files (mkdtemp makes folders only their owner may enter).
for (const dir of [join(temp.dir, '..'), temp.dir]) chmodSync(dir, 0o755);
afterAll(() => {
  // Folders made read-only for a case must be writable again to be removed.
  for (const entry of readdirSync(temp.dir, { recursive: true, withFileTypes: true })) if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o755);
  temp.cleanup();
});

const isRoot = process.getuid?.() === 0;
/** A user without rights over root's files: permissions mean nothing to root itself. */
const asOtherUser = isRoot ? { uid: 65534, gid: 65534 } : {};

let held = 0;
let refusals = 0;

/** The file and everything beside it, hashed: a refusal must leave all of it as it was. */
function snapshot(path: string): Record<string, string> {
  const dir = join(path, '..');
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    try {
      result[name] = createHash('sha256').update(readFileSync(full)).digest('hex');
    } catch {
      result[name] = 'unreadable or a folder';
    }
  }
  return result;
}

function expectUnchanged(path: string, before: Record<string, string>): void {
  expect(snapshot(path)).toEqual(before);
  held += 1;
}

/** One sentence a planner can read: nothing in English but file names, commands to type and codes. */
const ALLOWED = [
  /\/[^\s，。；（）“”]+/gu, // paths
  /npm run -s cli --/gu, /[\w.-]+\.(duckdb|bak|wal|xlsx|csv|pdf)\b/gu, /--?[a-z]+/gu, /\.(bak|wal|xlsx|csv|pdf|duckdb)\b/gu, /字符编码 [0-9A-F]{4}/gu, /\bDuckDB\b/gu, /\bExcel\b/gu, /\bJSON\b/gu,
  /\b(list|dump|export|init|csv|json|catalogue|xlsx|pdf|hebei-13th|shanxi-13th|frobnicate|xml|orders|items|customers|sku|region|regions|import|population|shares|rules|drivers|price|county|city|province|tasks|indicators|all|draft|compare|version)\b/gu,
];
function expectChinese(message: string): void {
  let rest = message;
  for (const pattern of ALLOWED) rest = rest.replace(pattern, '');
  expect(rest.match(/[A-Za-z]{2,}/gu) ?? [], message).toEqual([]);
  expect(message, message).toMatch(/[\u4e00-\u9fff]/u);
  expect(message.includes('\n'), message).toBe(false);
}

async function duckdb(path: string, statements: string[], keepWal = false): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  if (keepWal) await connection.run('PRAGMA disable_checkpoint_on_shutdown');
  for (const sql of statements) await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

function damage(path: string, from: number, to: number): void {
  const bytes = readFileSync(path);
  for (let i = from; i < Math.min(bytes.length, to); i += 7) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);
}

const RECIPES: Record<string, (path: string) => Promise<void>> = {
  foreign: (p) => duckdb(p, ['CREATE TABLE orders (id INTEGER, total DECIMAL(10,2))', 'INSERT INTO orders VALUES (1, 9.5)', 'CREATE TABLE customers (name VARCHAR)']),
  'foreign-items': (p) => duckdb(p, ['CREATE TABLE items (id INTEGER, sku VARCHAR)', `INSERT INTO items VALUES (1, 'A-1')`]),
  'foreign-with-wal': async (p) => {
    await duckdb(p, ['CREATE TABLE orders (id INTEGER)']);
    await duckdb(p, ['INSERT INTO orders VALUES (1), (2)'], true);
    expect(existsSync(`${p}.wal`)).toBe(true);
  },
  truncated: async (p) => {
    await seededInto(p);
    truncateSync(p, Math.floor(readFileSync(p).length / 2));
  },
  'zero-byte': async (p) => writeFileSync(p, ''),
  'damaged-middle': async (p) => {
    await seededInto(p);
    const size = readFileSync(p).length;
    damage(p, Math.floor(size / 2) - 200_000, Math.floor(size / 2) + 200_000);
  },
  'damaged-with-backup': async (p) => {
    await seededInto(p);
    copyFileSync(p, `${p}.before-v1-20260101-000000.bak`);
    damage(p, 12_288, 400_000);
  },
  directory: async (p) => mkdirSync(p),
  newer: async (p) => {
    await seededInto(p);
    await duckdb(p, [`INSERT INTO schema_migrations VALUES (99, 'future', current_timestamp)`]);
  },
  text: async (p) => writeFileSync(p, '服务项目,服务对象\n免费义务教育,义务教育学生\n'.repeat(100)),
  'sqlite-header': async (p) => writeFileSync(p, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192)])),
  unreadable: async (p) => {
    await seededInto(p);
    chmodSync(p, 0o000);
  },
  'empty-duckdb': (p) => duckdb(p, []),
};

async function seededInto(path: string): Promise<void> {
  copyFileSync(await seededDatabaseFile(temp.dir, 'template-copy.duckdb'), path);
}

interface FileCase {
  name: string;
  make: string;
  refusal?: string;
  says?: string[];
  accepted?: boolean;
}

describe('malformed database files', () => {
  const cases = corpus('database-files.json') as FileCase[];
  for (const [index, c] of cases.entries()) {
    it(c.name, async () => {
      const dir = join(temp.dir, `file-${index}`);
      mkdirSync(dir);
      const path = join(dir, 'qingdan.duckdb');
      await RECIPES[c.make]!(path);
      const before = snapshot(path);
      if (c.accepted) {
        const db = await openAppDatabase(path);
        expect((await db.all(`SELECT value FROM app_meta WHERE key = 'format'`))[0]?.value).toBe('qingdan-workbench');
        expect((await db.all('SELECT count(*) AS n FROM items'))[0]?.n).toBeGreaterThan(200);
        await db.close();
        return;
      }
      refusals += 1;
      let message: string;
      if (c.make === 'unreadable') {
        // Through the CLI as a user who may not read the file.
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'list', '--db', path], { cwd: root, encoding: 'utf8', ...asOtherUser });
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        message = run.stderr.trim().replace(/^错误：/u, '');
      } else {
        const error = await Database.open(path).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FileRefusedError);
        expect((error as FileRefusedError).refusal).toBe(c.refusal);
        message = (error as FileRefusedError).message;
      }
      for (const part of c.says ?? []) expect(message).toContain(part);
      expectChinese(message);
      expectUnchanged(path, before);
    });
  }

  it('the CLI refuses another program’s file with one Chinese line, exit 1, and the file unchanged', async () => {
    const dir = join(temp.dir, 'cli-foreign');
    mkdirSync(dir);
    const path = join(dir, 'other.duckdb');
    await RECIPES.foreign!(path);
    const before = snapshot(path);
    refusals += 1;
    for (const args of [['list'], ['init', '--force']]) {
      const run = runCli([...args, '--db', path]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('别的程序的 DuckDB 数据库');
      expectChinese(run.stderr.trim());
    }
    expectUnchanged(path, before);
  });

  it('init --force replaces a damaged or zero-byte file, keeping the old one as .bak', async () => {
    for (const make of ['zero-byte', 'damaged-middle']) {
      const dir = join(temp.dir, `init-${make}`);
      mkdirSync(dir);
      const path = join(dir, 'qingdan.duckdb');
      await RECIPES[make]!(path);
      const old = readFileSync(path);
      const run = runCli(['init', '--force', '--db', path]);
      expect(run.status, run.stderr).toBe(0);
      const kept = readdirSync(dir).filter((f) => f.includes('.replaced-') && f.endsWith('.bak'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(dir, kept[0]!)).equals(old)).toBe(true);
      const db = await Database.open(path);
      expect((await db.all('SELECT count(*) AS n FROM catalogues'))[0]?.n).toBe(4);
      await db.close();
    }
  });

  it('a commit refused in a read-only folder is said in Chinese, and the file is unchanged', async () => {
    const dir = join(temp.dir, 'read-only-folder');
    mkdirSync(dir);
    const path = join(dir, 'qingdan.duckdb');
    // A draft: the seeded catalogue is published, and its refusal would come before the commit this tests.
    await seededDraftFile(dir);
    if (isRoot) chownSync(path, 65534, 65534);
    chmodSync(dir, 0o555);
    const before = snapshot(path);
    const request = { itemId: 'hebei-draft:003', field: 'standard', value: '新标准', expected: '小学生每生每年 1000 元，初中生每生每年 1250 元。' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/edit-once.ts', path, JSON.stringify(request)], { cwd: root, encoding: 'utf8', ...asOtherUser });
    const envelope = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(envelope.ok, run.stdout).toBe(false);
    expect(envelope.error.code).toBe('bad_file');
    expect(envelope.error.message).toContain('不可写');
    expectChinese(envelope.error.message);
    refusals += 1;
    expectUnchanged(path, before);
  });
});

interface CellCase {
  name: string;
  field: string;
  value: string | { repeat: string; times: number };
  refused?: string;
  stored?: string | { repeat: string; times: number };
}
const text = (v: string | { repeat: string; times: number }) => (typeof v === 'string' ? v : v.repeat.repeat(v.times));

describe('malformed cell values', () => {
  // A draft of the published Hebei catalogue, which itself is read-only.
  const ITEM = 'hebei-draft:003';
  for (const c of corpus('cells.json') as CellCase[]) {
    it(c.name, async () => {
      const dir = join(temp.dir, `cell-${c.name.replace(/[^\w]+/gu, '-')}-${Math.random().toString(36).slice(2)}`);
      mkdirSync(dir);
      const path = await seededDraftFile(dir);
      const before = snapshot(path);
      const db = await Database.open(path);
      let envelope;
      try {
        const current = c.field in (await getItem(db, ITEM)) ? ((await getItem(db, ITEM)) as unknown as Record<string, string | null>)[c.field] : null;
        envelope = await dispatch(createHandlers(db, 'cli', 'test'), 'items.update', { itemId: ITEM, field: c.field, value: text(c.value), expected: current ?? null });
        if (c.stored !== undefined) {
          expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
          expect(((await getItem(db, ITEM)) as unknown as Record<string, string>)[c.field]).toBe(text(c.stored));
        }
      } finally {
        await db.close();
      }
      if (c.refused !== undefined) {
        refusals += 1;
        expect(envelope.ok).toBe(false);
        if (!envelope.ok) {
          expect(envelope.error.message).toContain(c.refused);
          expect(envelope.error.code).not.toBe('internal');
          expectChinese(envelope.error.message);
        }
        expectUnchanged(path, before);
      }
    });
  }
});

describe('malformed command lines', () => {
  for (const c of corpus('cli-arguments.json') as { name: string; args: string[]; says: string[] }[]) {
    it(c.name, async () => {
      const dir = join(temp.dir, `cli-${Math.random().toString(36).slice(2)}`);
      mkdirSync(dir);
      const path = await seededDatabaseFile(dir);
      const before = snapshot(path);
      const run = runCli([...c.args.map((a) => a.replaceAll('{dir}', dir)), '--db', path]);
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^错误：/u);
      for (const part of c.says) expect(lines[0]).toContain(part.replaceAll('{dir}', dir));
      expectChinese(lines[0]!);
      refusals += 1;
      expectUnchanged(path, before);
    });
  }
});

describe('malformed imported tables', () => {
  it('a region table with U+FFFF in a name is refused, file and all, and the database is unchanged', async () => {
    const dir = join(temp.dir, 'import-ffff');
    mkdirSync(dir);
    const path = await seededDatabaseFile(dir);
    const table = join(temp.dir, 'regions-ffff.csv');
    writeFileSync(table, 'region_code,region,parent_code,level,class,grade\r\n130000,河北省,,province,,\r\n130100,石家庄\uFFFF市,130000,city,,\r\n');
    const before = snapshot(path);
    const run = runCli(['regions', 'import', table, '--db', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('第3行“region（名称）”列的第 4 个字符是不可见的控制字符或非法字符（字符编码 FFFF）');
    expectChinese(run.stderr.trim());
    refusals += 1;
    expectUnchanged(path, before);
  });
});

describe('the corpus as a whole', () => {
  it('has at least 30 inputs, and every refusal left the file byte-identical', () => {
    const size = ['database-files.json', 'cells.json', 'cli-arguments.json'].reduce((n, f) => n + corpus(f).length, 0);
    expect(size).toBeGreaterThanOrEqual(30);
    expect(held).toBe(refusals);
    console.log(`malformed corpus: ${size} inputs, ${refusals} refusals checked here, ${held} with the file byte-identical`);
  });
});
