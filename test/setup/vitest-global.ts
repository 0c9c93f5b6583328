// Every temporary folder a test makes lives under one folder per run, removed when the run ends: vitest's
// workers never run process 'exit' handlers, so cleanup cannot wait for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'qingdan-vitest-'));
  // Workers inherit the environment of the process that starts them.
  process.env.QINGDAN_TEST_TMP = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
