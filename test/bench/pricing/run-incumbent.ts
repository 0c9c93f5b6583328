// Standalone: `npx tsx test/bench/pricing/run-incumbent.ts [counties] [items]` times the incumbent workbook
// in LibreOffice at that size (default: the size the bench uses) and prints a table.
import { INCUMBENT_BENCH_SIZE, incumbentReport, timeIncumbent } from './incumbent';

const counties = Number(process.argv[2] ?? INCUMBENT_BENCH_SIZE.counties);
const items = Number(process.argv[3] ?? INCUMBENT_BENCH_SIZE.items);
const t = await timeIncumbent({ counties, items });
console.log(incumbentReport(t));
