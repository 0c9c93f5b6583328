// `npm test`: every check in order, stopping at the first that fails, then one closing line counting
// the tests of both runners ("N passed, N failed").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'test-results/reports';
// Counts from an earlier run must not stand in for this one.
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['system packages', 'node', ['test/setup/ensure-system.mjs']],
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '-c', 'test/lint/eslint.config.js', 'electron', 'renderer', 'shared', 'test']],
  ['build', 'npm', ['run', 'build']],
  ['vitest', 'npx', ['vitest', 'run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]],
  ['playwright', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']],
];

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(`${reports}/vitest.json`)) {
    const v = JSON.parse(readFileSync(`${reports}/vitest.json`, 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  }
  if (existsSync(`${reports}/playwright.json`)) {
    const p = JSON.parse(readFileSync(`${reports}/playwright.json`, 'utf8'));
    passed += p.stats.expected;
    failed += p.stats.unexpected + p.stats.flaky;
    skipped += p.stats.skipped;
  }
  return { passed, failed, skipped };
}

let failure = null;
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  // A tool the tests drive that is missing or broken fails the run instead of skipping its suite.
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, QINGDAN_REQUIRE_TOOLS: '1' } });
  if (result.status !== 0) {
    failure = name;
    break;
  }
}
const { passed, failed, skipped } = counts();
if (failure) console.error(`\n${failure} failed.`);
console.log(`\n${passed} passed, ${failure && failed === 0 ? 1 : failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failure ? 1 : 0);
