// The 测算 view's rows: each item with its drivers, what it still lacks, the suggestions read from its own
// words, and its sums over the years priced. After a driver edit, only the items it changed are read.
import { driverIsSet, driverUnit, missingDrivers } from '../../shared/domain/pricing/drivers';
import type { PricingItemRow, PricingItems } from '../../shared/domain/pricing/results';
import { suggestRule } from '../../shared/domain/pricing/suggest';
import { suggestItemDriver } from '../../shared/domain/pricing/national-standards';
import { listNationalStandards } from '../services/reference-queries';
import { catalogueProvince } from '../../shared/domain/pricing/regions';
import type { Database } from '../db/database';
import { getCatalogue } from '../services/catalogue-queries';
import { listDrivers, toDriver } from './drivers-store';
import { pricingYears } from './reprice';
import { listRules, provinceTier } from './rules';
import { knownCohorts } from './population';
import { SHARE_SUMS, populationGaps, qualityName, toShares } from './summary';

export async function pricingItems(db: Database, catalogueId: string, onlyItemIds?: string[]): Promise<PricingItems> {
  const detail = await getCatalogue(db, catalogueId);
  const wanted = onlyItemIds && new Set(onlyItemIds);
  const { fromYear, toYear } = await pricingYears(db, catalogueId);
  const drivers = await listDrivers(db, catalogueId);
  const only = onlyItemIds ? `AND item_id IN (${onlyItemIds.map((_, k) => `$${k + 3}`).join(', ') || 'NULL'})` : '';
  const sums = await db.all(
    `SELECT item_id, ${SHARE_SUMS}, max(quality) AS quality,
            CAST(sum(beneficiaries) FILTER (WHERE year = $2) AS VARCHAR) AS first_year
     FROM item_cost_lines WHERE catalogue_id = $1 ${only} GROUP BY item_id`,
    [catalogueId, fromYear, ...(onlyItemIds ?? [])],
  );
  const byItem = new Map(sums.map((r) => [String(r.item_id), r]));
  const rules = await listRules(db);
  const standards = await listNationalStandards(db);
  const provinceCode = catalogueProvince(detail.summary.regionCode);
  const tier = await provinceTier(db, provinceCode);
  const known = await knownCohorts(db);
  const cohorts = known.map((k) => k.cohort);
  const countedCohorts = known.filter((k) => k.counted).map((k) => k.cohort);
  const gaps = new Map((byItem.size ? await populationGaps(db, catalogueId, fromYear, toYear) : []).map((g) => [g.cohort, g.regions]));
  const items = detail.items
    .filter((i) => !wanted || wanted.has(i.id))
    .map((i): PricingItemRow => {
      const driver = drivers.get(i.id) ?? toDriver(i.id, undefined);
      const missing = missingDrivers(driver);
      const line = byItem.get(i.id);
      const isSet = driverIsSet(driver);
      return {
        itemId: i.id,
        itemNo: i.itemNo,
        domainSeq: i.domainSeq,
        name: i.name,
        targetGroup: i.targetGroup,
        standard: i.standard,
        fundingResponsibility: i.fundingResponsibility,
        driver,
        status: line ? 'priced' : isSet ? 'incomplete' : 'not_set',
        missing,
        suggestion: suggestItemDriver(i, standards, fromYear),
        ruleSuggestion: suggestRule(i.fundingResponsibility, { name: i.name, standard: i.standard, provinceCode, rules, tier }),
        beneficiaries: line?.first_year === null || line?.first_year === undefined ? null : String(line.first_year),
        totals: line ? toShares(line) : null,
        quality: line ? qualityName(line.quality) : null,
        gapRegions: line && driver.cohort !== null && driverUnit(driver.unit)?.basis !== 'per_region' ? (gaps.get(driver.cohort) ?? 0) : 0,
      };
    });
  const provinces = Object.fromEntries((await db.all('SELECT province_code, province FROM ref_fiscal_tiers')).map((r) => [String(r.province_code), String(r.province)]));
  return { catalogueId, fromYear, toYear, items, rules, provinceCode, cohorts, countedCohorts, provinces };
}
