// Split rules as stored: a rule and its rows, written whole (a rule is checked as a whole: its rows
// together must give every region four shares that sum to the cost).
import { ruleProblems, TIER } from '../../shared/domain/pricing/split-rules';
import type { SplitRule } from '../../shared/domain/pricing/split-rules';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import type { PlainRow } from '../db/plain-values';
import { plainDecimal } from '../../shared/domain/pricing/decimal';
import { rebuildOneRuleTerms } from './rule-terms';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

export async function saveRule(tx: Tx, rule: SplitRule): Promise<void> {
  const problems = ruleProblems(rule);
  if (problems.length) throw new AppError('refused', `分担规则没有保存：${problems.join('；')}。`);
  await tx.run('DELETE FROM split_rule_rows WHERE rule_id = $1', [rule.id]);
  await tx.run('DELETE FROM split_rules WHERE id = $1', [rule.id]);
  await tx.run('INSERT INTO split_rules VALUES ($1, $2, $3, $4, $5, $6)', [rule.id, rule.name, rule.provinceCode, rule.source, rule.status, rule.note]);
  for (const [index, r] of rule.rows.entries()) {
    const byTier = r.centralPct === TIER;
    await tx.run(
      `INSERT INTO split_rule_rows VALUES ($1, $2, $3, $4, CAST($5 AS DECIMAL(9,4)), $6, CAST($7 AS DECIMAL(12,4)), CAST($8 AS DECIMAL(12,4)), CAST($9 AS DECIMAL(12,4)))`,
      [rule.id, index + 1, r.countyClass, r.grade, byTier ? null : r.centralPct, byTier, r.provincial, r.city, r.county],
    );
  }
  await rebuildOneRuleTerms(tx, rule.id);
}

function toRule(rule: PlainRow, rows: PlainRow[]): SplitRule {
  return {
    id: String(rule.id),
    name: String(rule.name),
    provinceCode: rule.province_code === null ? null : String(rule.province_code),
    source: String(rule.source),
    status: String(rule.status) as SplitRule['status'],
    note: rule.note === null ? null : String(rule.note),
    rows: rows
      .filter((r) => r.rule_id === rule.id)
      .map((r) => ({
        countyClass: r.county_class === null ? null : (String(r.county_class) as SplitRule['rows'][number]['countyClass']),
        grade: r.grade === null ? null : Number(r.grade),
        centralPct: r.central_by_tier ? TIER : plainDecimal(String(r.central_pct)),
        provincial: plainDecimal(String(r.provincial)),
        city: plainDecimal(String(r.city)),
        county: plainDecimal(String(r.county)),
      })),
  };
}

export async function listRules(db: Reader): Promise<SplitRule[]> {
  const rules = await db.all('SELECT * FROM split_rules ORDER BY province_code NULLS FIRST, id');
  const rows = await db.all('SELECT * FROM split_rule_rows ORDER BY rule_id, seq');
  return rules.map((r) => toRule(r, rows));
}

export async function getRule(db: Reader, id: string): Promise<SplitRule | null> {
  const [rule] = await db.all('SELECT * FROM split_rules WHERE id = $1', [id]);
  if (!rule) return null;
  return toRule(rule, await db.all('SELECT * FROM split_rule_rows WHERE rule_id = $1 ORDER BY seq', [id]));
}

/** A province's tier under 国办发〔2018〕6号, as the reference table gives it; null for none (a national catalogue). */
export async function provinceTier(db: Reader, provinceCode: string | null): Promise<number | null> {
  if (provinceCode === null) return null;
  const [row] = await db.all('SELECT tier FROM ref_fiscal_tiers WHERE province_code = $1', [provinceCode]);
  return row ? Number(row.tier) : null;
}
