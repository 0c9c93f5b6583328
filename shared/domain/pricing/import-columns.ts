// The columns of the tables a finance bureau hands in. Their names are fixed (the command line and scripts
// use them, as the issue specifies); the planner reads each with its Chinese label beside it, and a header
// written in those labels (区划代码,名称,…) is read as the fixed names.
export const IMPORT_COLUMN_LABELS: Record<string, string> = {
  region_code: '区划代码',
  region: '名称',
  parent_code: '上级代码',
  level: '层级',
  class: '类别',
  grade: '等级',
  cohort: '人群',
  year: '年度',
  value: '人数',
  base_cohort: '基数人群',
  share_pct: '比例（%）',
  rule: '规则名称',
  central_pct: '中央分担：百分数，或 tier／按档',
  provincial: '省级权重',
  city: '市级权重',
  county: '县级权重',
  item_no: '序号',
  coverage: '覆盖率',
  unit_amount: '补助标准',
  unit: '单位',
  periods_per_year: '每年期数',
  base_year: '标准年份',
  yearly_change: '每年增减',
  split_rule: '分担规则',
};

/** A column as a message names it: its fixed name with the label, e.g. coverage（覆盖率）. */
export function columnName(column: string): string {
  const label = IMPORT_COLUMN_LABELS[column];
  return label ? `${column}（${label}）` : column;
}

/**
 * The fixed name a header cell stands for: the name itself, its Chinese label (or the label's part before
 * "：", 中央分担), or both as columnName writes them; anything else as it is (the header check names it).
 */
export function fixedColumnName(cell: string): string {
  const text = cell.trim();
  for (const [name, label] of Object.entries(IMPORT_COLUMN_LABELS)) {
    if (text === name || text === label || text === label.split(/[：（]/u)[0] || text === `${name}（${label}）`) return name;
  }
  return text;
}
