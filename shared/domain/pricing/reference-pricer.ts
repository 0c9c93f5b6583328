// The pricing arithmetic in plain TypeScript: the reference the SQL model is checked against in property
// tests, and the "plain JavaScript loops" the bench compares it with. Same integers, same rounding.
import { SCALE, roundDiv, toScaled } from './decimal';
import { amountFenInYear, driverUnit } from './drivers';
import type { ItemDriver } from './drivers';
import type { CountyClass } from './regions';
import { TIER, chooseRow, scaledWeights, splitFen } from './split-rules';
import type { SplitRule } from './split-rules';

export interface LeafInput {
  code: string;
  provinceCode: string;
  countyClass: CountyClass | null;
  grade: number | null;
}

export interface PricedLine {
  itemId: string;
  regionCode: string;
  year: number;
  beneficiaries: bigint | null;
  costFen: bigint;
  centralFen: bigint;
  provincialFen: bigint;
  cityFen: bigint;
  countyFen: bigint;
}

export interface PricingInput {
  leaves: LeafInput[];
  /** Resolved population: `${region}|${cohort}|${year}` → persons. */
  population: Map<string, bigint>;
  drivers: ItemDriver[];
  rules: Map<string, SplitRule>;
  /** Central percent of each province's tier. */
  tierPct: Map<string, string>;
  years: number[];
}

export function priceInMemory(input: PricingInput): PricedLine[] {
  const out: PricedLine[] = [];
  const million = 10n ** BigInt(SCALE.coverage);
  for (const d of input.drivers) {
    const unit = driverUnit(d.unit);
    const rule = d.splitRuleId ? input.rules.get(d.splitRuleId) : undefined;
    if (!unit || !rule || d.unitAmount === null) continue;
    const perRegion = unit.basis === 'per_region';
    if (!perRegion && (d.cohort === null || d.coverage === null)) continue;
    const coverage = perRegion ? 0n : (toScaled(d.coverage!, SCALE.coverage) ?? 0n);
    const periods = toScaled(d.periodsPerYear ?? unit.periods, SCALE.periods) ?? 0n;
    const manual = d.centralPct === null ? null : (toScaled(d.centralPct, SCALE.percent) ?? 0n);
    for (const leaf of input.leaves) {
      const row = chooseRow(rule.rows, leaf.countyClass, leaf.grade);
      if (!row) continue;
      const centralText = row.centralPct === TIER ? input.tierPct.get(leaf.provinceCode) : row.centralPct;
      const central = manual ?? (centralText === undefined ? null : toScaled(centralText, SCALE.percent));
      if (central === null) continue;
      const weights = scaledWeights(row);
      for (const year of input.years) {
        let beneficiaries: bigint | null = null;
        if (!perRegion) {
          const people = input.population.get(`${leaf.code}|${d.cohort}|${year}`);
          if (people === undefined) continue;
          beneficiaries = roundDiv(people * coverage, million);
        }
        const amount = amountFenInYear(d, year);
        if (amount < 0n) continue;
        const costFen = roundDiv((beneficiaries ?? 1n) * amount * periods, 100n);
        const shares = splitFen(costFen, central, weights, leaf.countyClass);
        out.push({
          itemId: d.itemId,
          regionCode: leaf.code,
          year,
          beneficiaries,
          costFen,
          centralFen: shares.central,
          provincialFen: shares.provincial,
          cityFen: shares.city,
          countyFen: shares.county,
        });
      }
    }
  }
  return out;
}
