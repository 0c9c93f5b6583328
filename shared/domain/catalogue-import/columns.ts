// Column headings as the annexes of different provinces and years print them (annex_format.md), and the
// `dump` CSV's own names, mapped to the field each fills.
import type { ImportField } from './types';

/** Longest first is not needed: a heading is matched whole, after normalising. */
const VARIANTS: Record<ImportField, readonly string[]> = {
  itemNo: ['序号', '编号', '项目序号', '项目编号', 'item_no'],
  domain: ['领域', '服务领域', '所属领域', 'domain'],
  category: ['类别', '服务类别', '分类', '类型', 'category'],
  name: ['服务项目', '项目名称', '服务项目名称', '项目', 'item'],
  targetGroup: ['服务对象', '对象', 'target_group'],
  content: ['服务内容', '内容', 'content'],
  standard: [
    '服务指导标准', '服务标准', '服务内容和保障标准', '服务内容及保障标准', '服务内容和标准', '服务内容及标准',
    '保障标准', '指导标准', '标准', 'standard',
  ],
  fundingResponsibility: ['支出责任', '支出责任及分担方式', '支出责任和分担方式', '筹资责任', 'funding_responsibility'],
  leadDepartment: [
    '牵头负责单位', '牵头负责部门', '责任单位', '牵头单位', '负责单位', '责任部门', '牵头部门', '主管部门',
    'lead_department',
  ],
  note: ['备注', '说明', 'note'],
};

/** The dump CSV's driver columns: read past without a problem (the drafts get their drivers in the 测算 view). */
export const DUMP_DRIVER_COLUMNS = [
  'cohort', 'coverage', 'unit_amount', 'unit', 'periods_per_year', 'base_year', 'yearly_change', 'split_rule', 'central_pct',
] as const;

/** The dump CSV's own column names as a planner reads them (the names are the command line's, in English). */
const DUMP_LABELS: Record<string, string> = {
  item_no: '序号', domain: '领域', category: '类别', item: '服务项目', target_group: '服务对象', content: '服务内容',
  standard: '服务标准', funding_responsibility: '支出责任', lead_department: '牵头负责单位', note: '备注',
  cohort: '服务人群', coverage: '覆盖率', unit_amount: '补助标准', unit: '单位', periods_per_year: '每年期数', base_year: '标准年份',
  yearly_change: '每年增减', split_rule: '分担规则', central_pct: '中央分担',
};

/** A column's heading as messages and the preview name it: a dump column by its Chinese name, any other as written. */
export function shownHeading(text: string): string {
  return DUMP_LABELS[text.trim()] ?? text;
}

/** "序  号", "服务\n对象", "服务（指导）标准", "牵头负责单位 " all read as the same heading. */
export function normaliseHeading(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[（(]指导[）)]/gu, '指导')
    .replace(/[（(][^）)]*[）)]$/u, '')
    .replace(/[:：*＊]/gu, '')
    .toLowerCase();
}

const LOOKUP = new Map<string, ImportField>(
  Object.entries(VARIANTS).flatMap(([field, names]) => names.map((n) => [normaliseHeading(n), field as ImportField])),
);

export function fieldOfHeading(text: string): ImportField | null {
  return LOOKUP.get(normaliseHeading(text)) ?? null;
}

/** A1-style letter of a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface HeaderMatch {
  /** Index of the header row among the rows given. */
  index: number;
  /** Field of each column (null: not recognised). */
  fields: (ImportField | null)[];
  /** The headings as printed, per column. */
  labels: string[];
  /** Columns whose field is already filled by an earlier column. */
  duplicates: number[];
}

/**
 * The header row: the first row (within `limit`) naming the item column and at least two more of the
 * catalogue's columns. A title, an 附件 label or blank rows may come before it.
 */
export function findHeader(rows: readonly (readonly string[])[], limit = 15): HeaderMatch | null {
  for (let index = 0; index < Math.min(rows.length, limit); index += 1) {
    const labels = rows[index]!.map((c) => c.trim());
    const fields = labels.map((l) => (l === '' ? null : fieldOfHeading(l)));
    const known = new Set(fields.filter((f): f is ImportField => f !== null));
    const catalogueColumns = ['targetGroup', 'content', 'standard', 'fundingResponsibility', 'leadDepartment'] as const;
    if (!known.has('name') || catalogueColumns.filter((f) => known.has(f)).length < 2) continue;
    const seen = new Set<ImportField>();
    const duplicates: number[] = [];
    fields.forEach((f, i) => {
      if (f === null) return;
      if (seen.has(f)) {
        duplicates.push(i);
        fields[i] = null;
      } else seen.add(f);
    });
    return { index, fields, labels, duplicates };
  }
  return null;
}

/** Whether a row repeats the header (a header on every printed page), allowing for spacing differences. */
export function isRepeatedHeader(cells: readonly string[], header: HeaderMatch): boolean {
  let matched = 0;
  for (let i = 0; i < header.labels.length; i += 1) {
    const label = header.labels[i]!;
    const cell = (cells[i] ?? '').trim();
    if (label === '' && cell === '') continue;
    if (normaliseHeading(cell) !== normaliseHeading(label)) return false;
    matched += 1;
  }
  return matched > 0;
}
