// A clipboard that carries only HTML (some WPS builds, a table copied from a web page): its first table
// read as a block of cells, line breaks (<br>, paragraphs) kept inside their cell.
import type { CellBlock } from '../../../shared/domain/clipboard-text';

const BREAK = '\u0000';

function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const br of copy.querySelectorAll('br')) br.replaceWith(BREAK);
  for (const p of copy.querySelectorAll('p, div')) p.append(BREAK);
  return (copy.textContent ?? '')
    .replace(/[ \t\r\n\u00A0]+/gu, (run) => (run.includes('\u00A0') ? ' ' : ' '))
    .split(BREAK)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n+$/u, '');
}

export function blockFromHtml(html: string): CellBlock | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const table = doc.querySelector('table');
  if (!table) {
    const text = doc.body ? cellText(doc.body) : '';
    return text ? [[text]] : null;
  }
  const block: CellBlock = [];
  for (const tr of table.querySelectorAll('tr')) {
    const row: string[] = [];
    for (const cell of tr.querySelectorAll('td, th')) {
      row.push(cellText(cell));
      // A merged cell takes its width in the block, as Excel pastes it.
      const span = Number(cell.getAttribute('colspan') ?? '1');
      for (let n = 1; n < span && n < 50; n += 1) row.push('');
    }
    block.push(row);
  }
  return block.length ? block : null;
}
