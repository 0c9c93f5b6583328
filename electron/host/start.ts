// `npm start`: the Electron window where an Electron binary can be had; otherwise the same app in the
// browser host, saying so in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserHost } from './browser-main';

function electronBinary(): string | null {
  if (process.env.QINGDAN_BROWSER === '1') return null;
  // Resolving the electron package downloads its binary when missing; do it in a child so a failed
  // download (no internet) is quiet and bounded.
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('electron');
  } catch {
    return null;
  }
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(entry)}))`], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const binary = electronBinary();
if (binary) {
  const main = join(dirname(fileURLToPath(import.meta.url)), 'main.cjs');
  const child = spawn(binary, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await runBrowserHost('未找到 Electron 程序（本机无法下载），改为浏览器模式：用浏览器打开下面的地址即可使用同一个应用。');
}
