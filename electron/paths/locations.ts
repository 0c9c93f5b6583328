// Where the app keeps its database and finds the seed documents, the same for the Electron window,
// the browser host and the command line, so all three work on one file.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR_NAME = 'qingdan-workbench';
export const DATABASE_FILE_NAME = 'qingdan.duckdb';

/** This module's folder, in the ESM bundles and tests as in the CommonJS bundle of the Electron main process. */
function hereDir(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

export function appDataDir(): string {
  if (process.env.QINGDAN_DATA_DIR) return resolve(process.env.QINGDAN_DATA_DIR);
  if (process.platform === 'win32' && process.env.APPDATA) return join(process.env.APPDATA, APP_DIR_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function defaultDatabasePath(): string {
  return process.env.QINGDAN_DB ? resolve(process.env.QINGDAN_DB) : join(appDataDir(), DATABASE_FILE_NAME);
}

/** The seeds folder: beside the sources in development, in resources/ when packaged. */
export function seedsDir(): string {
  const candidates = [
    process.env.QINGDAN_SEEDS_DIR,
    (process as { resourcesPath?: string }).resourcesPath && join((process as { resourcesPath?: string }).resourcesPath!, 'seeds'),
    join(hereDir(), '..', '..', 'seeds'),
    join(process.cwd(), 'seeds'),
  ].filter((c): c is string => typeof c === 'string' && c.length > 0);
  const found = candidates.find((c) => existsSync(join(c, 'documents')));
  if (!found) throw new Error(`找不到种子数据目录 seeds/（查找过：${candidates.join('；')}）。`);
  return found;
}
