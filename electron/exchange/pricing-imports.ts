// The tables finance bureaus hand in: regions, population (counts, or a cohort's share of another), split
// rules, drivers. Each is checked whole
// first (every problem with its row and column); only a clean file is written, in one transaction, logged,
// with the cost lines rebuilt.
import { cohortNameProblem, shareCycleProblem, shareProblems, shareText, sharesLookLikeFractions } from '../../shared/domain/pricing/cohort-share';
import { shareBases } from '../pricing/cohort-shares-store';
import { DRIVER_FIELD_LABELS, parseDriverField } from '../../shared/domain/pricing/drivers';
import { parseGrowthPct } from '../../shared/domain/pricing/growth';
import type { DriverField, FieldValue } from '../../shared/domain/pricing/drivers';
import { COUNTY_CLASSES, REGION_CODE, REGION_LEVEL_LABELS, normaliseCohort, parseCountyClass, parseRegionLevel } from '../../shared/domain/pricing/regions';
import type { CountyClass, RegionLevel } from '../../shared/domain/pricing/regions';
import type { ImportPreview, ImportReport } from '../../shared/domain/pricing/results';
import { IMPORT_COLUMNS, OPTIONAL_IMPORT_COLUMNS, columnName } from '../../shared/domain/pricing/import-columns';
import type { ImportKind } from '../../shared/domain/pricing/import-columns';
import { TIER, ruleChoices, ruleProblems } from '../../shared/domain/pricing/split-rules';
import type { SplitRule, SplitRuleRow } from '../../shared/domain/pricing/split-rules';
import { fractionForPercent, misplacedComma, toScaled, ungrouped } from '../../shared/domain/pricing/decimal';
import { resolveChoice, unresolvedChoice } from '../../shared/domain/choice';
import { AppError } from '../db/app-error';
import { idList, idsFromJson } from '../db/id-list';
import { formatCount } from '../../shared/domain/pricing/money';
import type { Database, Tx } from '../db/database';
import { getCatalogue } from '../services/catalogue-queries';
import { groupChanges, logChange } from '../services/change-log';
import { applyDriverCells } from '../services/pricing-commands';
import type { DriverCell } from '../services/pricing-commands';
import type { Origin } from '../services/commands';
import { driverFieldOfColumn, driverText, getDriver, listDrivers } from '../pricing/drivers-store';
import { uncountedCohorts } from '../pricing/population';
import { repriceAll } from '../pricing/reprice';
import { listRules, saveRule } from '../pricing/rules';
import { checkHeader, readTable, strayCells, widenedRows } from './table-file';
import type { TableRow } from './table-file';

/** A cell's text as a problem quotes it, before what it should be: an empty cell is said to be empty, not shown as “”. */
const given = (text: string) => (text.trim() === '' ? '是空的，' : `“${text}”`);
/** A cell's text that is not `what`: "“区”不是省、市、县之一", or "是空的，应为省、市、县之一". */
const notOf = (text: string, what: string) => (text.trim() === '' ? `是空的，应为${what}` : `“${text}”不是${what}`);

export type { ImportKind };
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { regions: '行政区', population: '人口', shares: '人群比例', rules: '分担规则', drivers: '测算参数' };

export interface ImportRequest {
  kind: ImportKind;
  catalogueId: string | null;
  fileName: string;
  bytes: Buffer;
  apply: boolean;
}

type Problems = string[];
/** No region has more people; the pricing arithmetic relies on counts staying below it. */
const MAX_PERSONS = 2_000_000_000;
const at = (fileName: string, row: TableRow, column: string) => `${fileName} 第${row.line}行“${columnName(column, row.names, row.kind)}”列`;

/** Gives the report, the catalogues whose figures changed (null: every catalogue's), and the items a drivers file wrote. */
export async function importTable(
  db: Database,
  request: ImportRequest,
  origin: Origin,
): Promise<{ report: ImportReport; catalogueIds: (string | null)[]; itemIds: string[] }> {
  const table = await readTable(request.fileName, request.bytes, request.kind);
  checkHeader(request.fileName, table, IMPORT_COLUMNS[request.kind], OPTIONAL_IMPORT_COLUMNS[request.kind]);
  if (table.rows.length === 0) throw new AppError('bad_file', `${request.fileName} 只有表头，没有数据行，没有导入任何内容。`);
  // A CSV row with stray cells is refused and not planned: its figures are not what the planner wrote.
  const stray = strayCells(request.fileName, table);
  const refusedLines = new Set(stray.problems.map((p) => p.line));
  const plan = await PLANNERS[request.kind](db, request, table.rows.filter((row) => !refusedLines.has(row.line)));
  const widened = widenedRows(request.fileName, table, plan.problems);
  if (widened.length) plan.problems = byLine([...plan.problems, ...widened]);
  if (refusedLines.size) {
    // The rows shown are the faulty ones: the refused, and those the plan found faulty (its lines only then).
    const planFaulty = plan.problems.length > 0 ? (plan.previewLines?.lines ?? []) : [];
    plan.problems = byLine([...stray.problems.map((p) => p.text), ...plan.problems]);
    plan.previewLines = { label: '只列出有问题的', lines: new Set([...refusedLines, ...planFaulty]) };
  }
  const report: ImportReport = {
    kind: IMPORT_KIND_LABELS[request.kind],
    rows: table.rows.length,
    problems: plan.problems,
    applied: false,
    summary: plan.summary,
    warnings: [...(table.title ? [`第${table.title.line}行“${table.title.text}”是标题，没有导入；表头从它下面一行读起`] : []), ...stray.warnings, ...(plan.warnings ?? [])],
    // The optional columns the file has are shown too (a growth rate imported is checked before it is applied).
    preview: previewOf(
      table.rows,
      [...IMPORT_COLUMNS[request.kind], ...OPTIONAL_IMPORT_COLUMNS[request.kind].filter((c) => table.rows.some((r) => r.cells.has(c)))],
      plan.rowNotes,
      plan.previewLines,
    ),
    changesNothing: plan.changesNothing ?? false,
  };
  if (!request.apply || plan.problems.length || report.changesNothing) return { report, catalogueIds: [], itemIds: [] };
  await db.transaction(async (tx) => {
    // An item's drivers imported are its cells pasted: one step that one Ctrl+Z takes back.
    if (request.kind === 'drivers') groupChanges(tx, `导入测算参数（${request.fileName}）`);
    await plan.write(tx, origin);
    await logChange(tx, request.catalogueId, `import.${request.kind}`, { fileName: request.fileName, rows: table.rows.length, summary: plan.summary }, null, origin);
    if (request.kind !== 'drivers') await repriceAll(tx, request.kind === 'population' || request.kind === 'shares' ? 'population' : 'regions');
  });
  return { report: { ...report, applied: true }, catalogueIds: request.kind === 'drivers' ? [request.catalogueId] : [null], itemIds: plan.itemIds ?? [] };
}

/** Problems in the order of the rows they name (第N行), those naming none last. */
function byLine(problems: string[]): string[] {
  const line = (p: string) => Number(/第(\d+)行/u.exec(p)?.[1] ?? Infinity);
  return problems.map((p, i) => ({ p, i, n: line(p) })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.p);
}

/** Names compared as a person reads them: spaces and line breaks do not count. */
const sameName = (name: string) => name.replace(/\s+/gu, '');

/** Rows shown before an import is confirmed: enough to see the file is the one meant. */
const PREVIEW_ROWS = 20;

function previewOf(rows: TableRow[], columns: readonly string[], notes: Plan['rowNotes'], only: Plan['previewLines']): ImportPreview {
  const shown = only ? rows.filter((row) => only.lines.has(row.line)) : rows;
  return {
    columns: [...columns],
    rows: shown.slice(0, PREVIEW_ROWS).map((row) => ({
      line: row.line,
      cells: columns.map((c) => row.cells.get(c) ?? ''),
      ...(notes ? { note: notes.byLine.get(row.line) ?? '' } : {}),
    })),
    ...(notes ? { noteLabel: notes.label } : {}),
    ...(only && shown.length < rows.length ? { only: `${only.label} ${shown.length} 行（文件共 ${rows.length} 行）` } : {}),
    more: Math.max(0, shown.length - PREVIEW_ROWS),
  };
}

interface Plan {
  problems: Problems;
  summary: string;
  /** Taken, but worth a second look (ImportReport.warnings). */
  warnings?: string[];
  write: (tx: Tx, origin: Origin) => Promise<void>;
  /** The items whose drivers the file writes (a drivers file). */
  itemIds?: string[];
  /** True when writing would change nothing. */
  changesNothing?: boolean;
  /** A word on each row for the preview, by line: a drivers file's item names, so a wrong 序号 shows. */
  rowNotes?: { label: string; byLine: Map<number, string> };
  /** The rows worth a look, when not all are (a sheet of every item, two of them filled in): what they are. */
  previewLines?: { label: string; lines: Set<number> };
}

const PLANNERS: Record<ImportKind, (db: Database, request: ImportRequest, rows: TableRow[]) => Promise<Plan>> = {
  regions: planRegions,
  population: planPopulation,
  shares: planShares,
  rules: planRules,
  drivers: planDrivers,
};

async function knownRegions(db: Database): Promise<Map<string, RegionLevel>> {
  return new Map((await db.all('SELECT code, level FROM regions')).map((r) => [String(r.code), String(r.level) as RegionLevel]));
}

async function planRegions(db: Database, { fileName }: ImportRequest, rows: TableRow[]): Promise<Plan> {
  const problems: Problems = [];
  // The regions as stored, read once: their levels check the file's parents, the rest what the file changes.
  const stored = new Map(
    (await db.all('SELECT code, name, parent_code, level, county_class, grade, CAST(growth_pct AS VARCHAR) AS growth FROM regions')).map((r) => [String(r.code), r]),
  );
  const known = new Map([...stored].map(([code, r]) => [code, String(r.level) as RegionLevel]));
  const inFile = new Map<string, RegionLevel>();
  // Every code of the file, its level readable or not: a parent on a row of its own is not said to be missing.
  const codesInFile = new Set(rows.map((row) => row.cells.get('region_code')!));
  const rowOf = new Map(rows.map((row) => [row.cells.get('region_code')!, row]));
  // The growth rate only where the file has its column (an empty cell clears it); else the rate stays.
  const records: { code: string; name: string; parent: string | null; level: RegionLevel; cls: CountyClass | null; grade: number | null; growth?: string | null }[] = [];
  for (const row of rows) {
    const code = row.cells.get('region_code')!;
    const level = parseRegionLevel(row.cells.get('level')!);
    if (level) inFile.set(code, level);
  }
  // A region twice in one file is refused, not settled by whichever row comes last.
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const code = row.cells.get('region_code')!;
    const name = row.cells.get('region')!;
    const first = firstLine.get(code);
    if (first === undefined) firstLine.set(code, row.line);
    else problems.push(`${at(fileName, row, 'region_code')}：行政区“${code}”在第${first}行已有一行，每个行政区只能有一行`);
    const parent = row.cells.get('parent_code')! || null;
    const levelText = row.cells.get('level')!;
    const level = parseRegionLevel(levelText);
    const clsText = row.cells.get('class')!;
    const gradeText = row.cells.get('grade')!;
    const before = problems.length;
    if (!REGION_CODE.test(code)) problems.push(`${at(fileName, row, 'region_code')}：${notOf(code, ' 6 位行政区划代码')}`);
    if (name === '') problems.push(`${at(fileName, row, 'region')}：名称不能为空`);
    if (!level) problems.push(`${at(fileName, row, 'level')}：${notOf(levelText, `${row.names === 'labels' ? '省、市、县' : ' province、city、county（省、市、县）'}之一`)}`);
    const parentLevel = parent === null ? null : (inFile.get(parent) ?? known.get(parent) ?? null);
    if (level === 'province' && parent !== null) problems.push(`${at(fileName, row, 'parent_code')}：省级行应为空`);
    // With its level unreadable, a parent found nowhere is still a problem of its own, said in the same pass.
    if (!level && parent !== null && parentLevel === null && !codesInFile.has(parent)) problems.push(`${at(fileName, row, 'parent_code')}：上级“${parent}”既不在本文件中，也不在数据库中`);
    if (level && level !== 'province') {
      if (parent === null) problems.push(`${at(fileName, row, 'parent_code')}：市、县必须填写上级代码`);
      else if (parentLevel === null && codesInFile.has(parent)) problems.push(`${at(fileName, row, 'parent_code')}：上级“${parent}”的层级有误（见该行）`);
      else if (parentLevel === null) problems.push(`${at(fileName, row, 'parent_code')}：上级“${parent}”既不在本文件中，也不在数据库中`);
      else if ((level === 'city' && parentLevel !== 'province') || (level === 'county' && parentLevel !== 'city')) {
        problems.push(`${at(fileName, row, 'parent_code')}：${level === 'city' ? '市的上级应是省' : '县的上级应是市'}，“${parent}”不是`);
      }
      // A province's tier is found from the code's first two digits: a county of another province under this
      // one's city would be priced, and split, as this province's.
      if (parent !== null && REGION_CODE.test(code) && REGION_CODE.test(parent) && code.slice(0, 2) !== parent.slice(0, 2)) {
        problems.push(
          `${at(fileName, row, 'parent_code')}：“${code}”的前两位 ${code.slice(0, 2)} 与上级“${parent}”的前两位 ${parent.slice(0, 2)} 不同：区划代码的前两位是所属的省，市、县只能在本省之下`,
        );
      }
    }
    const cls = clsText === '' ? null : parseCountyClass(clsText);
    if (clsText !== '' && !cls) problems.push(`${at(fileName, row, 'class')}：“${clsText}”不是 ${COUNTY_CLASSES.join('、')} 之一`);
    const grade = gradeText === '' ? null : /^[1-9]$/u.test(gradeText) ? Number(gradeText) : NaN;
    if (Number.isNaN(grade)) problems.push(`${at(fileName, row, 'grade')}：“${gradeText}”应为 1 到 9 的整数档次`);
    const growthText = row.cells.get('growth_pct');
    const growth = growthText === undefined ? undefined : parseGrowthPct(growthText);
    if (growth && !growth.ok) problems.push(`${at(fileName, row, 'growth_pct')}：${growth.message}`);
    if (problems.length === before && level) records.push({ code, name, parent, level, cls, grade, ...(growth?.ok ? { growth: growth.value } : {}) });
  }
  // A region whose level the file changes must not leave behind regions under it that the file does not move:
  // a city made a county would keep its counties under a county.
  const levelChanged = records.filter((r) => known.has(r.code) && known.get(r.code) !== r.level);
  if (levelChanged.length) {
    const children = await db.all(
      `SELECT parent_code, array_to_string(list(name ORDER BY code)[1:3], '、') AS names, count(*) AS n FROM regions
       WHERE parent_code IN ${idsFromJson('$1')} AND code NOT IN ${idsFromJson('$2')} GROUP BY parent_code`,
      [idList(levelChanged.map((r) => r.code)), idList([...codesInFile])],
    );
    for (const c of children) {
      const r = levelChanged.find((x) => x.code === String(c.parent_code))!;
      const n = Number(c.n);
      problems.push(
        `${at(fileName, rowOf.get(r.code)!, 'level')}：${r.name}（${r.code}）下已有 ${n} 个下级（${String(c.names)}${n > 3 ? ' 等' : ''}），改为${REGION_LEVEL_LABELS[r.level]}后它们的上级层级不对：请在同一文件中把它们移到别的上级，或不改它的层级`,
      );
    }
  }
  // A region the file gives as it is stored is left alone, its source with it: a file imported twice changes nothing.
  const changed = records.filter((r) => {
    const s = stored.get(r.code);
    if (!s) return true;
    const sameGrowth = r.growth === undefined || (r.growth === null ? s.growth === null : s.growth !== null && Number(s.growth) === Number(r.growth));
    return !(s.name === r.name && s.parent_code === r.parent && s.level === r.level && s.county_class === r.cls && (s.grade === null ? r.grade === null : Number(s.grade) === r.grade) && sameGrowth);
  });
  const added = changed.filter((r) => !known.has(r.code)).length;
  const nameOf = (code: string | null) => (code === null ? '（无）' : `${String(stored.get(code)?.name ?? records.find((r) => r.code === code)?.name ?? code)}`);
  // A region moved (a 省直管 city put under its city as a 省直管县): its figures as a city now count under the new parent.
  const moved = changed.flatMap((r) => {
    const s = stored.get(r.code);
    if (!s || (s.level === r.level && s.parent_code === r.parent)) return [];
    return [`${r.name}由${REGION_LEVEL_LABELS[String(s.level) as RegionLevel] ?? String(s.level)}（上级 ${nameOf(s.parent_code === null ? null : String(s.parent_code))}）改为${REGION_LEVEL_LABELS[r.level]}（上级 ${nameOf(r.parent)}）`];
  });
  return {
    problems,
    summary: changed.length === 0 ? '不改变任何行政区（文件中的与现有的相同）' : `新增 ${added} 个行政区，更新 ${changed.length - added} 个${changed.length < records.length ? `（其余 ${records.length - changed.length} 个与现有的相同，不改动）` : ''}`,
    changesNothing: changed.length === 0,
    warnings: moved.length ? [`${moved.join('；')}：它在测算和汇总中从此计入新的上级，请核对上级的名称和人数是否仍然相符`] : [],
    write: async (tx) => {
      for (const r of changed) {
        await tx.run(
          `INSERT INTO regions (code, name, parent_code, level, county_class, grade, growth_pct, source, status)
           VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, 'sourced')
           ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code, level = excluded.level,
             county_class = excluded.county_class, grade = excluded.grade, source = excluded.source`,
          [r.code, r.name, r.parent, r.level, r.cls, r.grade, `导入：${fileName}`],
        );
        if (r.growth !== undefined) await tx.run('UPDATE regions SET growth_pct = $1 WHERE code = $2', [r.growth, r.code]);
      }
    },
  };
}

/** A row's region and cohort, as the population and shares imports both check them. */
function regionCohortProblems(fileName: string, row: TableRow, known: Map<string, RegionLevel>, code: string, cohort: string): Problems {
  const problems: Problems = [];
  if (code.trim() === '') problems.push(`${at(fileName, row, 'region_code')}：${notOf(code, ' 6 位行政区划代码')}`);
  else if (!known.has(code)) problems.push(`${at(fileName, row, 'region_code')}：数据库中没有行政区“${code}”（请先导入行政区）`);
  const badName = cohortNameProblem(cohort);
  if (badName) problems.push(`${at(fileName, row, 'cohort')}：${badName}`);
  return problems;
}

/** What an import of figures by region and cohort writes: "写入 3 条人数（2 个地区，常住人口）". */
function regionCohortSummary(what: string, records: readonly (readonly [string, string, ...unknown[]])[]): string {
  if (records.length === 0) return `没有可写入的${what}`;
  return `写入 ${records.length} 条${what}（${new Set(records.map((r) => r[0])).size} 个地区，${[...new Set(records.map((r) => r[1]))].join('、')}）`;
}

async function planPopulation(db: Database, { fileName }: ImportRequest, rows: TableRow[]): Promise<Plan> {
  const problems: Problems = [];
  const known = await knownRegions(db);
  const records: [string, string, number, string][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const code = row.cells.get('region_code')!;
    const cohort = normaliseCohort(row.cells.get('cohort')!);
    const yearText = row.cells.get('year')!;
    // A count Excel formats with two decimals is written 500100.00: whole all the same.
    const valueText = ungrouped(row.cells.get('value')!)?.replace(/^(\d+)\.0+$/u, '$1') ?? null;
    const before = problems.length;
    problems.push(...regionCohortProblems(fileName, row, known, code, cohort));
    const year = /^\d{4}$/u.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year <= 2100)) problems.push(`${at(fileName, row, 'year')}：${given(yearText)}应是 2000 到 2100 之间的年份`);
    if (valueText === null) problems.push(`${at(fileName, row, 'value')}：${misplacedComma(row.cells.get('value')!, true)}`);
    else if (!/^\d+$/u.test(valueText) || valueText.length > 10 || Number(valueText) > MAX_PERSONS) {
      problems.push(`${at(fileName, row, 'value')}：${given(row.cells.get('value')!)}应为 0 到 20 亿之间的整数人数`);
    }
    const key = `${code}|${cohort}|${year}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${at(fileName, row, 'value')}：${code} 的“${cohort}”${year} 年人数在第${first}行已有一行，每个地区、人群、年份只能有一个人数`);
    else seen.set(key, row.line);
    if (problems.length === before) records.push([code, cohort, year, valueText!]);
  }
  // A re-import silently replaced counts the planner had checked: the summary says which, the first few old → new.
  const replaced = records.length
    ? await db.all(
        `WITH f AS (SELECT unnest(from_json($1, '[{"c":"VARCHAR","k":"VARCHAR","y":"INTEGER","v":"BIGINT"}]'), recursive := true))
         SELECT r.name, f.c AS code, f.k AS cohort, f.y AS year, p.value AS old, f.v AS new FROM f
         JOIN population p ON p.region_code = f.c AND p.cohort = f.k AND p.year = f.y JOIN regions r ON r.code = f.c
         WHERE p.value <> f.v ORDER BY f.c, f.k, f.y`,
        [JSON.stringify(records.map(([c, k, y, v]) => ({ c, k, y, v })))],
      )
    : [];
  const examples = replaced.slice(0, 3).map((r) => `${String(r.name)}（${String(r.code)}）“${String(r.cohort)}”${String(r.year)} 年 ${formatCount(String(r.old))} → ${formatCount(String(r.new))}`);
  return {
    problems,
    summary:
      regionCohortSummary('人数', records) +
      (replaced.length ? `，其中 ${replaced.length} 条替换原有人数（${examples.join('；')}${replaced.length > 3 ? ' 等' : ''}）` : ''),
    write: async (tx) => {
      for (const [code, cohort, year, value] of records) {
        await tx.run(
          `INSERT INTO population VALUES ($1, $2, $3, CAST($4 AS BIGINT), $5, 'sourced')
           ON CONFLICT (region_code, cohort, year) DO UPDATE SET value = excluded.value, source = excluded.source, status = excluded.status`,
          [code, cohort, year, value, `导入：${fileName}`],
        );
      }
    },
  };
}

/**
 * A cohort given as a share of another in a region (60岁及以上 as 18.6 % of 常住人口): used for every year the
 * base cohort has a figure and the cohort none; a city without its own share takes its province's.
 */
async function planShares(db: Database, { fileName }: ImportRequest, rows: TableRow[]): Promise<Plan> {
  const problems: Problems = [];
  const known = await knownRegions(db);
  const records: [string, string, string, string][] = [];
  const recordRows: TableRow[] = [];
  const seen = new Map<string, number>();
  const fractionsSuspect = sharesLookLikeFractions(rows.map((row) => row.cells.get('share_pct')!));
  for (const row of rows) {
    const code = row.cells.get('region_code')!;
    const cohort = normaliseCohort(row.cells.get('cohort')!);
    const base = normaliseCohort(row.cells.get('base_cohort')!);
    const before = problems.length;
    problems.push(...regionCohortProblems(fileName, row, known, code, cohort));
    for (const { column, message } of shareProblems(cohort, base, row.cells.get('share_pct')!, { fractionsSuspect })) problems.push(`${at(fileName, row, column)}：${message}`);
    const key = `${code}|${cohort}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${at(fileName, row, 'share_pct')}：${code} 的“${cohort}”比例在第${first}行已有一行，每个地区、人群只能有一个比例`);
    else seen.set(key, row.line);
    if (problems.length === before) {
      records.push([code, cohort, base, shareText(row.cells.get('share_pct')!)]);
      recordRows.push(row);
    }
  }
  const replacing = records.map(([regionCode, cohort, base]) => ({ regionCode, cohort, base }));
  const basesByProvince = new Map<string, Map<string, Set<string>>>();
  for (const [k, [regionCode, cohort, base]] of records.entries()) {
    const province = regionCode.slice(0, 2);
    if (!basesByProvince.has(province)) basesByProvince.set(province, await shareBases(db, regionCode, replacing));
    const cycle = shareCycleProblem(basesByProvince.get(province)!, cohort, base);
    if (cycle) problems.push(`${at(fileName, recordRows[k]!, 'base_cohort')}：${cycle}`);
  }
  const uncounted = await uncountedCohorts(db, records.map(([, , base]) => base), records.map(([, cohort]) => cohort));
  return {
    problems,
    summary: regionCohortSummary('人群比例', records),
    warnings: uncounted.length ? [`基数人群${uncounted.map((c) => `“${c}”`).join('、')}还没有任何地区的人数（名称是否写错？或请导入人口），按它推算的人群暂时没有人数`] : [],
    write: async (tx) => {
      for (const [code, cohort, base, share] of records) {
        await tx.run(
          `INSERT INTO cohort_shares VALUES ($1, $2, $3, CAST($4 AS DECIMAL(9,4)), $5, 'sourced')
           ON CONFLICT (region_code, cohort) DO UPDATE SET base_cohort = excluded.base_cohort, share_pct = excluded.share_pct,
             source = excluded.source, status = excluded.status`,
          [code, cohort, base, share, `导入：${fileName}`],
        );
      }
    },
  };
}

async function planRules(db: Database, { fileName }: ImportRequest, rows: TableRow[]): Promise<Plan> {
  const problems: Problems = [];
  const existing = await listRules(db);
  const byName = new Map<string, SplitRuleRow[]>();
  /** Each rule's rows in the file: their lines, for messages about the rule as a whole, and their 适用省份. */
  const rowsOf = new Map<string, TableRow[]>();
  // Rules with a row already refused cell by cell: the rule as a whole is not checked again for the same fault.
  const refused = new Set<string>();
  for (const row of rows) {
    const name = row.cells.get('rule')!;
    if (name === '') {
      problems.push(`${at(fileName, row, 'rule')}：规则名称不能为空`);
      continue;
    }
    const before = problems.length;
    const clsText = row.cells.get('class')!;
    const cls = clsText === '' ? null : parseCountyClass(clsText);
    if (clsText !== '' && !cls) problems.push(`${at(fileName, row, 'class')}：“${clsText}”不是 ${COUNTY_CLASSES.join('、')} 之一`);
    const gradeText = row.cells.get('grade')!;
    const grade = gradeText === '' ? null : /^[1-9]$/u.test(gradeText) ? Number(gradeText) : NaN;
    if (Number.isNaN(grade)) problems.push(`${at(fileName, row, 'grade')}：“${gradeText}”应为 1 到 9 的整数档次`);
    // “tier” as the issue's format writes it, or 按档 as a planner would.
    const centralText = row.cells.get('central_pct')!.replace(/[%％]$/u, '');
    const central = centralText === '按档' ? TIER : centralText;
    if (central.toLowerCase() !== TIER) {
      const problem = toScaled(central, 4) === null ? `“${central}”应为百分数或${row.names === 'labels' ? '“按档”' : ' tier（按档）'}` : fractionForPercent(row.cells.get('central_pct')!);
      if (problem) problems.push(`${at(fileName, row, 'central_pct')}：${problem}`);
    }
    const list = byName.get(name) ?? [];
    list.push({
      countyClass: cls,
      grade: Number.isNaN(grade) ? null : grade,
      centralPct: central.toLowerCase() === TIER ? TIER : central,
      provincial: row.cells.get('provincial')! || '0',
      city: row.cells.get('city')! || '0',
      county: row.cells.get('county')! || '0',
    });
    byName.set(name, list);
    rowsOf.set(name, [...(rowsOf.get(name) ?? []), row]);
    if (problems.length > before) refused.add(name);
  }
  const rules: SplitRule[] = [];
  // Every province a tier is known for (all 31), and any other the regions table holds.
  const provinces = (
    await db.all(`SELECT province_code AS code, province AS name FROM ref_fiscal_tiers UNION SELECT code, name FROM regions WHERE level = 'province' ORDER BY code`)
  ).map((r) => ({ code: String(r.code), name: String(r.name) }));
  const unmarked = new Set<string>();
  let n = existing.filter((r) => r.id.startsWith('rule-')).length;
  for (const [name, ruleRows] of byName) {
    const old = existing.find((r) => r.name === name || r.id === name);
    const province = ruleProvince(fileName, rowsOf.get(name)!, provinces);
    if ('problem' in province) {
      problems.push(province.problem);
      continue;
    }
    const { provinceCode } = province;
    if (provinceCode === undefined) unmarked.add(name);
    if (old && provinceCode !== undefined && provinceCode !== old.provinceCode) {
      problems.push(`${fileName}：规则“${name}”已有，${old.provinceCode ? `适用于${provinces.find((p) => p.code === old.provinceCode)?.name ?? old.provinceCode}` : '各省通用'}；导入不改变规则的适用省份，请在“分担规则”中修改`);
      continue;
    }
    // A rule already there (a preset, say) keeps its name, id and province, and says where its new rows came from.
    const rule: SplitRule = old
      ? { ...old, rows: ruleRows, source: `${old.source}；按 ${fileName} 修改`, status: 'unverified' }
      : { id: `rule-${(n += 1)}`, name, provinceCode: provinceCode ?? null, source: `导入：${fileName}`, status: 'unverified', note: null, rows: ruleRows };
    if (!refused.has(name)) problems.push(...ruleProblems(rule, (i) => `在文件第${rowsOf.get(name)![i]!.line}行`).map((p) => `${fileName}：${p}`));
    rules.push(rule);
  }
  const replaced = rules.filter((r) => existing.some((e) => e.id === r.id));
  const users = replaced.length
    ? Number((await db.all(`SELECT count(*) AS n FROM item_drivers WHERE split_rule_id IN ${idsFromJson('$1')}`, [idList(replaced.map((r) => r.id))]))[0]?.n ?? 0)
    : 0;
  const added = rules.filter((r) => !replaced.includes(r));
  const parts = [
    added.length ? `新建 ${added.length} 条（${added.map((r) => r.name).join('、')}）` : '',
    replaced.length ? `改写已有的 ${replaced.length} 条（${replaced.map((r) => r.name).join('、')}），用到它们的 ${users} 个服务项目按新规则重新测算` : '',
  ].filter(Boolean);
  const shared = added.filter((r) => unmarked.has(r.name));
  const sharedReplaced = replaced.filter((r) => r.provinceCode === null);
  return {
    problems,
    summary: `写入 ${rules.length} 条分担规则：${parts.join('；')}`,
    warnings: [
      ...(shared.length ? [`规则${shared.map((r) => `“${r.name}”`).join('、')}没有注明适用省份，导入为各省通用（只给本省用，可在文件中加一列“适用省份”，填 130000 或 河北省）`] : []),
      ...(sharedReplaced.length ? [`改写的规则${sharedReplaced.map((r) => `“${r.name}”`).join('、')}为各省通用，各省用它的服务项目都按新规则测算`] : []),
    ],
    write: async (tx) => {
      for (const rule of rules) await saveRule(tx, rule);
    },
  };
}

/**
 * The province a rule's rows name in the optional 适用省份 column (a code, 130000, or a name, 河北省 or 河北):
 * undefined when they name none, null for 各省通用.
 */
function ruleProvince(
  fileName: string,
  rows: readonly TableRow[],
  provinces: readonly { code: string; name: string }[],
): { provinceCode: string | null | undefined } | { problem: string } {
  const codes = new Map<string | null, string>();
  for (const row of rows) {
    const text = row.cells.get('province') ?? '';
    if (text === '') continue;
    if (text === '各省通用') {
      codes.set(null, text);
      continue;
    }
    // 河北, 河北省: a name, or the start of one (the tiers table and the regions table may write it either way).
    const matches = provinces.filter((p) => p.code === text || p.name === text || (text.length >= 2 && (p.name.startsWith(text) || text.startsWith(p.name))));
    const found = [...new Map(matches.map((p) => [p.code, p])).values()];
    if (found.length !== 1) {
      const why = found.length ? `“${text}”不止指一个省份（${found.map((p) => p.name).join('、')}）` : `没有名为或代码为“${text}”的省份`;
      return { problem: `${at(fileName, row, 'province')}：${why}；请填省级区划代码（如 130000）、省份名称，或“各省通用”` };
    }
    codes.set(found[0]!.code, text);
  }
  if (codes.size === 0) return { provinceCode: undefined };
  if (codes.size > 1) return { problem: `${at(fileName, rows[0]!, 'province')}：同一条规则的各行适用省份不同（${[...codes.values()].join('、')}）` };
  return { provinceCode: [...codes.keys()][0]! };
}

/** A drivers file's columns after 序号, each with the field it carries. */
const DRIVER_CSV = IMPORT_COLUMNS.drivers.slice(1).map((column) => [column, driverFieldOfColumn(column)!] as const);
/** The fields a drivers file sets (a central share entered by hand is not among them). */
const FILE_FIELDS = DRIVER_CSV.map(([, field]) => field);

async function planDrivers(db: Database, { fileName, catalogueId }: ImportRequest, rows: TableRow[]): Promise<Plan> {
  if (!catalogueId) throw new AppError('bad_request', '导入测算参数需要指定清单编号。');
  const detail = await getCatalogue(db, catalogueId);
  const rules = await listRules(db);
  const choices = ruleChoices(rules);
  const problems: Problems = [];
  const records: { itemId: string; line: number; values: Partial<Record<DriverField, FieldValue>> }[] = [];
  const itemNames = new Map<number, string>();
  const faulty = new Set<number>();
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const problemsBefore = problems.length;
    const noText = row.cells.get('item_no')!;
    const first = noText.trim() === '' ? undefined : firstLine.get(noText);
    if (first !== undefined) {
      problems.push(`${at(fileName, row, 'item_no')}：第${noText}项在第${first}行已有一行，每项只能有一行`);
      faulty.add(row.line);
      continue;
    }
    firstLine.set(noText, row.line);
    const item = detail.items.find((i) => String(i.itemNo) === noText);
    itemNames.set(row.line, item ? item.name : '（清单中没有此序号）');
    if (!item) {
      problems.push(`${at(fileName, row, 'item_no')}：${noText.trim() === '' ? '是空的，应为清单中的序号' : `“${detail.summary.name}”没有第“${noText}”项`}`);
    }
    // A file that names its items too (the sheet 下载参数表 gives) is checked against them: a row that slid
    // while the sheet was sorted or pasted would otherwise write one item's drivers to another.
    const named = row.cells.get('item') ?? '';
    if (item && named !== '' && sameName(named) !== sameName(item.name)) {
      problems.push(`${at(fileName, row, 'item')}：第${noText}项在“${detail.summary.name}”中是“${item.name}”，文件写的是“${named}”。请核对这一行是否错位；序号无误时可清空这一格`);
    }
    // The row's values are checked either way: every problem of the file is told in one go, not one per try.
    const values: Partial<Record<DriverField, FieldValue>> = {};
    for (const [column, field] of DRIVER_CSV) {
      let text = row.cells.get(column)!;
      if (field === 'splitRuleId' && text !== '') {
        // Read as the 测算 grid reads a rule typed into its cell: its name, or a part only it has.
        const chosen = resolveChoice(text, choices);
        const rule = rules.find((r) => r.id === chosen);
        if (!rule) {
          problems.push(`${at(fileName, row, column)}：${unresolvedChoice(text, choices, '分担规则')}`);
          continue;
        }
        text = rule.id;
      }
      const parsed = parseDriverField(field, text);
      if (parsed.ok) values[field] = parsed.value;
      else problems.push(`${at(fileName, row, column)}：${parsed.message}`);
    }
    if (problems.length > problemsBefore || !item) faulty.add(row.line);
    else records.push({ itemId: item.id, line: row.line, values });
  }
  // Only the items whose drivers the file changes are written: a sheet downloaded, two items filled in and
  // imported again says so, and its undo step holds those two.
  const stored = await listDrivers(db, catalogueId);
  const changed = records.filter((r) => {
    const before = stored.get(r.itemId);
    return FILE_FIELDS.some((f) => String(r.values[f] ?? '') !== String(before?.[f] ?? ''));
  });
  const same = records.length - changed.length;
  // An empty cell clears a value already there: said, since a blank left by mistake takes an item out of the totals.
  const cleared = changed.flatMap((r) => {
    const before = stored.get(r.itemId);
    const no = detail.items.find((i) => i.id === r.itemId)?.itemNo;
    return FILE_FIELDS.filter((f) => before?.[f] !== null && before?.[f] !== undefined && (r.values[f] ?? null) === null).map((f) => `第${no}项的${DRIVER_FIELD_LABELS[f]}`);
  });
  const clearedText = cleared.length ? `；其中 ${cleared.length} 个已有参数因文件中为空而清空（${cleared.slice(0, 5).join('、')}${cleared.length > 5 ? ' 等' : ''}）` : '';
  // A cohort with no count yet (misspelt, or its figures not imported): taken, since they may come later, but said.
  const uncounted = await uncountedCohorts(db, changed.map((r) => (typeof r.values.cohort === 'string' ? r.values.cohort : null)));
  const warnings = uncounted.length ? [`人群${uncounted.map((c) => `“${c}”`).join('、')}还没有人口数（名称是否写错？或请导入人口、设置人群比例），用它的服务项目暂不能算出`] : [];
  return {
    problems,
    summary:
      changed.length === 0
        ? '不改变任何测算参数（文件中的参数与现有的相同）'
        : `为 ${changed.length} 个服务项目写入测算参数${same > 0 ? `（其余 ${same} 项与现有的相同，不改动）` : ''}${clearedText}`,
    warnings,
    // Beside the file's own 服务项目 column, where it has one: the catalogue's, to check the 序号 against.
    rowNotes: { label: '清单中的服务项目', byLine: itemNames },
    previewLines: { label: problems.length ? '只列出有问题的' : '只列出将改动的', lines: problems.length ? faulty : new Set(changed.map((r) => r.line)) },
    changesNothing: changed.length === 0,
    // Every column the file has, each checked against the value stored and logged with it (an empty cell
    // clears the field); a central share entered by hand is not in the file and stays.
    write: async (tx, origin) => {
      const cells: DriverCell[] = [];
      for (const r of changed) {
        const now = await getDriver(tx, r.itemId);
        for (const field of FILE_FIELDS) {
          const value = r.values[field] ?? null;
          cells.push({ itemId: r.itemId, field, value: value === null ? null : String(value), expected: driverText(now, field) });
        }
      }
      await applyDriverCells(tx, cells, origin);
    },
    itemIds: changed.map((r) => r.itemId),
  };
}

