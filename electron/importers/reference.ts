// The reference tables of seeds/reference/: parsed and validated row by row. A bad cell stops the import with
// a message that names the file, the line and the column, since a planner or a maintainer has to find it.
// Amounts and shares stay decimal strings (DECIMAL in the database), never floats.
import { parse } from 'csv-parse/sync';
import { PROVENANCE_STATUSES } from '../../shared/domain/provenance';
import type { ProvenanceStatus } from '../../shared/domain/provenance';
import type { FiscalTier, NationalStandard, PopulationRow, RegionLevel } from '../../shared/domain/reference';

export const REFERENCE_FILES = {
  fiscalTiers: 'fiscal_tiers_2018.csv',
  population: 'population_2020_census.csv',
  nationalStandards: 'national_standards_by_year.csv',
} as const;

/** 国办发〔2018〕6号: the central share of the tier-split items in each of the five tiers. */
export const TIER_CENTRAL_SHARE_PCT: Readonly<Record<number, string>> = { 1: '80', 2: '60', 3: '50', 4: '30', 5: '10' };

const INTEGER = /^\d+$/u;
const DECIMAL = /^\d+(?:\.\d+)?$/u;
const DECIMAL_LIST = /^\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)+$/u;
const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'county'];

/** One data row: its line in the file and checked access to its cells. */
class Row {
  constructor(
    private readonly fileName: string,
    readonly line: number,
    private readonly cells: Map<string, string>,
  ) {}

  fail(column: string, problem: string): never {
    throw new Error(`${this.fileName} 第${this.line}行“${column}”列：${problem}`);
  }

  text(column: string): string {
    const value = this.optional(column);
    return value ?? this.fail(column, '不能为空');
  }

  optional(column: string): string | null {
    const value = this.cells.get(column);
    if (value === undefined) return this.fail(column, '该行缺少这一列');
    return value === '' ? null : value;
  }

  integer(column: string): number {
    const value = this.text(column);
    if (!INTEGER.test(value)) this.fail(column, `“${value}”不是整数`);
    const n = Number(value);
    if (!Number.isSafeInteger(n)) this.fail(column, `“${value}”超出整数范围`);
    return n;
  }

  decimal(column: string): string {
    const value = this.text(column);
    return DECIMAL.test(value) ? value : this.fail(column, `“${value}”不是数字`);
  }

  optionalDecimal(column: string): string | null {
    const value = this.optional(column);
    if (value === null || DECIMAL.test(value)) return value;
    return this.fail(column, `“${value}”不是数字`);
  }

  code(column: string): string {
    const value = this.text(column);
    return INTEGER.test(value) ? value : this.fail(column, `“${value}”不是行政区划代码（应为数字）`);
  }

  status(column: string): ProvenanceStatus {
    const value = this.text(column);
    const known = PROVENANCE_STATUSES.find((s) => s === value);
    return known ?? this.fail(column, `“${value}”不是已知的状态（应为${PROVENANCE_STATUSES.join('、')}之一）`);
  }
}

interface ParseInfo {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/** Parse a CSV whose header must be exactly `columns` (in any order), one Row per data record. */
function readTable(csv: string, fileName: string, columns: readonly string[]): Row[] {
  let records: ParseInfo[];
  try {
    records = parse(csv, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as ParseInfo[];
  } catch (error) {
    const detail = error as { lines?: number; message?: string };
    throw new Error(`${fileName} 第${detail.lines ?? '?'}行：CSV 格式错误（${detail.message ?? String(error)}）`, { cause: error });
  }
  const [header, ...data] = records;
  if (!header) throw new Error(`${fileName}：文件为空，缺少表头`);
  const names = header.record;
  for (const column of columns) {
    if (!names.includes(column)) throw new Error(`${fileName} 第1行：缺少“${column}”列`);
  }
  const unknown = names.find((n) => !columns.includes(n));
  if (unknown !== undefined) throw new Error(`${fileName} 第1行：未知的列“${unknown}”`);

  // info.lines is where a record ends; a quoted cell may span lines, so the start is one past the previous end
  // (plus any blank lines skipped in between).
  let previousEnd = header.info.lines;
  let previousEmpty = header.info.empty_lines;
  return data.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    if (record.length > names.length) {
      throw new Error(`${fileName} 第${line}行：有${record.length}列，表头只有${names.length}列`);
    }
    const cells = new Map<string, string>();
    record.forEach((value, i) => cells.set(names[i]!, value));
    return new Row(fileName, line, cells);
  });
}

export function parseFiscalTiers(csv: string, fileName: string = REFERENCE_FILES.fiscalTiers): FiscalTier[] {
  const rows = readTable(csv, fileName, ['province_code', 'province', 'tier', 'central_share_pct', 'source', 'status']);
  return rows.map((row) => {
    const tier = row.integer('tier');
    const expected = TIER_CENTRAL_SHARE_PCT[tier];
    if (expected === undefined) row.fail('tier', `“${tier}”不是1至5档之一`);
    const centralSharePct = row.decimal('central_share_pct');
    if (Number(centralSharePct) !== Number(expected)) {
      row.fail('central_share_pct', `第${tier}档的中央分担比例应为${expected}，实为“${centralSharePct}”`);
    }
    return {
      provinceCode: row.code('province_code'),
      province: row.text('province'),
      tier,
      centralSharePct,
      source: row.text('source'),
      status: row.status('status'),
    };
  });
}

export function parsePopulation(csv: string, fileName: string = REFERENCE_FILES.population): PopulationRow[] {
  const rows = readTable(csv, fileName, [
    'region_code', 'region', 'parent_code', 'level', 'population',
    'share_0_14_pct', 'share_15_59_pct', 'share_60_plus_pct', 'share_65_plus_pct', 'source', 'status',
  ]);
  const result = rows.map((row) => {
    const level = row.text('level');
    const knownLevel = REGION_LEVELS.find((l) => l === level) ?? row.fail('level', `“${level}”不是已知的层级（province、city、county）`);
    const parentCode = row.optional('parent_code');
    if (parentCode !== null && !INTEGER.test(parentCode)) row.fail('parent_code', `“${parentCode}”不是行政区划代码（应为数字）`);
    if ((knownLevel === 'province') !== (parentCode === null)) {
      row.fail('parent_code', knownLevel === 'province' ? '省级行应为空' : '非省级行不能为空');
    }
    return {
      regionCode: row.code('region_code'),
      region: row.text('region'),
      parentCode,
      level: knownLevel,
      population: row.integer('population'),
      share0to14Pct: row.optionalDecimal('share_0_14_pct'),
      share15to59Pct: row.optionalDecimal('share_15_59_pct'),
      share60PlusPct: row.optionalDecimal('share_60_plus_pct'),
      share65PlusPct: row.optionalDecimal('share_65_plus_pct'),
      source: row.text('source'),
      status: row.status('status'),
    };
  });
  const codes = new Set<string>();
  result.forEach((r, i) => {
    const row = rows[i]!;
    if (codes.has(r.regionCode)) row.fail('region_code', `“${r.regionCode}”重复`);
    codes.add(r.regionCode);
  });
  result.forEach((r, i) => {
    if (r.parentCode !== null && !codes.has(r.parentCode)) rows[i]!.fail('parent_code', `“${r.parentCode}”在本文件中不存在`);
  });
  return result;
}

export function parseNationalStandards(csv: string, fileName: string = REFERENCE_FILES.nationalStandards): NationalStandard[] {
  const rows = readTable(csv, fileName, ['standard', 'unit', 'year', 'amount', 'source', 'status']);
  return rows.map((row) => {
    const year = row.integer('year');
    const amountText = row.text('amount');
    // "340/170" is an urban/rural pair: kept as published, with no single amount.
    if (!DECIMAL.test(amountText) && !DECIMAL_LIST.test(amountText)) {
      row.fail('amount', `“${amountText}”不是金额（应为一个数，或以“/”分隔的几个数）`);
    }
    return {
      standard: row.text('standard'),
      unit: row.text('unit'),
      year,
      amountText,
      amount: DECIMAL.test(amountText) ? amountText : null,
      source: row.text('source'),
      status: row.status('status'),
    };
  });
}
