// Strings a planner's paste or a script could send, weighted towards the characters the cell-text rule is about.
import fc from 'fast-check';

/** The characters XML 1.0 cannot hold, the invisible ones, formula starters, and ordinary Chinese text. */
export const AWKWARD = [
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\uFFFE', '\uFFFF', '\uFEFF',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u200B', '\u200D', '\u2060', '\u00A0', '\u3000',
  '\t', '\n', '\r', '\r\n', ' ', '=', '+', '-', '@', '"', ',', "'", '<', '&', ']]>',
  '中', '义务教育', '省教育厅', '😀', '𠀀', 'a', '1',
];

export const cellText = fc.oneof(
  fc.array(fc.constantFrom(...AWKWARD), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

/** Independent of the rule's own code: is there a code point XML 1.0 forbids, or a byte-order mark? */
export function hasForbidden(text: string): boolean {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(
    text,
  );
}
