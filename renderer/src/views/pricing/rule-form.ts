// The rule form's rows as typed, and their conversion to the rule the contract carries.
import { COUNTY_CLASSES } from '../../../../shared/domain/pricing/regions';
import type { CountyClass } from '../../../../shared/domain/pricing/regions';
import { TIER } from '../../../../shared/domain/pricing/split-rules';
import type { SplitRule, SplitRuleRow } from '../../../../shared/domain/pricing/split-rules';

export interface FormRow {
  countyClass: string;
  grade: string;
  byTier: boolean;
  centralPct: string;
  provincial: string;
  city: string;
  county: string;
}

export interface RuleDraft {
  id: string | null;
  name: string;
  provinceCode: string;
  note: string;
  rows: FormRow[];
}

export const EMPTY_ROW: FormRow = { countyClass: '', grade: '', byTier: true, centralPct: '', provincial: '1', city: '1', county: '1' };

export function draftOf(rule: SplitRule | null, provinceCode: string | null, copy = false): RuleDraft {
  if (!rule) return { id: null, name: '', provinceCode: provinceCode ?? '', note: '', rows: [{ ...EMPTY_ROW }] };
  return {
    id: copy ? null : rule.id,
    name: copy ? `${rule.name}（本省）` : rule.name,
    // A rule edited keeps the provinces it serves (a shared one stays shared); a copy is the catalogue's province's own.
    provinceCode: (copy ? (provinceCode ?? rule.provinceCode) : rule.provinceCode) ?? '',
    note: rule.note ?? '',
    rows: rule.rows.map((r) => ({
      countyClass: r.countyClass ?? '',
      grade: r.grade === null ? '' : String(r.grade),
      byTier: r.centralPct === TIER,
      centralPct: r.centralPct === TIER ? '' : r.centralPct,
      provincial: r.provincial,
      city: r.city,
      county: r.county,
    })),
  };
}

export function rowsOf(draft: RuleDraft): SplitRuleRow[] {
  return draft.rows.map((r) => ({
    countyClass: (COUNTY_CLASSES as readonly string[]).includes(r.countyClass) ? (r.countyClass as CountyClass) : null,
    grade: r.grade.trim() === '' ? null : Number(r.grade),
    centralPct: r.byTier ? TIER : r.centralPct.trim().replace(/[%％]$/u, ''),
    provincial: r.provincial.trim(),
    city: r.city.trim(),
    county: r.county.trim(),
  }));
}
