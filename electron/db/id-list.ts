// A list of ids in SQL as one JSON parameter ($n): thousands of ids in one statement, where a placeholder
// per id would have DuckDB take longer to plan the statement than to run it.
export const idsFromJson = (param: string) => `(SELECT unnest(from_json(${param}, '["VARCHAR"]')))`;

export const idList = (ids: readonly string[]) => JSON.stringify([...new Set(ids)]);
