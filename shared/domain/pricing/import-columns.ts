// The columns of the tables a finance bureau hands in. Their names are fixed (the command line and scripts
// use them, as the issue specifies); a header written in the Chinese labels (区划代码,名称,…), as a planner
// writes it, is read as the fixed names, and the messages about such a file name its columns as it does.
export const IMPORT_COLUMN_LABELS: Record<string, string> = {
  region_code: '区划代码',
  region: '名称',
  parent_code: '上级代码',
  level: '层级',
  class: '类别',
  grade: '等级',
  growth_pct: '人口年增长率（%）',
  cohort: '人群',
  year: '年度',
  value: '人数',
  base_cohort: '基数人群',
  share_pct: '比例（%）',
  rule: '规则名称',
  central_pct: '中央分担：百分数，或“按档”',
  provincial: '省级权重',
  city: '市级权重',
  county: '县级权重',
  item_no: '序号',
  item: '服务项目',
  coverage: '覆盖率',
  unit_amount: '补助标准',
  unit: '单位',
  periods_per_year: '每年期数',
  base_year: '标准年份',
  yearly_change: '每年增减',
  split_rule: '分担规则',
  province: '适用省份',
};

/** Where a table's label for a column differs: a drivers file names its cohort as the 测算 grid does. */
const KIND_LABELS: Partial<Record<ImportKind, Record<string, string>>> = { drivers: { cohort: '服务人群' } };

/** Each table's columns, in the order its header is written (any order is read). */
export const IMPORT_COLUMNS = {
  regions: ['region_code', 'region', 'parent_code', 'level', 'class', 'grade'],
  population: ['region_code', 'cohort', 'year', 'value'],
  shares: ['region_code', 'cohort', 'base_cohort', 'share_pct'],
  rules: ['rule', 'class', 'grade', 'central_pct', 'provincial', 'city', 'county'],
  drivers: ['item_no', 'cohort', 'coverage', 'unit_amount', 'unit', 'periods_per_year', 'base_year', 'yearly_change', 'split_rule'],
} as const;
export type ImportKind = keyof typeof IMPORT_COLUMNS;

/**
 * Columns a file may have beside those: a drivers file's 服务项目 (the sheet 下载参数表 gives has it), which
 * is checked against the item its 序号 names.
 */
export const OPTIONAL_IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = { regions: ['growth_pct'], population: [], shares: [], rules: ['province'], drivers: ['item'] };

/** How a file's header names its columns: by their Chinese labels (a planner's file) or fixed names (a script's). */
export type HeaderNames = 'labels' | 'fixed';

/** A header is in the labels when any of its cells is written in Chinese. */
export function headerNames(cells: readonly string[]): HeaderNames {
  return cells.some((cell) => /\p{Script=Han}/u.test(cell)) ? 'labels' : 'fixed';
}

/** A column's label as a header writes it: 区划代码, 中央分担; in a drivers file 服务人群. */
export function columnLabel(column: string, kind?: ImportKind): string {
  return ((kind && KIND_LABELS[kind]?.[column]) ?? IMPORT_COLUMN_LABELS[column] ?? column).split('：')[0]!;
}

/** A column as a message names it, in the header's own terms: 覆盖率, or coverage（覆盖率） for a script's file. */
export function columnName(column: string, names: HeaderNames = 'fixed', kind?: ImportKind): string {
  const label = (kind && KIND_LABELS[kind]?.[column]) ?? IMPORT_COLUMN_LABELS[column];
  if (!label) return column;
  return names === 'labels' ? columnLabel(column, kind) : `${column}（${label}）`;
}

/**
 * The fixed name a header cell stands for: the name itself, its Chinese label (any table's: 人群 and 服务人群
 * alike, or the label's part before "：", 中央分担), or both as columnName writes them; anything else as it is
 * (the header check names it).
 */
export function fixedColumnName(cell: string): string {
  const text = cell.trim();
  const labels = [...Object.entries(IMPORT_COLUMN_LABELS), ...Object.values(KIND_LABELS).flatMap((l) => Object.entries(l))];
  for (const [name, label] of labels) {
    if (text === name || text === label || text === label.split(/[：（]/u)[0] || text === `${name}（${label}）`) return name;
  }
  return text;
}

/**
 * The columns that hold figures or codes. An input method types them full-width (１２３．５％); the checks of
 * codes, years and counts read ASCII digits, so these cells are read in their NFKC form, as the grid reads a
 * figure typed in it.
 */
export const FIGURE_COLUMNS: ReadonlySet<string> = new Set([
  'region_code', 'parent_code', 'grade', 'growth_pct', 'year', 'value', 'share_pct', 'central_pct', 'provincial', 'city', 'county',
  'item_no', 'coverage', 'unit_amount', 'periods_per_year', 'base_year', 'yearly_change', 'province',
]);
