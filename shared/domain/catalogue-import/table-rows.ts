// A catalogue laid out as a table (an annex .xlsx, a CSV, the table of a plan text): the header found among
// the first rows, then each row classified as a domain, a category, an item, a repeated header, a note or a
// spacer. Pure: rows of text in, a preview's domains and problems out.
import { CatalogueBuilder } from './builder';
import type { ItemFields } from './builder';
import { columnLetter, findHeader, isRepeatedHeader } from './columns';
import type { HeaderMatch } from './columns';
import { DUMP_DRIVER_COLUMNS, normaliseHeading, shownHeading } from './columns';
import type { ImportField, ImportedDomain, ImportProblem } from './types';

export interface SourceRow {
  /** Row or line number as the planner's program shows it. */
  row: number;
  cells: string[];
}

export type RowKind = 'blank' | 'header' | 'note' | 'domain' | 'category' | 'item';

const DOMAIN_HEADING = /^([一二三四五六七八九十]+)\s*[、.．]\s*(\S.*)$/u;
const CATEGORY_HEADING = /^(?:[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[.．、](?!\d))\s*(\S.*)$/u;
const NOTE = /^(注|注释|备注|说明)\s*\d*\s*[:：]/u;

/** The one text of a row whose non-empty cells all say the same (a row merged across, or one cell alone). */
function soleText(cells: readonly string[]): { text: string; columns: number[] } | null {
  const filled = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
  if (filled.length === 0) return null;
  const first = filled[0]!.c;
  return filled.every((x) => x.c === first) ? { text: first, columns: filled.map((x) => x.i) } : null;
}

/** What a row is, given the header; `domainColumn` rows never hold domain headings. */
export function classifyRow(cells: readonly string[], header: HeaderMatch): { kind: RowKind; text?: string } {
  if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };
  if (isRepeatedHeader(cells, header)) return { kind: 'header' };
  const sole = soleText(cells);
  if (sole) {
    const nameColumn = header.fields.indexOf('name');
    if (NOTE.test(sole.text)) return { kind: 'note', text: sole.text };
    // A 序号 with nothing beside it is an item whose name is missing, not a heading.
    if (/^\d+$/u.test(sole.text) && sole.columns.length === 1 && sole.columns[0] === header.fields.indexOf('itemNo')) return { kind: 'item' };
    const domain = DOMAIN_HEADING.exec(sole.text);
    if (domain && !header.fields.includes('domain')) return { kind: 'domain', text: domain[2]!.trim() };
    const category = CATEGORY_HEADING.exec(sole.text);
    const onlyName = sole.columns.length === 1 && sole.columns[0] === nameColumn;
    if (category && !onlyName) return { kind: 'category', text: category[1]!.trim() };
    if (!onlyName && !header.fields.includes('domain') && (sole.columns.length >= 3 || sole.columns[0] === 0)) {
      return { kind: 'domain', text: sole.text };
    }
  }
  return { kind: 'item' };
}

export interface TableImport {
  header: HeaderMatch;
  domains: ImportedDomain[];
  notes: string[];
  problems: ImportProblem[];
  /** Headings of columns read as extra fields. */
  extraColumns: string[];
  ignoredColumns: string[];
  /** Non-empty text above the header (a title, 附件1). */
  above: string[];
}

const FIELD_NAMES: Record<keyof ItemFields, string> = {
  name: '服务项目',
  targetGroup: '服务对象',
  content: '服务内容',
  standard: '服务标准',
  fundingResponsibility: '支出责任',
  leadDepartment: '牵头负责单位',
  category: '类别',
  note: '备注',
};

/**
 * Reads the table. `letters` says whether columns have letters to name (a spreadsheet) or only headings (a
 * text); `unquote` undoes what the `dump` CSV did to cells that would run as formulas.
 */
export function readCatalogueTable(rows: readonly SourceRow[], options: { letters: boolean; unquote?: boolean }): TableImport | null {
  const header = findHeader(rows.map((r) => r.cells));
  if (!header) return null;
  const builder = new CatalogueBuilder();
  const col = (field: ImportField) => header.fields.indexOf(field);
  const headerRow = rows[header.index]!.row;
  const ignoredColumns: string[] = [];
  header.labels.forEach((label, i) => {
    if (label === '' || header.fields[i] !== null) return;
    const dumpDriver = (DUMP_DRIVER_COLUMNS as readonly string[]).includes(normaliseHeading(label));
    if (header.duplicates.includes(i)) {
      builder.warn(headerRow, label, `第${headerRow}行${options.letters ? `${columnLetter(i)}列` : ''}“${shownHeading(label)}”与前面的列是同一栏目，这一列不导入。`);
    } else if (!dumpDriver) {
      builder.warn(headerRow, label, `第${headerRow}行${options.letters ? `${columnLetter(i)}列` : ''}“${shownHeading(label)}”不是清单的栏目，这一列不导入。`);
    }
    ignoredColumns.push(shownHeading(label));
  });
  const cellText = (cells: string[], field: ImportField): string | null => {
    const i = col(field);
    if (i < 0) return null;
    const raw = cells[i] ?? '';
    return options.unquote && /^'[=+\-@\t\r]/u.test(raw) ? raw.slice(1) : raw;
  };
  const where = (row: number, field: keyof ItemFields) => {
    const i = col(field);
    const label = i >= 0 ? header.labels[i]! : FIELD_NAMES[field];
    return { text: `第${row}行${options.letters && i >= 0 ? `${columnLetter(i)}列` : ''}“${shownHeading(label)}”`, column: i >= 0 ? label : null };
  };

  for (const source of rows.slice(header.index + 1)) {
    const { row, cells } = source;
    const kind = classifyRow(cells, header);
    switch (kind.kind) {
      case 'blank':
      case 'header':
        break;
      case 'note':
        builder.notes.push(kind.text!);
        break;
      case 'domain':
        builder.domain(kind.text!, row, `第${row}行`);
        break;
      case 'category':
        builder.setCategory(builder.text(kind.text!, row, null, `第${row}行`));
        break;
      case 'item': {
        const domainName = cellText(cells, 'domain');
        if (col('domain') >= 0) {
          if (domainName === null || domainName.trim() === '') {
            builder.error(row, header.labels[col('domain')]!, `${where(row, 'name').text.replace(/“[^”]*”$/u, '')}“${shownHeading(header.labels[col('domain')]!)}”为空，无法确定这一项属于哪个领域；请填上领域后再导入。`);
            break;
          }
          builder.domain(domainName.replace(DOMAIN_HEADING, '$2'), row, `第${row}行`);
        }
        builder.item(row, `第${row}行`, cellText(cells, 'itemNo'), (f) => cellText(cells, f), (f) => where(row, f));
        break;
      }
    }
  }
  builder.finish();
  const extraColumns = (['content', 'category', 'note'] as const).filter((f) => col(f) >= 0).map((f) => header.labels[col(f)]!);
  return {
    header,
    domains: builder.domains,
    notes: builder.notes,
    problems: builder.problems,
    extraColumns,
    ignoredColumns,
    above: rows.slice(0, header.index).flatMap((r) => {
      const sole = soleText(r.cells);
      return sole ? [sole.text] : r.cells.filter((c) => c.trim() !== '');
    }),
  };
}
