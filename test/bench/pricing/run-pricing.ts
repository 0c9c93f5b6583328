// `npx tsx test/bench/pricing/run-pricing.ts`: the pricing part of the bench alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from '../measure';
import { pricingBench } from './pricing-bench';

const dir = mkdtempSync(join(tmpdir(), 'qingdan-bench-pricing-'));
try {
  const { results, notes } = await pricingBench(dir);
  console.log(report(results));
  for (const n of notes) console.log(n);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
