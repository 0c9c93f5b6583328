// A national-scale pricing model for the bench, the same every run: 31 provinces, about 2,850 counties
// (92 per province, in 8 cities), 100 items, 20 cohorts, 5 years, every rule shape (fixed central share,
// tier, classes and grades). Written straight into the tables the product prices from.
import type { Tx } from '../../../electron/db/database';

export const SYNTHETIC = {
  provinces: 31,
  citiesPerProvince: 8,
  countiesPerCity: 11.5,
  items: 100,
  cohorts: 20,
  fromYear: 2026,
  toYear: 2030,
  catalogueId: 'bench-national',
} as const;

const CLASSES = ['市辖区', '市管县', '省直管县'];

/** Deterministic pseudo-random integers (a small LCG), so every run prices the same model. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

export interface SyntheticCounts {
  counties: number;
  items: number;
  costLines: number;
}

export async function writeSyntheticModel(tx: Tx): Promise<SyntheticCounts> {
  const rand = generator(20260101);
  const tiers = await tx.all('SELECT province_code FROM ref_fiscal_tiers ORDER BY province_code');
  const regions: string[] = [];
  const population: string[] = [];
  let counties = 0;
  for (const [p, t] of tiers.slice(0, SYNTHETIC.provinces).entries()) {
    // Each synthetic province sits under a real province's prefix, so its tier is found from its code.
    const code = String(t.province_code);
    regions.push(`('${code.slice(0, 2)}9999', '合成省${p}', NULL, 'province', NULL, NULL)`);
    for (let c = 0; c < SYNTHETIC.citiesPerProvince; c += 1) {
      const city = `${code.slice(0, 2)}${String(c + 50).padStart(2, '0')}00`;
      regions.push(`('${city}', '合成市${p}-${c}', '${code.slice(0, 2)}9999', 'city', NULL, NULL)`);
      const n = c % 2 === 0 ? 11 : 12;
      for (let x = 0; x < n; x += 1) {
        const county = `${city.slice(0, 4)}${String(x + 1).padStart(2, '0')}`;
        regions.push(`('${county}', '合成县${p}-${c}-${x}', '${city}', 'county', '${CLASSES[rand(3)]}', ${1 + rand(4)})`);
        const residents = 50_000 + rand(1_500_000);
        population.push(`('${county}', '常住人口', 2020, ${residents})`);
        for (let k = 1; k < SYNTHETIC.cohorts; k += 1) population.push(`('${county}', '人群${k}', 2024, ${Math.floor((residents * (5 + rand(20))) / 100)})`);
        counties += 1;
      }
    }
  }
  await tx.run('DELETE FROM population');
  await tx.run('DELETE FROM cohort_shares');
  await tx.run('DELETE FROM regions');
  for (let i = 0; i < regions.length; i += 2000) {
    await tx.run(`INSERT INTO regions SELECT *, 1.5, '合成', 'sourced' FROM (VALUES ${regions.slice(i, i + 2000).join(', ')})`);
  }
  for (let i = 0; i < population.length; i += 5000) {
    await tx.run(`INSERT INTO population SELECT *, '合成', 'sourced' FROM (VALUES ${population.slice(i, i + 5000).join(', ')})`);
  }
  await tx.run(`INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, annex_label, annex_title,
     label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead)
     VALUES ('${SYNTHETIC.catalogueId}', '合成全国清单', NULL, '全国', '十五五', 2026, 2030, 'draft', '附件', '合成', '序号', '服务项目', '服务对象', '服务标准', '支出责任', '牵头负责单位')`);
  await tx.run(`INSERT INTO domains VALUES ('${SYNTHETIC.catalogueId}', 1, '合成领域', NULL)`);
  const rules = ['central-100', 'tier-shared', 'central-60-local', 'local-city-county', 'hebei-compulsory-education', 'henan-graded'];
  for (let i = 1; i <= SYNTHETIC.items; i += 1) {
    const id = `${SYNTHETIC.catalogueId}:${String(i).padStart(3, '0')}`;
    await tx.run(`INSERT INTO items (id, catalogue_id, domain_seq, position, name) VALUES ('${id}', '${SYNTHETIC.catalogueId}', 1, ${i * 1000}, '合成项目${i}')`);
    const monthly = i % 5 === 0;
    await tx.run(
      `INSERT INTO item_drivers (item_id, cohort, coverage, unit_amount, unit, periods_per_year, base_year, yearly_change, split_rule_id, central_pct)
       VALUES ('${id}', '${i % SYNTHETIC.cohorts === 0 ? '常住人口' : `人群${i % SYNTHETIC.cohorts}`}', ${(50 + rand(50)) / 100}, ${10 + rand(2000)}.${rand(100)},
               '${monthly ? '元/人/月' : '元/人/年'}', ${monthly ? 12 : 1}, 2025, ${rand(10)}, '${rules[i % rules.length]}', ${i % 17 === 0 ? 35 : 'NULL'})`,
    );
  }
  return { counties, items: SYNTHETIC.items, costLines: counties * SYNTHETIC.items * (SYNTHETIC.toYear - SYNTHETIC.fromYear + 1) };
}
