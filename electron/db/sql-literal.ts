// Values written into SQL text, for the kept statements (statement-cache.ts): DuckDB plans a statement with
// parameters again on every run, so the few an edit repeats carry their values as literals instead.

/** A text as an SQL string literal (DuckDB's strings know no backslash escapes: a quote is doubled). */
export const quote = (text: string) => `'${text.replace(/'/gu, "''")}'`;

/** A whole number as an SQL literal; anything else is refused, never written into a statement. */
export function wholeNumber(value: unknown): string {
  const text = String(value);
  if (!/^-?\d+$/u.test(text)) throw new Error(`内部错误：“${text}”不是整数，没有写进数据库语句。`);
  return text;
}
