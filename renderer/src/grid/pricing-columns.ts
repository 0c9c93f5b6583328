// Columns of the 测算 grid: the item's own words (read-only), its cost drivers (editable, saved one
// cell at a time), then the figures computed over the years priced and the item's status.
import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { DRIVER_FIELD_LABELS, DRIVER_UNITS, coveragePercent } from '../../../shared/domain/pricing/drivers';
import type { DriverField } from '../../../shared/domain/pricing/drivers';
import { plainDecimal } from '../../../shared/domain/pricing/decimal';
import { formatCount, formatMoney } from '../../../shared/domain/pricing/money';
import type { MoneyUnit } from '../../../shared/domain/pricing/money';
import { LEVELS, LEVEL_LABELS } from '../../../shared/domain/pricing/results';
import { ruleChoices, rulesOfProvince } from '../../../shared/domain/pricing/split-rules';
import type { SplitRule } from '../../../shared/domain/pricing/split-rules';
import { ChoiceCellEditor } from './ChoiceCellEditor';
import type { ChoiceEditorParams } from './ChoiceCellEditor';
import type { ChoiceOption } from '../../../shared/domain/choice';
import { LineCellEditor } from './LineCellEditor';
import type { LineEditorParams } from './LineCellEditor';
import { DriverCell, FigureCell, ShortTextCell, StatusCell, SuggestionCell } from './pricing-cells';
import type { PricingGridRow } from './pricing-rows';
import type { GridMarks } from './grid-marks';
import { rangeClassRules } from './grid-marks';

type Col = ColDef<PricingGridRow>;

export interface PricingColumnSources {
  cohorts: () => readonly string[];
  rules: () => readonly SplitRule[];
  /** The catalogue's province: the 分担规则 list offers its rules and the shared ones, not another province's. */
  provinceCode: () => string | null;
  /** Whether an item's driver cells may be edited now (not while an edit of one of them is still being saved). */
  canEdit: (itemId: string) => boolean;
}

const WIDTH: Record<DriverField, number> = {
  cohort: 136,
  coverage: 84,
  unitAmount: 96,
  unit: 104,
  periodsPerYear: 84,
  baseYear: 84,
  yearlyChange: 84,
  splitRuleId: 230,
  centralPct: 96,
};

function driverText(row: PricingGridRow | undefined, field: DriverField): string | null {
  if (!row || row.kind !== 'item') return null;
  const v = row.driver[field];
  if (v === null) return null;
  return typeof v === 'number' ? String(v) : v;
}

function driverColumn(field: DriverField, sources: PricingColumnSources): Col {
  // Editors open over the cell, not in it: the picked cell's keyboard sink (useCellInput) lives in the cell,
  // and an editor drawn in its place would take the focus away and end the edit as it began.
  const choice = (options: () => readonly ChoiceOption[]): Partial<Col> => ({
    cellEditor: ChoiceCellEditor,
    cellEditorParams: { options } satisfies ChoiceEditorParams,
    cellEditorPopup: true,
  });
  const line = (suggestions?: () => readonly ChoiceOption[]): Partial<Col> => ({
    cellEditor: LineCellEditor,
    cellEditorParams: { maxLength: 40, suggestions } satisfies LineEditorParams,
    cellEditorPopup: true,
  });
  const editor: Partial<Col> =
    field === 'cohort'
      ? line(() => sources.cohorts().map((c) => ({ value: c, label: c })))
      : field === 'unit'
        ? choice(() => DRIVER_UNITS.map((u) => ({ value: u.unit, label: u.unit })))
        : field === 'splitRuleId'
          ? choice(() => ruleChoices(rulesOfProvince(sources.rules(), sources.provinceCode())))
          : line();
  return {
    colId: field,
    headerName: DRIVER_FIELD_LABELS[field],
    width: WIDTH[field],
    valueGetter: (p: ValueGetterParams<PricingGridRow>) => driverText(p.data, field),
    valueFormatter: (p: ValueFormatterParams<PricingGridRow>) => {
      if (p.value === null || p.value === undefined) return '';
      if (field === 'splitRuleId') return sources.rules().find((r) => r.id === p.value)?.name ?? String(p.value);
      if (field === 'coverage') return coveragePercent(String(p.value));
      if (field === 'periodsPerYear' || field === 'centralPct' || field === 'unitAmount' || field === 'yearlyChange') {
        return plainDecimal(String(p.value)) + (field === 'centralPct' ? '%' : '');
      }
      return String(p.value);
    },
    // Only text a narrow cell may cut (a rule's or a cohort's name): a tooltip repeating "0.1" over the cell
    // stayed on screen while the planner typed on.
    tooltipValueGetter: (p) => (p.valueFormatted && String(p.valueFormatted).length > TOOLTIP_FROM ? String(p.valueFormatted) : null),
    editable: (p) => p.data?.kind === 'item' && sources.canEdit(p.data.itemId),
    cellRenderer: DriverCell,
    // An empty 每年期数 shows its unit's periods (DriverCell): drawn again whenever its row changes, as a unit
    // imported, undone or cleared can leave the cell's own value empty as it was while its unit changes.
    ...(field === 'periodsPerYear' ? { equals: () => false } : {}),
    cellClass: (p) => ['driver-cell', ...(p.value === null ? ['driver-empty'] : [])],
    headerClass: 'driver-header',
    ...editor,
  };
}

/** Driver text longer than this many characters may not fit its cell, and gets a tooltip. */
const TOOLTIP_FROM = 7;

function moneyColumn(colId: string, headerName: string, unit: MoneyUnit, pick: (row: PricingGridRow) => string | null): Col {
  return {
    colId,
    headerName: `${headerName}（${unit}）`,
    // Wide enough for a province's five-year total: 68,869,974,600.00 元, 16,542,345.40 万元.
    width: unit === '元' ? 168 : unit === '万元' ? 134 : 112,
    valueGetter: (p) => (p.data ? pick(p.data) : null),
    valueFormatter: (p) => (typeof p.value === 'string' ? formatMoney(p.value, unit) : ''),
    cellRenderer: FigureCell,
    cellClass: 'figure-cell',
    headerClass: 'figure-header',
    editable: false,
  };
}

/** The columns, each drawing the picked range (`marks`) as the 条目 grid does. */
export function pricingColumns(unit: MoneyUnit, sources: PricingColumnSources, marks: GridMarks): Col[] {
  return pricingColumnList(unit, sources).map((column) => ({ ...column, cellClassRules: rangeClassRules(marks, column.colId!) }));
}

function pricingColumnList(unit: MoneyUnit, sources: PricingColumnSources): Col[] {
  const text = (colId: 'targetGroup' | 'standard', headerName: string, width: number): Col => ({
    colId,
    headerName,
    field: colId as never,
    width,
    cellRenderer: ShortTextCell,
    cellClass: 'short-text-cell',
    tooltipField: colId as never,
    editable: false,
  });
  const totals = (row: PricingGridRow) => (row.kind === 'item' && row.totals ? row.totals : null);
  return [
    { colId: 'itemNo', headerName: '序号', field: 'itemNo' as never, width: 64, pinned: 'left', cellClass: 'item-no', editable: false },
    { colId: 'name', headerName: '服务项目', field: 'name' as never, width: 150, pinned: 'left', cellClass: 'short-text-cell item-name', cellRenderer: ShortTextCell, tooltipField: 'name' as never, editable: false },
    text('targetGroup', '服务对象', 150),
    text('standard', '服务指导标准', 220),
    ...(['cohort', 'coverage', 'unitAmount', 'unit', 'periodsPerYear', 'baseYear', 'yearlyChange', 'splitRuleId', 'centralPct'] as const).map((f) => driverColumn(f, sources)),
    {
      colId: 'beneficiaries',
      headerName: '受益人数（首年）',
      width: 120,
      valueGetter: (p) => (p.data?.kind === 'item' ? p.data.beneficiaries : null),
      valueFormatter: (p) => (typeof p.value === 'string' ? formatCount(p.value) : ''),
      cellRenderer: FigureCell,
      cellClass: 'figure-cell',
      headerClass: 'figure-header',
      editable: false,
    },
    moneyColumn('cost', '合计', unit, (row) => totals(row)?.cost ?? null),
    ...LEVELS.map((level) => moneyColumn(level, LEVEL_LABELS[level], unit, (row) => totals(row)?.[level] ?? null)),
    // Kept in view at the right edge (a 1366-pixel screen showed it only after scrolling past every figure):
    // whether an item is priced, in part, or what it lacks, beside whichever driver is being typed.
    { colId: 'status', headerName: '状态', width: 156, pinned: 'right', cellRenderer: StatusCell, cellClass: 'status-cell', editable: false },
    // Last: the figures stand beside the drivers they follow from, without scrolling past the suggestions.
    { colId: 'suggestion', headerName: '建议（摘自服务指导标准与支出责任）', width: 300, cellRenderer: SuggestionCell, cellClass: 'suggestion-cell', editable: false },
  ];
}
