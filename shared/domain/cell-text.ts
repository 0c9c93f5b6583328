// The one rule for the text a cell may hold, applied wherever text enters the database (edits, seeds, imports):
// the database, the CSV and the annex must hold the same text, and an .xlsx is XML 1.0, which cannot carry
// control characters, U+FFFE/U+FFFF or unpaired surrogates. Such a character is refused, never silently
// removed: it is invisible, so the user is told which one and where, and decides.

/** A character that XML 1.0 cannot hold, or that is invisible and lost on a round trip through Excel. */
export function isForbiddenCodePoint(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return false;
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0xfffe ||
    cp === 0xffff ||
    // A byte-order mark is stored but read back from the annex without it.
    cp === 0xfeff
  );
}

export interface ForbiddenCharacter {
  /** 1-based position in characters as a person counts them (a surrogate pair is one). */
  position: number;
  /** "U+FFFF" */
  code: string;
}

export function findForbiddenCharacter(text: string): ForbiddenCharacter | null {
  let position = 0;
  // for…of walks code points; an unpaired surrogate comes out on its own.
  for (const ch of text) {
    position += 1;
    const cp = ch.codePointAt(0)!;
    if (isForbiddenCodePoint(cp)) return { position, code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return null;
}

/** The reason, in Chinese, for a text that cannot be stored; null when it can. */
export function forbiddenCharacterReason(text: string): string | null {
  const found = findForbiddenCharacter(text);
  if (!found) return null;
  // The code, not its "U+" notation: a planner reads no Latin on screen; the digits still find the character.
  return `第 ${found.position} 个字符是不可见的控制字符或非法字符（字符编码 ${found.code.slice(2)}），附件（Excel）无法保存它`;
}

// Whitespace, format characters (zero-width space, joiners, direction marks) and other default-ignorable
// code points: a cell holding nothing else looks empty to a person, so it is empty.
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;

export function hasReadableText(text: string): boolean {
  return text.replace(INVISIBLE, '') !== '';
}

/**
 * Line endings from Windows paste and stray trailing blanks and blank lines are not content; a cell with no
 * readable text is "not yet filled" (null), so the annex and the checks see one kind of empty.
 */
export function normaliseCellText(value: string | null): string | null {
  if (value === null) return null;
  const text = value.replace(/\r\n?/gu, '\n').replace(/[ \t]+$/gmu, '').replace(/\s+$/u, '');
  return hasReadableText(text) ? text : null;
}

export type CellTextCheck = { ok: true; text: string | null } | { ok: false; reason: string };

/** The rule: refuse what the annex cannot hold, otherwise the normal form that is stored. */
export function checkCellText(value: string | null): CellTextCheck {
  if (value === null) return { ok: true, text: null };
  const reason = forbiddenCharacterReason(value);
  return reason ? { ok: false, reason } : { ok: true, text: normaliseCellText(value) };
}
