// Numbered schema migrations, applied in order, each in its own transaction; a copy of the file is kept
// before any of them runs on an existing database (Database.migrate).
import { initialSchema } from './001-initial-schema';
import { pricingSchema } from './002-pricing';
import { annexSet } from './003-annex-set';
import { drafting } from './004-drafting';
import { versions } from './005-versions';
import { itemExtras } from './008-item-extras';
import { ruleTerms } from './009-rule-terms';
import { narrowCostLines } from './011-narrow-cost-lines';
import { populationMethod } from './012-population-method';
import { censusNames } from './013-census-names';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [initialSchema, pricingSchema, annexSet, drafting, versions, itemExtras, ruleTerms, narrowCostLines, populationMethod, censusNames];
