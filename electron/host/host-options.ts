// The options every way of starting the app understands: `--db <file>` and `--port <n>`, the same for
// the Electron window, the browser host and `npm start`, which passes them on.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../db/app-error';
import { defaultDatabasePath } from '../paths/locations';

export interface HostOptions {
  dbPath: string;
  /** 0: any free port. */
  port: number;
}

export function hostOptions(argv: string[]): HostOptions {
  // Electron and Chromium add switches of their own: ignore what is not ours.
  const { values } = parseArgs({ args: argv, strict: false, allowPositionals: true, options: { db: { type: 'string' }, port: { type: 'string' } } });
  const rawPort = typeof values.port === 'string' ? values.port : (process.env.QINGDAN_PORT ?? '0');
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('bad_request', `端口“${rawPort}”不正确：--port 应为 0 到 65535 之间的整数（0 表示任选空闲端口）。`);
  }
  return { dbPath: resolve(typeof values.db === 'string' ? values.db : defaultDatabasePath()), port };
}
