// A finance bureau's script may start several commands on one file at once (three `price` runs for three
// levels); DuckDB lets one process hold a file. A command that finds it held waits a while for the holder to
// finish, as a second copy of a script expects, and says so; a window left open is still said plainly after.
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../db/app-error';
import { FileRefusedError } from '../db/file-check';

/** How long a command waits for a held file unless --wait says otherwise: long enough for a `price` run. */
export const DEFAULT_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 3600;

/** --wait's value: whole seconds, 0 for not at all. */
export function waitSeconds(given: string | undefined): number {
  if (given === undefined) return DEFAULT_WAIT_SECONDS;
  const text = given.trim();
  if (!/^\d+$/.test(text) || Number(text) > MAX_WAIT_SECONDS) {
    throw new AppError('bad_request', `--wait 的值“${given}”不正确，没有执行：应为 0 到 ${MAX_WAIT_SECONDS} 之间的整数秒数（0 表示不等待）。`);
  }
  return Number(text);
}

/** `open()`, tried again while another process holds the file, for up to `seconds`; the first wait said on `say`. */
export async function openWaiting<T>(open: () => Promise<T>, seconds: number, say: (line: string) => void): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let told = false;
  for (;;) {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof FileRefusedError) || error.refusal !== 'locked' || Date.now() >= deadline) throw error;
      if (!told) say(`数据库文件正被另一个程序占用，等待它结束（最多 ${seconds} 秒，可用 --wait <秒数> 调整）…`);
      told = true;
      await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
    }
  }
}
