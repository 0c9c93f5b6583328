// Installs, where missing, the Debian packages the tests drive for real: Chromium (Playwright runs the UI
// in it; Playwright's own browser download is not possible here), CJK and Carlito fonts (else Chinese
// renders as boxes and the printed annex is mis-sized), LibreOffice and poppler (the exported annex is opened, printed to PDF and read back), and
// openpyxl (an independent reader of our .xlsx files).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

const needs = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { pkg: 'fonts-noto-cjk', present: () => ok('sh', ['-c', 'fc-list :lang=zh | grep -q .']) },
  // Metric-compatible with Calibri, the workbook's default font that column widths are measured in;
  // without it LibreOffice widens the table and shrinks the printout.
  { pkg: 'fonts-crosextra-carlito', present: () => ok('sh', ['-c', 'fc-match Calibri | grep -q Carlito']) },
  { pkg: 'poppler-utils', present: () => ok('sh', ['-c', 'command -v pdftoppm && command -v pdftotext']) },
  { pkg: 'libreoffice-calc-nogui', present: () => ok('sh', ['-c', 'command -v soffice']) },
  { pkg: 'python3-openpyxl', present: () => ok('/usr/bin/python3', ['-c', 'import openpyxl']) },
  // The bench drives LibreOffice over UNO to time the spreadsheet a finance bureau would use instead.
  { pkg: 'python3-uno', present: () => ok('/usr/bin/python3', ['-c', 'import uno']) },
];

const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) {
  console.log('测试所需的系统软件已齐备。');
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!ok('sh', ['-c', 'command -v apt-get'])) {
  console.error(`缺少测试所需的系统软件：${missing.join(' ')}。本机没有 apt-get，请手动安装后再运行 npm test。`);
  process.exit(1);
}
const sudo = isRoot ? [] : ['sudo'];
console.log(`正在安装测试所需的系统软件：${missing.join(' ')}`);
const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
run(['apt-get', 'update', '-q']);
run(['apt-get', 'install', '-y', '-q', ...missing]);
const still = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (still.length) {
  console.error(`安装后仍缺少：${still.join(' ')}`);
  process.exit(1);
}
