import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellCount, formatHtml, formatTsv, parseTsv, rectangular } from '../../shared/domain/clipboard-text';

describe('parseTsv: what Excel and WPS put on the clipboard', () => {
  it('reads a block with CRLF row ends and the one trailing line break Excel adds', () => {
    expect(parseTsv('学前教育\t儿童\r\n义务教育\t学生\r\n')).toEqual([
      ['学前教育', '儿童'],
      ['义务教育', '学生'],
    ]);
  });
  it('reads quoted cells holding line breaks (CRLF and LF), tabs and doubled quotes', () => {
    const text = '"第一行\r\n第二行"\t"含\t制表符"\r\n"他说""免费""。"\t"a\nb"\r\n';
    expect(parseTsv(text)).toEqual([
      ['第一行\n第二行', '含\t制表符'],
      ['他说"免费"。', 'a\nb'],
    ]);
  });
  it('keeps a quote inside a cell that does not start with one, and an unclosed quote, as typed', () => {
    expect(parseTsv('12"寸\t"未闭合\r\n')).toEqual([['12"寸', '"未闭合']]);
    expect(parseTsv('"ab"cd\tx')).toEqual([['"ab"cd', 'x']]);
  });
  it('reads ragged rows and empty cells as they are', () => {
    expect(parseTsv('a\tb\tc\r\nd\r\n\te\t\r\n')).toEqual([['a', 'b', 'c'], ['d'], ['', 'e', '']]);
    expect(rectangular(parseTsv('a\tb\tc\r\nd\r\n'))).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });
  it('reads a lone cell with or without its line break, LF and lone CR row ends, and blank rows inside', () => {
    expect(parseTsv('885 元')).toEqual([['885 元']]);
    expect(parseTsv('885 元\r\n')).toEqual([['885 元']]);
    expect(parseTsv('甲\n乙\r丙')).toEqual([['甲'], ['乙'], ['丙']]);
    expect(parseTsv('甲\r\n\r\n乙\r\n')).toEqual([['甲'], [''], ['乙']]);
  });
  it('drops blank lines after a block of several columns (Notepad), never a row of empty cells or a one-column block’s', () => {
    expect(parseTsv('100\t元/人/年\r\n200\t元/人/月\r\n\r\n')).toEqual([
      ['100', '元/人/年'],
      ['200', '元/人/月'],
    ]);
    expect(parseTsv('1\t2\n\n\n')).toEqual([['1', '2']]);
    expect(parseTsv('1\t2\r\n  \r\n')).toEqual([['1', '2']]);
    // Excel's own: a row of empty cells keeps its tab; a one-column block's empty last cell is one.
    expect(parseTsv('1\t2\r\n\t\r\n')).toEqual([['1', '2'], ['', '']]);
    expect(parseTsv('甲\r\n\r\n')).toEqual([['甲'], ['']]);
    expect(parseTsv('\r\n')).toEqual([['']]);
  });
  it('a quoted cell ending the text with no line break after it', () => {
    expect(parseTsv('x\t"多\n行"')).toEqual([['x', '多\n行']]);
  });
});

describe('formatTsv and formatHtml', () => {
  it('writes Excel quoting: only cells with a tab, a line break or a quote are quoted, quotes doubled, CRLF row ends', () => {
    expect(formatTsv([['学前教育', '第一行\n第二行'], ['他说"好"', 'a\tb']])).toBe(
      '学前教育\t"第一行\n第二行"\r\n"他说""好"""\t"a\tb"\r\n',
    );
  });
  it('writes an HTML table whose line breaks stay in their cell, and escapes markup', () => {
    const html = formatHtml([['<b>甲</b> & 乙', '一\n二']]);
    expect(html).toContain('<td>&lt;b&gt;甲&lt;/b&gt; &amp; 乙</td>');
    expect(html).toContain('<td>一<br style="mso-data-placement:same-cell;"/>二</td>');
    expect(html.match(/<tr>/gu)).toHaveLength(1);
  });
  it('counts the cells of a ragged block', () => {
    expect(cellCount([['a', 'b'], ['c']])).toBe(3);
  });
  it('reads back exactly what it writes, for any block of cell texts', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', '"', '\t', '\n', ' ', '元', '8', '，') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (block) => {
        // A ragged block of several columns ending in one empty cell reads as ending in a blank line, dropped.
        fc.pre(!(block.some((row) => row.length > 1) && block.length > 1 && block.at(-1)!.length === 1 && block.at(-1)![0]!.trim() === ''));
        expect(parseTsv(formatTsv(block))).toEqual(block);
      }),
    );
  });
});
