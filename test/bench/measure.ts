// Timing helpers for `npm run bench`: each measurement runs interleaved with its baseline, in one run, so
// the ratio compares like with like on whatever machine runs it.
import { performance } from 'node:perf_hooks';

export interface Comparison {
  name: string;
  subject: string;
  baseline: string;
  subjectMs: number[];
  baselineMs: number[];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Runs subject and baseline alternately, rounds times each, after one warm-up of each. */
export async function compare(
  name: string,
  labels: { subject: string; baseline: string },
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  rounds: number,
  warmUp = true,
): Promise<Comparison> {
  if (warmUp) {
    await subject();
    await baseline();
  }
  const result: Comparison = { name, ...labels, subjectMs: [], baselineMs: [] };
  for (let i = 0; i < rounds; i++) {
    result.subjectMs.push(await time(subject));
    result.baselineMs.push(await time(baseline));
  }
  return result;
}

export function report(results: Comparison[]): string {
  const lines = results.map((r) => {
    const s = median(r.subjectMs);
    const b = median(r.baselineMs);
    return [
      r.name,
      `  ${r.subject}: median ${s.toFixed(1)} ms (n=${r.subjectMs.length}, min ${Math.min(...r.subjectMs).toFixed(1)}, max ${Math.max(...r.subjectMs).toFixed(1)})`,
      `  baseline, ${r.baseline}: median ${b.toFixed(1)} ms`,
      `  ratio: ${(s / b).toFixed(2)}× the baseline`,
    ].join('\n');
  });
  return lines.join('\n\n');
}
