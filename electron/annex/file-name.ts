// The name the exported annex is saved under. Planners keep these files on Windows (and mail them),
// so the name must be legal there, and readable: "附件1_河北省“十三五”基本公共服务清单.xlsx".
import type { CatalogueDetail } from '../../shared/domain/catalogue';

/** Characters Windows refuses in a file name (control characters are handled by code point). */
const ILLEGAL = /[<>:"/\\|?*]/g;
/** Device names Windows reserves whatever the extension (CON.xlsx cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Keeps the full path under Windows' 260 characters when saved a few folders deep. */
const MAX_BASE_CHARS = 120;

function clean(part: string): string {
  const printable = [...part].map((char) => ((char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f' ? '_' : char));
  return printable.join('').replace(ILLEGAL, '_').replace(/\s+/g, ' ').trim();
}

export function annexFileName(detail: Pick<CatalogueDetail, 'annexLabel' | 'annexTitle'>): string {
  const parts = [clean(detail.annexLabel), clean(detail.annexTitle)].filter((part) => part !== '');
  let base = [...parts.join('_')].slice(0, MAX_BASE_CHARS).join('');
  // Windows drops trailing dots and spaces, which would change the name under the user.
  base = base.replace(/[. ]+$/, '');
  if (base === '') base = '清单';
  if (RESERVED.test(base)) base = `_${base}`;
  return `${base}.xlsx`;
}
