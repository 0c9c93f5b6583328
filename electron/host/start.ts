// `npm start`: the Electron window where an Electron binary can be had; otherwise the same app in the
// browser host, saying so in one line.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserHost } from './browser-main';
import { electronBinary } from './electron-binary';

const binary = process.env.QINGDAN_BROWSER === '1' ? null : electronBinary({ download: true });
if (binary) {
  const main = join(dirname(fileURLToPath(import.meta.url)), 'main.cjs');
  const child = spawn(binary, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await runBrowserHost('未找到 Electron 程序（本机无法下载），改为浏览器模式：用浏览器打开下面的地址即可使用同一个应用。');
}
