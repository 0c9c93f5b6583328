import type { ColDef } from 'ag-grid-community';
import { MAX_CELL_CHARS } from '../../../shared/domain/catalogue';
import type { ColumnLabels, ItemField } from '../../../shared/domain/catalogue';
import type { GridRow } from './catalogue-rows';
import { TextCellRenderer } from './TextCellRenderer';

// Relative widths echo the official annex: the standard column carries the longest texts.
const FLEX: Record<ItemField, number> = {
  name: 1.1,
  targetGroup: 1.6,
  standard: 3.2,
  fundingResponsibility: 1.6,
  leadDepartment: 1.1,
};

function textColumn(field: ItemField, label: string): ColDef<GridRow> {
  return {
    colId: field,
    headerName: label,
    field: field as never,
    flex: FLEX[field],
    minWidth: 120,
    wrapText: true,
    autoHeight: true,
    editable: (params) => params.data?.kind === 'item',
    cellEditor: 'agLargeTextCellEditor',
    cellEditorPopup: true,
    cellEditorParams: { maxLength: MAX_CELL_CHARS, rows: 10, cols: 60 },
    cellRenderer: TextCellRenderer,
    cellClass: 'text-cell',
  };
}

export function catalogueColumns(labels: ColumnLabels): ColDef<GridRow>[] {
  return [
    {
      colId: 'itemNo',
      headerName: labels.itemNo,
      field: 'itemNo' as never,
      width: 72,
      pinned: 'left',
      cellClass: 'item-no',
      editable: false,
    },
    textColumn('name', labels.name),
    textColumn('targetGroup', labels.targetGroup),
    textColumn('standard', labels.standard),
    textColumn('fundingResponsibility', labels.fundingResponsibility),
    textColumn('leadDepartment', labels.leadDepartment),
  ];
}
