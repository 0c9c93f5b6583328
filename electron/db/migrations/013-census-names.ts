import type { Migration } from './index';
import { excludesNoteSql, regionNameSql } from '../../seeds/census-names';
import { LEAVES_SQL } from '../../pricing/leaves';

// A file seeded before the census's 石家庄市(不含辛集) was seeded as the region 石家庄市: its regions and 2020
// counts as the seeds now write them, where the planner has not changed them (name and source still the
// census's). The leaves again, with whose growth rate each takes (growth_from) for the explanation.
export const censusNames: Migration = {
  version: 13,
  name: 'pricing: census city names as the region, what the count leaves out in its source; whose growth rate a leaf takes',
  statements: [
    `UPDATE population SET source = population.source || ${excludesNoteSql('r.region')}
     FROM ref_population r
     WHERE population.region_code = r.region_code AND population.cohort = '常住人口' AND population.year = 2020
       AND population.source = '第七次全国人口普查：' || r.source AND ${excludesNoteSql('r.region')} <> ''`,
    `UPDATE regions SET name = ${regionNameSql('r.region')}
     FROM ref_population r
     WHERE regions.code = r.region_code AND regions.name = r.region AND ${regionNameSql('r.region')} <> r.region`,
    LEAVES_SQL,
  ],
};
