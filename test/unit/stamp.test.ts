import { describe, expect, it } from 'vitest';
import { fileStamp, unusedPath } from '../../electron/db/stamp';

describe('file names for kept copies', () => {
  it('stamps them readably', () => {
    expect(fileStamp(new Date(2026, 10, 3, 9, 5, 7))).toBe('20261103-090507');
  });
  it('never reuses the name of a copy already kept', () => {
    const taken = new Set(['a.duckdb.bak', 'a.duckdb-2.bak']);
    expect(unusedPath('a.duckdb.bak', (p) => taken.has(p))).toBe('a.duckdb-3.bak');
    expect(unusedPath('b.bak', (p) => taken.has(p))).toBe('b.bak');
  });
});
