import { describe, expect, it } from 'vitest';
import { normaliseCellText } from '../../shared/domain/commands';

describe('normaliseCellText', () => {
  it('drops Windows line ends, trailing blanks and trailing blank lines, and keeps the rest', () => {
    expect(normaliseCellText('省教育厅  \r\n省财政厅\t\r\n\r\n')).toBe('省教育厅\n省财政厅');
    expect(normaliseCellText('  缩进保留')).toBe('  缩进保留');
  });
  it('makes a blank cell “not yet filled”', () => {
    expect(normaliseCellText(' \n\t ')).toBeNull();
    expect(normaliseCellText(null)).toBeNull();
  });
});
