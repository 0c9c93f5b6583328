// Standalone: `npx tsx test/bench/pricing/run-incumbent.ts [counties] [items]` times the incumbent workbook
// in LibreOffice at that size (default: the size the bench uses) and prints a table.
import { INCUMBENT_BENCH_SIZE, timeIncumbent } from './incumbent';
import { SYNTHETIC } from './synthetic-model';

const counties = Number(process.argv[2] ?? INCUMBENT_BENCH_SIZE.counties);
const items = Number(process.argv[3] ?? INCUMBENT_BENCH_SIZE.items);
const t = await timeIncumbent({ counties, items });
const national = Math.round(SYNTHETIC.provinces * SYNTHETIC.citiesPerProvince * SYNTHETIC.countiesPerCity);
const rows: [string, string][] = [
  ['size', `${t.counties} counties × ${t.items} items × 5 years${t.counties < national ? ` (reduced; national model ≈${national} counties)` : ''}`],
  ['formula cells', t.formulas.toLocaleString('en-US')],
  ['write (exceljs)', `${t.writeSeconds.toFixed(1)} s`],
  ['load (LibreOffice)', `${t.loadSeconds.toFixed(1)} s`],
  ['full recalc (calculateAll)', `${t.recalcSeconds.toFixed(1)} s`],
  ['one driver edit + calculateAll', `${t.editRecalcSeconds.toFixed(1)} s`],
  ['one driver edit, automatic recalc', `${t.editIncrementalSeconds.toFixed(2)} s`],
  ['peak memory (soffice VmHWM)', `${Math.round(t.peakMemoryMB)} MB`],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log('Incumbent: hand-built workbook in LibreOffice Calc headless');
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
