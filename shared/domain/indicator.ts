// Plan indicator tables (主要指标) mix numbers, percentages, comparators and words ("应保尽保", "——"),
// and footnote marks (*, **, ***) that change what a figure means. Keep the raw text; parse beside it.

export type Comparator = '>' | '<' | '≥' | '≤';

export interface IndicatorValue {
  raw: string;
  /** The number as a decimal string, or null when the cell is a word or a dash. */
  value: string | null;
  comparator: Comparator | null;
  percent: boolean;
  /** Footnote marks attached to the figure, e.g. "**". */
  marks: string;
}

const DASHES = /^[—–\-－]+$/u;

export function parseIndicatorValue(raw: string): IndicatorValue {
  const text = raw.replace(/\s+/gu, '');
  const result: IndicatorValue = { raw: raw.trim(), value: null, comparator: null, percent: false, marks: '' };
  if (text === '' || DASHES.test(text)) return result;
  const m = /^([><≥≤]|>=|<=)?(\d+(?:\.\d+)?)(%)?(以上|以下)?(\*+)?$/u.exec(text);
  if (!m) return result;
  let comparator = (m[1] ?? null) as string | null;
  if (comparator === '>=') comparator = '≥';
  if (comparator === '<=') comparator = '≤';
  if (!comparator && m[4] === '以上') comparator = '≥';
  if (!comparator && m[4] === '以下') comparator = '≤';
  result.value = m[2]!;
  result.comparator = comparator as Comparator | null;
  result.percent = m[3] === '%';
  result.marks = m[5] ?? '';
  return result;
}

export interface PlanIndicator {
  documentId: string;
  seq: number;
  category: string;
  name: string;
  /** Footnote marks on the indicator's name (the 十四五 table marks names with * and ***). */
  nameMarks: string;
  baselineYear: number;
  baseline: IndicatorValue;
  targetYear: number;
  target: IndicatorValue;
  /** 约束性 or 预期性, where the table has the column. */
  attribute: string | null;
}
