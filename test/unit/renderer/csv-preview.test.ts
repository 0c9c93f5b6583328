import { describe, expect, it } from 'vitest';
import { decodeCsv, previewRows } from '../../../renderer/src/views/regions/csv-preview';

describe('the import preview of a CSV', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes and CRLF, and stops at the limit', () => {
    const text = 'a,b\r\n"x, y","he said ""hi"""\r\n"two\nlines",z\r\n\r\nlast,row\r\nmore,rows';
    expect(previewRows(text, 10)).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
      ['two\nlines', 'z'],
      ['last', 'row'],
      ['more', 'rows'],
    ]);
    expect(previewRows(text, 2)).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"'],
    ]);
  });

  it('decodes UTF-8 with or without BOM, and GBK as Excel on a Chinese PC saves it', () => {
    const utf8 = new TextEncoder().encode('\uFEFFregion,海港区');
    expect(decodeCsv(utf8)).toBe('region,海港区');
    // 海港区 in GBK: BA A3 B8 DB C7 F8.
    const gbk = Uint8Array.from([0x72, 0x2c, 0xba, 0xa3, 0xb8, 0xdb, 0xc7, 0xf8]);
    expect(decodeCsv(gbk)).toBe('r,海港区');
  });
});
