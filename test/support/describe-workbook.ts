// A description of a workbook as a person would check it, not its bytes: per sheet the cell values,
// merges, fonts, column widths, row heights, page setup, print titles, header/footer and page breaks.
// Golden copies of the seeded annexes are compared against it, so a change in layout shows in review.
import ExcelJS from 'exceljs';

export interface SheetDescription {
  name: string;
  columnWidths: number[];
  merges: string[];
  pageSetup: Record<string, unknown>;
  headerFooter: Record<string, unknown>;
  rowBreaks: number[];
  rows: Array<{ row: number; height: number | undefined; cells: Array<[string, unknown, string | undefined, number | undefined]> }>;
}

export async function describeWorkbook(bytes: Buffer | ArrayBuffer): Promise<SheetDescription[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const rows: SheetDescription['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: SheetDescription['rows'][number]['cells'] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== null && cell.value !== undefined && !cell.isMerged) cells.push([cell.address, cell.value, cell.font?.name, cell.font?.size]);
        else if (cell.isMerged && cell.master === cell) cells.push([cell.address, cell.value, cell.font?.name, cell.font?.size]);
      });
      rows.push({ row: number, height: row.height, cells });
    });
    const { margins, paperSize, orientation, fitToPage, scale, printArea, printTitlesRow, horizontalCentered } = sheet.pageSetup;
    return {
      name: sheet.name,
      columnWidths: (sheet.columns ?? []).map((column) => column.width ?? 0),
      merges: [...((sheet.model as { merges?: string[] }).merges ?? [])].sort(),
      pageSetup: { margins, paperSize, orientation, fitToPage: fitToPage ?? false, scale, printArea, printTitlesRow, horizontalCentered },
      headerFooter: { ...sheet.headerFooter },
      rowBreaks: ((sheet as unknown as { rowBreaks?: Array<{ id: number }> }).rowBreaks ?? []).map((b) => b.id),
      rows,
    };
  });
}
