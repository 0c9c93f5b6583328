// The CSV the CLI writes: RFC 4180 that round-trips, and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { DUMP_COLUMNS, itemsCsv } from '../../../electron/cli/item-records';
import type { ItemRecord } from '../../../electron/cli/item-records';
import { checkCellText } from '../../../shared/domain/cell-text';
import { cellText } from '../../support/cell-text-arbitrary';

function stored(text: string): string | null {
  const checked = checkCellText(text);
  return checked.ok ? checked.text : null;
}

const FORMULA_START = /^[=+\-@\t\r]/u;

function record(texts: (string | null)[]): ItemRecord {
  const [domain, item, target, standard, funding, lead] = texts;
  return {
    id: 'x', item_no: 1, domain: domain ?? '', item: item ?? '', target_group: target ?? null, standard: standard ?? null,
    funding_responsibility: funding ?? null, lead_department: lead ?? null,
  };
}

function parseCsv(csv: string): string[][] {
  return parse(csv, { relax_column_count: false, bom: false, record_delimiter: '\r\n' }) as string[][];
}

describe('itemsCsv', () => {
  it('puts an apostrophe before cells starting with = + - @ tab or carriage return (OWASP), not before a plain number', () => {
    const csv = itemsCsv([record(['=HYPERLINK("http://x","点我")', '=1+1', '+1+cmd', '-2+3', '@SUM(A1)', '\tx']), record(['\r=cmd|/c calc!A0', '正常', '-12.5', '+3', null, null])]);
    const [, first, second] = parseCsv(csv);
    expect(first!.slice(1, 7)).toEqual(['\'=HYPERLINK("http://x","点我")', "'=1+1", "'+1+cmd", "'-2+3", "'@SUM(A1)", "'\tx"]);
    expect(second!.slice(3, 5)).toEqual(['-12.5', '+3']);
    expect(second![1]).toBe("'\r=cmd|/c calc!A0");
    expect(second![2]).toBe('正常');
  });

  it('property: whatever the text, every field parses back, none starts a formula, and it equals the text with one apostrophe undone', () => {
    fc.assert(
      // What the database can hold: each string as the cell-text rule stores it (refused ones become empty).
      fc.property(fc.array(fc.option(cellText.map(stored), { nil: null }), { minLength: 6, maxLength: 6 }), (texts) => {
        const rows = parseCsv(itemsCsv([record(texts)]));
        expect(rows[0]).toEqual([...DUMP_COLUMNS]);
        expect(rows).toHaveLength(2);
        const fields = rows[1]!;
        expect(fields).toHaveLength(DUMP_COLUMNS.length);
        fields.slice(1, 7).forEach((field, index) => {
          const original = texts[index] ?? '';
          const number = /^[+-]?\d+(\.\d+)?$/u.test(original);
          if (!number) expect(field).not.toMatch(FORMULA_START);
          expect(FORMULA_START.test(original) && !number ? field.slice(1) : field).toBe(original);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
