// Regions (行政区) as the split rules see them: province → city → county, each county with a class and a
// fiscal-difficulty grade. Codes are the 6-digit GB/T 2260 codes; a province's code is its first two digits.

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { province: '省', city: '市', county: '县' };

/** The county classes the provincial rules distinguish. A 省直管县's city pays nothing for it. */
export const COUNTY_CLASSES = ['市辖区', '市管县', '省直管县'] as const;
export type CountyClass = (typeof COUNTY_CLASSES)[number];
export const DIRECT_COUNTY: CountyClass = '省直管县';

export const REGION_CODE = /^\d{6}$/u;

/** 130102 → 130000: the province a region belongs to, whose tier sets the central share. */
export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** The province of a catalogue of region `regionCode`: its rules apply; null for a national catalogue. */
export function catalogueProvince(regionCode: string | null): string | null {
  return regionCode === null ? null : provinceCodeOf(regionCode);
}

/** Accepts the class as planners write it (with or without 类, a few common synonyms). */
export function parseCountyClass(text: string): CountyClass | null {
  const t = text.trim().replace(/类$/u, '');
  if ((COUNTY_CLASSES as readonly string[]).includes(t)) return t as CountyClass;
  if (t === '区' || t === '市辖区县') return '市辖区';
  if (t === '县' || t === '县（市）' || t === '县(市)' || t === '市辖县') return '市管县';
  if (t === '省直管' || t === '省直管县（市）' || t === '省直管县(市)' || t === '省直管县级市') return '省直管县';
  return null;
}

export function parseRegionLevel(text: string): RegionLevel | null {
  const t = text.trim();
  if ((REGION_LEVELS as readonly string[]).includes(t)) return t as RegionLevel;
  const byLabel: Record<string, RegionLevel> = { 省: 'province', 省级: 'province', 市: 'city', 市级: 'city', 县: 'county', 县级: 'county' };
  return byLabel[t] ?? null;
}

/** 0–3岁, 0—3岁 and 0~3岁 are one cohort: dashes and tildes between figures become "-", spaces go. */
export function normaliseCohort(text: string): string {
  return text.trim().replace(/\s+/gu, '').replace(/(\d)[‐‑‒–—―－~～至](\d)/gu, '$1-$2');
}

/** Cohorts in the order a planner reads them: by their figures as numbers (0-14岁, 15-59岁, 100岁及以上), then by name. */
export function compareCohorts(a: string, b: string): number {
  return a.localeCompare(b, 'zh-Hans-CN', { numeric: true });
}

/** The cohort every region has: the resident population. */
export const RESIDENTS = '常住人口';
