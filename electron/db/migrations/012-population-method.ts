import type { Migration } from './index';

// How a resolved population figure was found (counted, grown, a share) follows from the columns beside it
// (populationMethodSql): not storing it as text makes the population a fifth quicker to write.
export const populationMethod: Migration = {
  version: 12,
  name: 'pricing: the resolved population without its method, which its other columns give',
  statements: [`ALTER TABLE population_resolved DROP COLUMN method`],
};
