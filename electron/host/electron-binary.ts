// Finding the Electron binary. Requiring the electron package downloads the binary when it is missing,
// which these machines cannot do: look for it on disk first, and only try the download when asked.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(options: { download: boolean }): string | null {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('electron');
  } catch {
    return null;
  }
  const pathFile = join(dirname(entry), 'path.txt');
  if (existsSync(pathFile)) {
    const binary = join(dirname(entry), 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(binary)) return binary;
  }
  if (!options.download) return null;
  // In a child, so that a failed download (no internet) is quiet and bounded.
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(entry)}))`], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}
