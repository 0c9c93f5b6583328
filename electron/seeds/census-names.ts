// The census names a city whose count leaves out a 省直管 unit 石家庄市(不含辛集), 保定市(不含定州、雄安): the region
// is the city (辛集 may later be imported under it as a 省直管县), and what the count leaves out goes with the
// count, in its source. Brackets full-width or not, as a census table retyped may have them.

/** The trailing （不含…） of a census name, its words as group 1, as a SQL string literal for regexp_replace/extract. */
export const CENSUS_EXCLUDES = `'[（(](不含[^）)]*)[）)]$'`;

/** A census name as the region's (石家庄市), in SQL over the name `name`. */
export const regionNameSql = (name: string) => `regexp_replace(${name}, ${CENSUS_EXCLUDES}, '')`;

/** What a census count leaves out, as a note to its source (（人数不含辛集）), or '' when nothing; SQL over `name`. */
export const excludesNoteSql = (name: string) => `coalesce('（人数' || nullif(regexp_extract(${name}, ${CENSUS_EXCLUDES}, 1), '') || '）', '')`;

/** What a count's source says its count leaves out (不含辛集, from excludesNoteSql's note), or NULL; SQL over `source`. */
export const leavesOutSql = (source: string) => `nullif(regexp_extract(${source}, '（人数(不含[^）]*)）', 1), '')`;
