// The browser host as a process: open the database (seeding it the first time), serve, print the address.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toErrorPayload } from '../db/app-error';
import type { Database } from '../db/database';
import { ChangeFeed } from '../services/change-feed';
import { createHandlers } from '../services/handlers';
import { openAppDatabase } from '../seeds/open-database';
import { startHttpHost } from './http-host';
import type { HttpHost } from './http-host';
import { hostOptions } from './host-options';

export async function runBrowserHost(reason?: string): Promise<void> {
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  let db: Database | undefined;
  let host: HttpHost;
  let dbPath: string;
  try {
    const options = hostOptions(process.argv.slice(2));
    dbPath = options.dbPath;
    db = await openAppDatabase(dbPath);
    const feed = new ChangeFeed();
    host = await startHttpHost({ handlers: createHandlers(db, 'browser', 'app', feed), feed, rendererDir, port: options.port });
  } catch (error) {
    await db?.close();
    console.error(`无法启动：${toErrorPayload(error).message}`);
    process.exit(1);
  }
  if (reason) console.log(reason);
  console.log(`清单工作台已在浏览器模式启动：${host.url}`);
  console.log(`数据库：${dbPath}（按 Ctrl+C 退出）`);
  const stop = async () => {
    await host.close();
    await db?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
