// The AG Grid Community modules the three grids use (条目, 重点任务, 测算, and the indicator table), and
// no more: AllCommunityModule would put every filter, export and row model in the first bundle the grid
// waits for. In development the validation module names any module a new feature needs (AG Grid's
// error #200 in the console).
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  ExternalFilterModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

export function registerGridModules(development: boolean): void {
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    CustomEditorModule,
    TextEditorModule,
    LargeTextEditorModule,
    TooltipModule,
    RowDragModule,
    RowSelectionModule,
    ExternalFilterModule,
    CellStyleModule,
    RowStyleModule,
    RowAutoHeightModule,
    RenderApiModule,
    RowApiModule,
    ScrollApiModule,
    ColumnApiModule,
    EventApiModule,
    CellApiModule,
    LocaleModule,
    ...(development ? [ValidationModule] : []),
  ]);
}
