// DuckDB hands back BIGINT as BigInt, DECIMAL, DATE and TIMESTAMP as value objects: none of which JSON can
// carry. This is the one place they become the plain values the contract promises.
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampValue,
  DuckDBTimestampTZValue,
} from '@duckdb/node-api';

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };
export type PlainRow = Record<string, Plain>;

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return value;
    case 'bigint':
      // Counts and populations fit comfortably; anything larger stays exact as text.
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
  }
  // Money and shares are DECIMAL: keep them exact as decimal strings, never as floats.
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return new Date(Number(value.micros / 1000n)).toISOString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object' && value !== null && 'items' in value && Array.isArray((value as { items: unknown[] }).items)) {
    return (value as { items: unknown[] }).items.map(toPlain);
  }
  return String(value);
}

export function toPlainRow(row: Record<string, unknown>): PlainRow {
  const out: PlainRow = {};
  for (const [key, value] of Object.entries(row)) out[key] = toPlain(value);
  return out;
}
