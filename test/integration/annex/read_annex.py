"""Reads an annex .xlsx with openpyxl, a reader independent of exceljs, and prints what the tests
compare as JSON. Usage: /usr/bin/python3 read_annex.py FILE.xlsx"""
import json
import sys

import openpyxl


def font_of(cell):
    return {"name": cell.font.name, "size": float(cell.font.sz) if cell.font.sz is not None else None}


def footer_part(part):
    return {"text": part.text, "font": part.font, "size": part.size}


def main(path):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    setup = sheet.page_setup
    margins = sheet.page_margins
    cells = {}
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column):
        for cell in row:
            if cell.value is not None:
                cells[cell.coordinate] = {"value": cell.value, **font_of(cell)}
    json.dump(
        {
            "sheetNames": workbook.sheetnames,
            "title": sheet.title,
            "creator": workbook.properties.creator,
            "docTitle": workbook.properties.title,
            "mergedRanges": sorted(str(r) for r in sheet.merged_cells.ranges),
            "printTitleRows": sheet.print_title_rows,
            "printArea": sheet.print_area,
            "orientation": setup.orientation,
            "paperSize": int(setup.paperSize) if setup.paperSize is not None else None,
            "fitToWidth": int(setup.fitToWidth) if setup.fitToWidth is not None else None,
            "fitToHeight": int(setup.fitToHeight) if setup.fitToHeight is not None else None,
            "fitToPage": bool(sheet.sheet_properties.pageSetUpPr.fitToPage) if sheet.sheet_properties.pageSetUpPr else False,
            "firstPageNumber": int(setup.firstPageNumber) if setup.firstPageNumber is not None else None,
            "useFirstPageNumber": bool(setup.useFirstPageNumber),
            "horizontalCentered": bool(sheet.print_options.horizontalCentered),
            "margins": {
                "top": margins.top,
                "bottom": margins.bottom,
                "left": margins.left,
                "right": margins.right,
                "header": margins.header,
                "footer": margins.footer,
            },
            "differentOddEven": bool(sheet.HeaderFooter.differentOddEven),
            "oddFooterRight": footer_part(sheet.oddFooter.right),
            "evenFooterLeft": footer_part(sheet.evenFooter.left),
            "freezePanes": sheet.freeze_panes,
            "maxRow": sheet.max_row,
            "maxColumn": sheet.max_column,
            "columnWidths": {
                letter: dim.width for letter, dim in sorted(sheet.column_dimensions.items()) if dim.width
            },
            "cells": cells,
            "sheets": [
                {
                    "title": ws.title,
                    "rowBreaks": [brk.id for brk in ws.row_breaks.brk],
                    "printTitleRows": ws.print_title_rows,
                    "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr else False,
                    "scale": int(ws.page_setup.scale) if ws.page_setup.scale is not None else None,
                    "oddHeader": ws.oddHeader.right.text,
                    "rowHeights": [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)],
                    "topMargin": ws.page_margins.top,
                }
                for ws in workbook.worksheets
            ],
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(sys.argv[1])
