// Reads the shipped seed files and runs the importers over them: everything the default database holds.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FiscalTier, NationalStandard, PopulationRow } from '../../shared/domain/reference';
import { SEED_DOCUMENTS } from '../importers/documents';
import { cleanGansuText, parseGansu } from '../importers/gansu';
import { parseHebei } from '../importers/hebei';
import { parseHenan } from '../importers/henan';
import { parseNational13th, parseNational14thIndicators } from '../importers/national';
import { parseFiscalTiers, parseNationalStandards, parsePopulation } from '../importers/reference';
import type { SeedCatalogue, SeedDocument, SeedIndicatorTable } from '../importers/types';

export interface SeedBundle {
  documents: (SeedDocument & { sha256: string })[];
  catalogues: SeedCatalogue[];
  indicatorTables: SeedIndicatorTable[];
  fiscalTiers: FiscalTier[];
  population: PopulationRow[];
  nationalStandards: NationalStandard[];
}

export function readSeeds(dir: string): SeedBundle {
  const text = (file: string) => readFileSync(join(dir, 'documents', file), 'utf8');
  const byId = (id: string) => {
    const doc = SEED_DOCUMENTS.find((d) => d.id === id);
    if (!doc) throw new Error(`种子文档清单中没有“${id}”。`);
    return text(doc.fileName);
  };
  const documents = SEED_DOCUMENTS.map((doc) => ({
    ...doc,
    sha256: createHash('sha256').update(readFileSync(join(dir, 'documents', doc.fileName))).digest('hex'),
  }));
  const reference = (file: string) => readFileSync(join(dir, 'reference', file), 'utf8');
  return {
    documents,
    catalogues: [
      parseNational13th(byId('national-13th-plan')),
      parseHebei(byId('hebei-13th-plan')),
      parseHenan(byId('henan-13th-plan')),
      parseGansu(cleanGansuText(byId('gansu-13th-plan'))),
    ],
    indicatorTables: [parseNational14thIndicators(byId('national-14th-plan'))],
    fiscalTiers: parseFiscalTiers(reference('fiscal_tiers_2018.csv')),
    population: parsePopulation(reference('population_2020_census.csv')),
    nationalStandards: parseNationalStandards(reference('national_standards_by_year.csv')),
  };
}
