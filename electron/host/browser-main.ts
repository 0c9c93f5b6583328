// The browser host as a process: open the database (seeding it the first time), serve, print the address.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toErrorPayload } from '../db/app-error';
import { defaultDatabasePath } from '../paths/locations';
import { createHandlers } from '../services/handlers';
import { openAppDatabase } from '../seeds/open-database';
import { startHttpHost } from './http-host';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

export async function runBrowserHost(reason?: string): Promise<void> {
  const dbPath = resolve(option('--db') ?? defaultDatabasePath());
  const port = Number(option('--port') ?? process.env.QINGDAN_PORT ?? 0);
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  let db;
  try {
    db = await openAppDatabase(dbPath);
  } catch (error) {
    console.error(`无法启动：${toErrorPayload(error).message}`);
    process.exit(1);
  }
  const host = await startHttpHost({ handlers: createHandlers(db, 'browser'), rendererDir, port });
  if (reason) console.log(reason);
  console.log(`清单工作台已在浏览器模式启动：${host.url}`);
  console.log(`数据库：${dbPath}（按 Ctrl+C 退出）`);
  const stop = async () => {
    await host.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
