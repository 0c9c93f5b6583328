import { describe, expect, it } from 'vitest';
import { annexFileName } from '../../../electron/annex/file-name';
import { annexSheetName } from '../../../electron/annex/catalogue-annex';

describe('annexFileName', () => {
  it('joins the annex label and title', () => {
    expect(annexFileName({ annexLabel: '附件1', annexTitle: '河北省“十三五”基本公共服务清单' })).toBe(
      '附件1_河北省“十三五”基本公共服务清单.xlsx',
    );
  });

  it('replaces the characters Windows refuses', () => {
    const name = annexFileName({ annexLabel: '附件1', annexTitle: 'A/B\\C:D*E?F"G<H>I|J\tK' });
    expect(name).toBe('附件1_A_B_C_D_E_F_G_H_I_J_K.xlsx');
    expect(name.slice(0, -'.xlsx'.length)).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
  });

  it('keeps the Chinese quotation marks, which Windows allows', () => {
    expect(annexFileName({ annexLabel: '', annexTitle: '“十四五”清单' })).toBe('“十四五”清单.xlsx');
  });

  it('never ends the name in a dot or space, nor leaves it empty', () => {
    expect(annexFileName({ annexLabel: '附件2', annexTitle: '清单。.. ' })).toBe('附件2_清单。.xlsx');
    expect(annexFileName({ annexLabel: ' ', annexTitle: '' })).toBe('清单.xlsx');
  });

  it('avoids the device names Windows reserves', () => {
    expect(annexFileName({ annexLabel: '', annexTitle: 'CON' })).toBe('_CON.xlsx');
    expect(annexFileName({ annexLabel: '', annexTitle: 'lpt1' })).toBe('_lpt1.xlsx');
  });

  it('shortens a very long title', () => {
    const name = annexFileName({ annexLabel: '附件1', annexTitle: '长'.repeat(500) });
    expect([...name].length).toBeLessThanOrEqual(125);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('annexSheetName', () => {
  it('names the sheet after the annex label', () => {
    expect(annexSheetName('附件1')).toBe('附件1 清单');
    expect(annexSheetName('')).toBe('清单');
  });

  it('stays within the 31 characters and the characters Excel allows', () => {
    const name = annexSheetName(`附件[1]:${'很长的附件标签'.repeat(10)}`);
    expect([...name].length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(annexSheetName("'附件3'")).toBe("附件3' 清单");
  });
});
