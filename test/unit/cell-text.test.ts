import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCellText, findForbiddenCharacter, hasReadableText, normaliseCellText } from '../../shared/domain/cell-text';
import { cellText, hasForbidden } from '../support/cell-text-arbitrary';

describe('normaliseCellText', () => {
  it('drops Windows line ends, trailing blanks and trailing blank lines, and keeps the rest', () => {
    expect(normaliseCellText('省教育厅  \r\n省财政厅\t\r\n\r\n')).toBe('省教育厅\n省财政厅');
    expect(normaliseCellText('  缩进保留')).toBe('  缩进保留');
  });
  it('makes a blank cell “not yet filled”', () => {
    expect(normaliseCellText(' \n\t ')).toBeNull();
    expect(normaliseCellText(null)).toBeNull();
  });
  it('sees only what a person can read: invisible characters alone are empty', () => {
    for (const invisible of ['\u200B', '\u200B\u200C\u200D', '\u2060', '\u3000\u200B', '\u00A0', '\u180E', '\u3164']) {
      expect(normaliseCellText(invisible), JSON.stringify(invisible)).toBeNull();
      expect(hasReadableText(invisible)).toBe(false);
    }
    expect(normaliseCellText('\u200B寄宿生')).toBe('\u200B寄宿生');
  });
});

describe('checkCellText', () => {
  it('refuses each character XML 1.0 cannot hold, and the byte-order mark, naming position and code', () => {
    const cases: [string, number, string][] = [
      ['寄宿\uFFFF生', 3, 'U+FFFF'],
      ['\uFFFE', 1, 'U+FFFE'],
      ['a\uD800b', 2, 'U+D800'],
      ['a\uDC00', 2, 'U+DC00'],
      ['\u0000', 1, 'U+0000'],
      ['x\u0001', 2, 'U+0001'],
      ['\u000B', 1, 'U+000B'],
      ['\u000C', 1, 'U+000C'],
      ['\u001F', 1, 'U+001F'],
      ['\u007F', 1, 'U+007F'],
      ['\u0085', 1, 'U+0085'],
      ['\uFEFF义务教育', 1, 'U+FEFF'],
      // A surrogate pair is one character when counting positions.
      ['😀\uFFFF', 2, 'U+FFFF'],
    ];
    for (const [text, position, code] of cases) {
      expect(findForbiddenCharacter(text), JSON.stringify(text)).toEqual({ position, code });
      const checked = checkCellText(text);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.reason).toBe(`第 ${position} 个字符是不可见的控制字符或非法字符（字符编码 ${code.slice(2)}），附件（Excel）无法保存它`);
    }
  });
  it('keeps tabs, line breaks, emoji and rare CJK', () => {
    expect(checkCellText('甲\t乙\r\n丙😀𠀀')).toEqual({ ok: true, text: '甲\t乙\n丙😀𠀀' });
  });

  it('property: whatever the string, a refusal means a forbidden character, and what is kept is clean and stable', () => {
    fc.assert(
      fc.property(cellText, (text) => {
        const checked = checkCellText(text);
        expect(checked.ok).toBe(!hasForbidden(text));
        if (!checked.ok || checked.text === null) return;
        expect(hasForbidden(checked.text)).toBe(false);
        expect(hasReadableText(checked.text)).toBe(true);
        expect(checkCellText(checked.text)).toEqual(checked);
        expect(checked.text).not.toMatch(/\r|\s$/u);
      }),
      { numRuns: 2000 },
    );
  });
});
