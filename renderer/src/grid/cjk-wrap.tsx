// Line breaks as Chinese typesetting allows them, beyond what CSS's strict line breaking already does
// (no 。，、 at a line's start): a number stays whole and with its unit ("885 元", "40元", "3.5%"), each
// such run drawn unbreakable. The text itself is not changed (copy, find and tests read the same text).
import type { ReactNode } from 'react';

const NUMBER_WITH_UNIT = /\d+(?:[.,:：／/-]\d+)*(?: ?[\u3400-\u9FFF%‰℃])?/gu;

export function keepNumbersWithUnits(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(NUMBER_WITH_UNIT)) {
    const start = match.index;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <span key={start} className="nobr">
        {match[0]}
      </span>,
    );
    at = start + match[0].length;
  }
  if (!parts.length) return text;
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
