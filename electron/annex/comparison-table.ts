// The 对照表 a drafting office circulates with a revised catalogue: 序号, 服务项目, 原文, 修改后, 说明, one row
// per item added, removed or changed, grouped under its 领域, deleted characters struck through in 原文 and
// new ones bold and underlined in 修改后. Same page as the annexes (page-format.ts): landscape A4, the type
// area, the header row repeated on every page, "— N —" page numbers, the annex fonts.
import type { Worksheet } from 'exceljs';
import type { RichText } from 'exceljs';
import { changedDomains } from '../../shared/domain/compare';
import type { ComparedRow, Comparison, DiffPart } from '../../shared/domain/compare';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { ColumnLabels } from '../../shared/domain/catalogue';
import { newAnnexWorkbook } from './catalogue-annex';
import {
  ANNEX_FONTS,
  ANNEX_FONT_SIZES,
  ANNEX_ROWS,
  ANNEX_TABLE_WIDTH,
  BODY_TEXT,
  CENTRED,
  TEXT_INDENT,
  addAnnexSheet,
  allBorders,
  font,
  setPrintArea,
  writeHeaderRow,
  writePageBreaks,
  writeTitleRows,
} from './page-format';
import { estimateRowHeight, layoutCellText } from './row-height';
import { tableWidths } from './table-annex';
import type { TableColumn } from './table-annex';

export const COMPARISON_COLUMNS: readonly TableColumn[] = [
  { label: '序号', kind: 'number' },
  { label: '服务项目', kind: 'text' },
  { label: '原文', kind: 'text' },
  { label: '修改后', kind: 'text' },
  { label: '说明', kind: 'text' },
];
const COUNT = COMPARISON_COLUMNS.length;

/** A run of text in 原文 or 修改后, and how it is marked. */
interface Run {
  text: string;
  mark: 'none' | 'removed' | 'added';
}

/** 原文 and 修改后 of one row as runs: each changed field a paragraph "服务对象：…", the changed characters marked. */
export function comparisonCells(row: ComparedRow, labels: ColumnLabels): { before: Run[]; after: Run[] } {
  const before: Run[] = [];
  const after: Run[] = [];
  const paragraph = (runs: Run[], label: string, parts: readonly Run[]) => {
    if (runs.length) runs.push({ text: '\n', mark: 'none' });
    runs.push({ text: `${label}：`, mark: 'none' }, ...parts);
  };
  const whole = (runs: Run[], item: NonNullable<ComparedRow['before']>) => {
    for (const field of ITEM_FIELDS) {
      if (field === 'name' || item[field] === null) continue;
      paragraph(runs, labels[field], [{ text: item[field]!, mark: 'none' }]);
    }
    if (!runs.length) runs.push({ text: '（各栏尚未填写）', mark: 'none' });
  };
  const only = (parts: readonly DiffPart[], side: 'removed' | 'added'): Run[] =>
    parts.filter((p) => p.kind === 'same' || p.kind === side).map((p) => ({ text: p.text, mark: p.kind === 'same' ? 'none' : side }));
  if (row.kind === 'added') {
    before.push({ text: '（无）', mark: 'none' });
    whole(after, row.after!);
  } else if (row.kind === 'removed') {
    whole(before, row.before!);
    after.push({ text: '（删除）', mark: 'none' });
  } else {
    for (const change of row.changes) {
      paragraph(before, change.label, change.before === null ? [{ text: '（空）', mark: 'none' }] : only(change.parts, 'removed'));
      paragraph(after, change.label, change.after === null ? [{ text: '（空）', mark: 'none' }] : only(change.parts, 'added'));
    }
    if (row.movedDomain) {
      paragraph(before, '领域', [{ text: row.movedDomain.from, mark: 'removed' }]);
      paragraph(after, '领域', [{ text: row.movedDomain.to, mark: 'added' }]);
    } else if (row.reordered) {
      paragraph(before, '序号', [{ text: String(row.before!.itemNo), mark: 'none' }]);
      paragraph(after, '序号', [{ text: String(row.after!.itemNo), mark: 'none' }]);
    }
  }
  return { before, after };
}

const plain = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/**
 * The runs with the line feeds of the laid-out text (layoutCellText: Chinese line breaking) put into
 * them: the layout only adds line feeds, so walking both texts side by side finds where.
 */
function brokenRuns(runs: readonly Run[], columnWidth: number): Run[] {
  const laid = layoutCellText(plain(runs), columnWidth, ANNEX_FONT_SIZES.body, TEXT_INDENT);
  let at = 0;
  return runs.map((run) => {
    let text = '';
    for (const char of run.text) {
      while (laid[at] === '\n' && char !== '\n') {
        text += '\n';
        at += 1;
      }
      text += char;
      at += char.length;
    }
    return { ...run, text };
  });
}

function richText(runs: readonly Run[]): { richText: RichText[] } {
  return {
    richText: runs.map((run) => ({
      text: run.text,
      font: {
        ...font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.body),
        ...(run.mark === 'removed' ? { strike: true } : run.mark === 'added' ? { bold: true, underline: true } : {}),
      },
    })),
  };
}

function writeDomainRow(sheet: Worksheet, rowNumber: number, heading: string): void {
  sheet.mergeCells(rowNumber, 1, rowNumber, COUNT);
  sheet.getCell(rowNumber, 1).value = heading;
  // A merge's border is written from every cell of it (exceljs).
  for (let column = 1; column <= COUNT; column += 1) {
    const cell = sheet.getCell(rowNumber, column);
    cell.font = font(ANNEX_FONTS.heading, ANNEX_FONT_SIZES.domain);
    cell.alignment = BODY_TEXT;
    cell.border = allBorders();
  }
  sheet.getRow(rowNumber).height = estimateRowHeight(
    [{ text: heading, columnWidth: ANNEX_TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.domain, indent: TEXT_INDENT }],
    { minHeightPt: 22 },
  );
}

/** The 对照表 as an .xlsx file. */
export async function writeComparisonTable(comparison: Comparison): Promise<Buffer> {
  const domains = changedDomains(comparison);
  const rows = domains.flatMap((d) => d.rows);
  const cells = rows.map((row) => comparisonCells(row, comparison.columnLabels));
  const itemName = (row: ComparedRow) => (row.after ?? row.before)!.name;
  const plainRows = rows.map((row, n) => [n + 1, itemName(row), plain(cells[n]!.before), plain(cells[n]!.after), row.note]);
  const { widths, rowHeights } = tableWidths({ columns: COMPARISON_COLUMNS, rows: plainRows });

  const title = `${comparison.after.label}修改对照表`;
  const workbook = await newAnnexWorkbook(title);
  const sheet = addAnnexSheet(workbook, { name: '对照表', columnWidths: widths, pageText: { header: '', footer: '' } });
  writeTitleRows(sheet, COUNT, '对照表', title, (t, size) => estimateRowHeight([{ text: t, columnWidth: ANNEX_TABLE_WIDTH, fontSizePt: size }]));
  // Under the title, what was compared with what.
  const sides = `原文：${comparison.before.label}　　修改后：${comparison.after.label}`;
  const sidesRow = ANNEX_ROWS.title + 1;
  sheet.mergeCells(sidesRow, 1, sidesRow, COUNT);
  const sidesCell = sheet.getCell(sidesRow, 1);
  sidesCell.value = layoutCellText(sides, ANNEX_TABLE_WIDTH, ANNEX_FONT_SIZES.pageText);
  sidesCell.font = font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.pageText);
  sidesCell.alignment = { ...CENTRED, vertical: 'top' };
  sheet.getRow(sidesRow).height = estimateRowHeight([{ text: sides, columnWidth: ANNEX_TABLE_WIDTH, fontSizePt: ANNEX_FONT_SIZES.pageText }], { minHeightPt: 22 });
  const labels = COMPARISON_COLUMNS.map((c) => c.label);
  writeHeaderRow(
    sheet,
    labels,
    estimateRowHeight(labels.map((label, i) => ({ text: label, columnWidth: widths[i]!, fontSizePt: ANNEX_FONT_SIZES.header })), { minHeightPt: 24 }),
  );

  const domainRows = new Set<number>();
  let rowNumber = ANNEX_ROWS.firstBody;
  let index = 0;
  for (const domain of domains) {
    writeDomainRow(sheet, rowNumber, domain.heading);
    domainRows.add(rowNumber);
    rowNumber += 1;
    for (const row of domain.rows) {
      const sheetRow = sheet.getRow(rowNumber);
      const text = (value: string, column: number) => layoutCellText(value, widths[column]!, ANNEX_FONT_SIZES.body, TEXT_INDENT);
      const values = [
        index + 1,
        text(itemName(row), 1),
        richText(brokenRuns(cells[index]!.before, widths[2]!)),
        richText(brokenRuns(cells[index]!.after, widths[3]!)),
        text(row.note, 4),
      ];
      values.forEach((value, column) => {
        const cell = sheetRow.getCell(column + 1);
        cell.value = value;
        cell.font = font(ANNEX_FONTS.body, ANNEX_FONT_SIZES.body);
        cell.alignment = column === 0 ? CENTRED : BODY_TEXT;
        cell.border = allBorders();
      });
      sheetRow.height = rowHeights[index]!;
      index += 1;
      rowNumber += 1;
    }
  }
  if (rows.length === 0) {
    writeDomainRow(sheet, rowNumber, '两者的服务项目没有差别。');
    rowNumber += 1;
  }
  const lastRow = rowNumber - 1;
  setPrintArea(sheet, COUNT, lastRow);
  writePageBreaks(sheet, lastRow, (row) => domainRows.has(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
