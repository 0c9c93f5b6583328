import type { ColDef } from 'ag-grid-community';
import { MAX_CELL_CHARS } from '../../../shared/domain/catalogue';
import type { ColumnLabels, ItemField } from '../../../shared/domain/catalogue';
import type { GridRow, ItemRow } from './catalogue-rows';
import type { GridMarks } from './grid-marks';
import { rangeClassRules } from './grid-marks';
import { TextCellRenderer } from './TextCellRenderer';
import { TextCellEditor } from './TextCellEditor';

// Relative widths echo the official annex: the standard column carries the longest texts.
const FLEX: Record<ItemField, number> = {
  name: 1.1,
  targetGroup: 1.6,
  standard: 3.2,
  fundingResponsibility: 1.6,
  leadDepartment: 1.1,
};

/** Whether a cell may be edited now (it may not while its last edit is still being saved). */
export type CanEdit = (row: ItemRow, field: ItemField) => boolean;

function textColumn(field: ItemField, label: string, canEdit: CanEdit, marks: GridMarks): ColDef<GridRow> {
  return {
    colId: field,
    headerName: label,
    field: field as never,
    flex: FLEX[field],
    // The catalogue's order is the document's: a header click never reorders it.
    sortable: false,
    minWidth: 120,
    wrapText: true,
    autoHeight: true,
    editable: (params) => params.data?.kind === 'item' && canEdit(params.data, field),
    cellEditor: TextCellEditor,
    cellEditorPopup: true,
    cellEditorParams: { maxLength: MAX_CELL_CHARS },
    cellRenderer: TextCellRenderer,
    cellClass: 'text-cell',
    cellClassRules: rangeClassRules(marks, field),
  };
}

export function catalogueColumns(labels: ColumnLabels, canEdit: CanEdit, marks: GridMarks): ColDef<GridRow>[] {
  return [
    {
      colId: 'itemNo',
      headerName: labels.itemNo,
      field: 'itemNo' as never,
      width: 72,
      pinned: 'left',
      sortable: false,
      cellClass: 'item-no',
      cellClassRules: rangeClassRules(marks, 'itemNo'),
      editable: false,
    },
    textColumn('name', labels.name, canEdit, marks),
    textColumn('targetGroup', labels.targetGroup, canEdit, marks),
    textColumn('standard', labels.standard, canEdit, marks),
    textColumn('fundingResponsibility', labels.fundingResponsibility, canEdit, marks),
    textColumn('leadDepartment', labels.leadDepartment, canEdit, marks),
  ];
}
