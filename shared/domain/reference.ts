import type { ProvenanceStatus } from './provenance';

/** A row of 国办发〔2018〕6号's five tiers: the central share of the tier-split items for one province. */
export interface FiscalTier {
  provinceCode: string;
  province: string;
  tier: number;
  /** Percent, as a decimal string (DECIMAL in the database). */
  centralSharePct: string;
  source: string;
  status: ProvenanceStatus;
}

export type RegionLevel = 'province' | 'city' | 'county';

export interface PopulationRow {
  regionCode: string;
  region: string;
  parentCode: string | null;
  level: RegionLevel;
  population: number;
  share0to14Pct: string | null;
  share15to59Pct: string | null;
  share60PlusPct: string | null;
  share65PlusPct: string | null;
  source: string;
  status: ProvenanceStatus;
}

export interface NationalStandard {
  standard: string;
  unit: string;
  year: number;
  /** The figure as published ("340/170" for an urban/rural pair). */
  amountText: string;
  /** The amount as a decimal string when the published figure is one number; null otherwise. */
  amount: string | null;
  source: string;
  status: ProvenanceStatus;
}

export interface ReferenceData {
  fiscalTiers: FiscalTier[];
  population: PopulationRow[];
  nationalStandards: NationalStandard[];
}
