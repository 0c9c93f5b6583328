// What finance bureaus use today, timed beside our DuckDB pricing: a hand-built workbook of the same national
// model (synthetic-model.ts, re-derived here from the same generator), one row per county × item with
// direct-reference formulas for the cost and the four shares of each year, INDEX/MATCH for the tier share and
// SUMIFS totals per item and year, opened and recalculated by LibreOffice Calc headless (recalc_uno.py).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PRESET_RULES } from '../../../electron/pricing/presets';
import { COUNTY_CLASSES, DIRECT_COUNTY } from '../../../shared/domain/pricing/regions';
import { chooseRow, TIER } from '../../../shared/domain/pricing/split-rules';
import type { SplitRuleRow } from '../../../shared/domain/pricing/split-rules';
import type { CountyClass } from '../../../shared/domain/pricing/regions';
import { SYNTHETIC } from './synthetic-model';

const HERE = dirname(fileURLToPath(import.meta.url));
const TIERS_CSV = join(HERE, '../../../seeds/reference/fiscal_tiers_2018.csv');
const RULE_IDS = ['central-100', 'tier-shared', 'central-60-local', 'local-city-county', 'hebei-compulsory-education', 'henan-graded'];
const YEARS = Array.from({ length: SYNTHETIC.toYear - SYNTHETIC.fromYear + 1 }, (_, i) => SYNTHETIC.fromYear + i);
const COHORTS = ['常住人口', ...Array.from({ length: SYNTHETIC.cohorts - 1 }, (_, k) => `人群${k + 1}`)];
const GROWTH_PCT = 1.5;
const LO_TIMEOUT_MS = 20 * 60_000;

export interface IncumbentTiming {
  counties: number;
  items: number;
  /** Formula cells in the workbook. */
  formulas: number;
  writeSeconds: number;
  loadSeconds: number;
  recalcSeconds: number;
  /** The driver edit and a full hard recalculation (calculateAll). */
  editRecalcSeconds: number;
  /** The same edit with LibreOffice recalculating only what depends on it (automatic calculation). */
  editIncrementalSeconds: number;
  /** Peak resident memory of LibreOffice (VmHWM). */
  peakMemoryMB: number;
}

interface County {
  code: string;
  name: string;
  provinceCode: string;
  countyClass: CountyClass;
  grade: number;
  /** By cohort index: the counted population. */
  population: number[];
}

interface Item {
  no: number;
  cohort: number;
  coverage: number;
  unitAmount: number;
  periods: number;
  baseYear: number;
  yearlyChange: number;
  ruleId: string;
  centralPct: number | null;
}

interface Tier {
  provinceCode: string;
  province: string;
  tier: number;
  centralPct: number;
}

/** The same LCG as synthetic-model.ts, so the workbook holds the very model DuckDB prices. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function deriveModel(tiers: Tier[]): { counties: County[]; items: Item[] } {
  const rand = generator(20260101);
  const counties: County[] = [];
  for (const [p, t] of tiers.slice(0, SYNTHETIC.provinces).entries()) {
    const prefix = t.provinceCode.slice(0, 2);
    for (let c = 0; c < SYNTHETIC.citiesPerProvince; c += 1) {
      const n = c % 2 === 0 ? 11 : 12;
      for (let x = 0; x < n; x += 1) {
        const countyClass = COUNTY_CLASSES[rand(3)]!;
        const grade = 1 + rand(4);
        const residents = 50_000 + rand(1_500_000);
        const population = [residents];
        for (let k = 1; k < SYNTHETIC.cohorts; k += 1) population.push(Math.floor((residents * (5 + rand(20))) / 100));
        counties.push({
          code: `${prefix}${String(c + 50).padStart(2, '0')}${String(x + 1).padStart(2, '0')}`,
          name: `合成县${p}-${c}-${x}`,
          provinceCode: t.provinceCode,
          countyClass,
          grade,
          population,
        });
      }
    }
  }
  const items: Item[] = [];
  for (let i = 1; i <= SYNTHETIC.items; i += 1) {
    const monthly = i % 5 === 0;
    const coverage = (50 + rand(50)) / 100;
    const unitAmount = Number(`${10 + rand(2000)}.${rand(100)}`);
    items.push({
      no: i,
      cohort: i % SYNTHETIC.cohorts,
      coverage,
      unitAmount,
      periods: monthly ? 12 : 1,
      baseYear: 2025,
      yearlyChange: rand(10),
      ruleId: RULE_IDS[i % RULE_IDS.length]!,
      centralPct: i % 17 === 0 ? 35 : null,
    });
  }
  return { counties, items };
}

/** Evenly spread over the country, so every province and tier is present at any size. */
function spread<T>(all: T[], n: number): T[] {
  if (n >= all.length) return all;
  return Array.from({ length: n }, (_, k) => all[Math.floor((k * all.length) / n)]!);
}

function col(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const countedYear = (cohort: number) => (cohort === 0 ? 2020 : 2024);

/** The cost of one item in one year over the counties, as the workbook computes it: the check on LibreOffice's answer. */
function expectedCost(counties: County[], item: Item, unitAmount: number, year: number): number {
  let total = 0;
  for (const c of counties) {
    const people = Math.round(c.population[item.cohort]! * (1 + GROWTH_PCT / 100) ** (year - countedYear(item.cohort)));
    const beneficiaries = Math.round(people * item.coverage);
    total += Math.round(beneficiaries * (unitAmount + item.yearlyChange * (year - item.baseYear)) * item.periods * 100) / 100;
  }
  return total;
}

async function writeWorkbook(file: string, counties: County[], items: Item[], tiers: Tier[]): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  let formulas = 0;
  const f = (formula: string) => {
    formulas += 1;
    return { formula };
  };

  const params = wb.addWorksheet('参数');
  params.addRow(['序号', '服务项目', '服务对象', '覆盖率', '单位金额（元）', '每年期数', '基年', '年增额（元）', '分担规则', '中央分担（手工）%']).commit();
  for (const it of items) {
    params.addRow([it.no, `合成项目${it.no}`, COHORTS[it.cohort], it.coverage, it.unitAmount, it.periods, it.baseYear, it.yearlyChange, it.ruleId, it.centralPct]).commit();
  }
  params.commit();

  const tierSheet = wb.addWorksheet('档次');
  tierSheet.addRow(['省份代码', '省份', '档次', '中央分担%']).commit();
  for (const t of tiers) tierSheet.addRow([t.provinceCode, t.province, t.tier, t.centralPct]).commit();
  tierSheet.commit();
  const tierEnd = tiers.length + 1;

  const rules = wb.addWorksheet('规则');
  rules.addRow(['规则', '县类别', '等级', '中央%', '省', '市', '县']).commit();
  const ruleRowAt = new Map<SplitRuleRow, number>();
  let ruleRow = 2;
  for (const id of RULE_IDS) {
    for (const r of PRESET_RULES.find((x) => x.id === id)!.rows) {
      const central = r.centralPct === TIER ? '按档' : Number(r.centralPct);
      rules.addRow([id, r.countyClass, r.grade, central, Number(r.provincial), Number(r.city), Number(r.county)]).commit();
      ruleRowAt.set(r, ruleRow);
      ruleRow += 1;
    }
  }
  rules.commit();

  const people = wb.addWorksheet('人口');
  people.addRow(['县代码', '县名', '省份代码', '县类别', '等级', '年增长%', ...COHORTS]).commit();
  people.addRow(['统计年份', null, null, null, null, null, ...COHORTS.map((_, k) => countedYear(k))]).commit();
  for (const c of counties) people.addRow([c.code, c.name, c.provinceCode, c.countyClass, c.grade, GROWTH_PCT, ...c.population]).commit();
  people.commit();
  const peopleRow = (k: number) => k + 3;
  const cohortCol = (cohort: number) => col(6 + cohort);

  const calc = wb.addWorksheet('测算');
  const FIRST_YEAR_COL = 8;
  calc.addRow(['县代码', '县名', '序号', '服务项目', '中央%', '省权重', '市权重', '县权重',
    ...YEARS.flatMap((y) => ['测算', '中央', '省级', '市级', '县级'].map((s) => `${y}${s}`))]).commit();
  let r = 2;
  for (const it of items) {
    const rule = PRESET_RULES.find((x) => x.id === it.ruleId)!;
    const p = it.no + 1;
    for (const [k, c] of counties.entries()) {
      const row = chooseRow(rule.rows, c.countyClass, c.grade)!;
      const rr = ruleRowAt.get(row)!;
      const pr = peopleRow(k);
      const central = it.centralPct !== null
        ? f(`'参数'!$J$${p}`)
        : row.centralPct === TIER
          ? f(`INDEX('档次'!$D$2:$D$${tierEnd},MATCH('人口'!$C$${pr},'档次'!$A$2:$A$${tierEnd},0))`)
          : f(`'规则'!$D$${rr}`);
      // A 省直管县's city pays nothing: the bureau types 0 instead of pointing at the rule.
      const cityWeight = c.countyClass === DIRECT_COUNTY ? 0 : f(`'规则'!$F$${rr}`);
      const cells: unknown[] = [c.code, c.name, it.no, `合成项目${it.no}`, central, f(`'规则'!$E$${rr}`), cityWeight, f(`'规则'!$G$${rr}`)];
      for (const [j, y] of YEARS.entries()) {
        const [cost, cen, prov, city] = [0, 1, 2, 3].map((s) => `${col(FIRST_YEAR_COL + j * 5 + s)}${r}`);
        const pop = `'人口'!$${cohortCol(it.cohort)}$${pr}`;
        cells.push(
          f(`ROUND(ROUND(ROUND(${pop}*(1+'人口'!$F$${pr}/100)^(${y}-'人口'!$${cohortCol(it.cohort)}$2),0)*'参数'!$D$${p},0)*('参数'!$E$${p}+'参数'!$H$${p}*(${y}-'参数'!$G$${p}))*'参数'!$F$${p},2)`),
          f(`ROUND(${cost}*$E${r}/100,2)`),
          f(`IF($F${r}+$G${r}+$H${r}=0,0,ROUND((${cost}-${cen})*$F${r}/($F${r}+$G${r}+$H${r}),2))`),
          f(`IF($G${r}+$H${r}=0,0,ROUND((${cost}-${cen}-${prov})*$G${r}/($G${r}+$H${r}),2))`),
          f(`${cost}-${cen}-${prov}-${city}`),
        );
      }
      calc.addRow(cells).commit();
      r += 1;
    }
  }
  calc.commit();
  const last = r - 1;

  const summary = wb.addWorksheet('汇总');
  summary.addRow(['序号', ...YEARS.flatMap((y) => ['测算', '中央', '省级', '市级', '县级'].map((s) => `${y}${s}`))]).commit();
  for (const [i, it] of items.entries()) {
    const row = i + 2;
    const cells: unknown[] = [it.no];
    for (let c = 0; c < YEARS.length * 5; c += 1) {
      const target = col(FIRST_YEAR_COL + c);
      cells.push(f(`SUMIFS('测算'!$${target}$2:$${target}$${last},'测算'!$C$2:$C$${last},$A${row})`));
    }
    summary.addRow(cells).commit();
  }
  summary.commit();
  await wb.commit();
  return formulas;
}

function runPython(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [join(HERE, 'recalc_uno.py'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: LO_TIMEOUT_MS });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Record<string, number>);
      else reject(new Error(`recalc_uno.py failed (${code ?? signal}): ${err.slice(-2000)}`));
    });
  });
}

function checkClose(label: string, got: number | undefined, expected: number): void {
  if (got === undefined || !(Math.abs(got - expected) <= Math.max(1, Math.abs(expected) * 1e-6))) {
    throw new Error(`incumbent workbook ${label}: LibreOffice gave ${got}, expected ${expected.toFixed(2)}`);
  }
}

export async function timeIncumbent(options: { counties: number; items: number }): Promise<IncumbentTiming> {
  const tierRows = parse(readFileSync(TIERS_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const tiers: Tier[] = tierRows
    .map((t) => ({ provinceCode: t.province_code!, province: t.province!, tier: Number(t.tier), centralPct: Number(t.central_share_pct) }))
    .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  const model = deriveModel(tiers);
  const counties = spread(model.counties, options.counties);
  const items = model.items.slice(0, options.items);

  const dir = mkdtempSync(join(tmpdir(), 'qingdan-incumbent-'));
  try {
    const file = join(dir, '测算.xlsx');
    const start = performance.now();
    const formulas = await writeWorkbook(file, counties, items, tiers);
    const writeSeconds = (performance.now() - start) / 1000;

    // The edit: item 1's unit amount up by 100 yuan; the check: item 1's 2026 cost total in 汇总!B2.
    const item = items[0]!;
    const edited = item.unitAmount + 100;
    const lo = await runPython([file, join(dir, 'profile'), '参数', 'E2', String(edited), '汇总', 'B2']);
    const before = expectedCost(counties, item, item.unitAmount, YEARS[0]!);
    const after = expectedCost(counties, item, edited, YEARS[0]!);
    checkClose('total before the edit', lo.checkBefore, before);
    checkClose('total after the edit (automatic recalculation)', lo.checkIncremental, after);
    checkClose('total after the edit (full recalculation)', lo.checkAfter, after);
    return {
      counties: counties.length,
      items: items.length,
      formulas,
      writeSeconds,
      loadSeconds: lo.loadSeconds!,
      recalcSeconds: lo.recalcSeconds!,
      editRecalcSeconds: lo.editRecalcSeconds!,
      editIncrementalSeconds: lo.editIncrementalSeconds!,
      peakMemoryMB: lo.peakMemoryMB!,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The size the bench times LibreOffice at. The national model (≈2,852 counties, 8.2 million formulas) would
 * not finish in minutes on two cores: 900 counties (2.6 million formulas) already took 3.4 minutes in all,
 * LibreOffice peaking at 2.5 GB; 600 keeps the whole part near two minutes on a busy machine.
 */
export const INCUMBENT_BENCH_SIZE = { counties: 600, items: 100 } as const;

/** The incumbent's figures as a small table, saying when it ran below the national size. */
export function incumbentReport(t: IncumbentTiming): string {
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
  return ['Incumbent: hand-built workbook in LibreOffice Calc headless', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}
