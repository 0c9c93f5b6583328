// An indicator table being drafted for a new plan (十五五: baseline 2025, target 2030), started from a
// published one (十四五 专栏1) and edited cell by cell. Figures stay text, as the documents print them
// ("≥95%", "应保尽保", "——"); parseIndicatorValue reads them where a number is needed.

export interface IndicatorPlanSummary {
  id: string;
  title: string;
  period: string;
  baselineYear: number;
  targetYear: number;
  /** A published table from a seed document (read-only), or a draft of the user's. */
  source: 'document' | 'draft';
}

export const INDICATOR_FIELDS = ['category', 'name', 'baseline', 'target', 'attribute'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export const INDICATOR_FIELD_LABELS: Record<IndicatorField, string> = {
  category: '类别',
  name: '指标',
  baseline: '基期值',
  target: '目标值',
  attribute: '属性',
};

export interface IndicatorPlanRow {
  seq: number;
  category: string;
  name: string;
  baseline: string | null;
  target: string | null;
  /** 约束性 or 预期性. */
  attribute: string | null;
}

export interface IndicatorPlanTable {
  plan: IndicatorPlanSummary;
  rows: IndicatorPlanRow[];
  notes: string[];
}

/** The period after a given one: 十四五 → 十五五. */
export function nextPeriod(period: string): string {
  const numerals = ['十', '十一', '十二', '十三', '十四', '十五', '十六', '十七'];
  const m = /^(.+)五$/u.exec(period);
  const index = m ? numerals.indexOf(m[1]!) : -1;
  return index >= 0 && index + 1 < numerals.length ? `${numerals[index + 1]}五` : `${period}之后`;
}
