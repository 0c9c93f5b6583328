// Saving one driver cell: checked here first with the same parser the Node side uses, then sent with the
// value it started from (`expected`), shown only once saved; a refusal goes to the status line.
import { useCallback, useRef, useState } from 'react';
import type { CellEditRequestEvent } from 'ag-grid-community';
import { DRIVER_FIELD_LABELS, driverCellName, normalisedDriverText, parseDriverField, typedCoverage } from '../../../../shared/domain/pricing/drivers';
import type { DriverField, ItemDriver } from '../../../../shared/domain/pricing/drivers';
import { ApiError, errorMessage, invoke } from '../../api/client';
import { retryWhereTyped } from '../../grid/retry-edit';
import { CellSaves } from '../../grid/cell-saves';
import type { PricingGridRow } from '../../grid/pricing-rows';
import type { SaveStatus } from '../save-status';

function storedText(driver: ItemDriver, field: DriverField): string | null {
  const v = driver[field];
  return v === null ? null : String(v);
}

/** `track` counts a save as under way (so a Ctrl+Z meanwhile waits for it) and reads the history again after. */
export function useDriverEdit(
  showDriver: (driver: ItemDriver) => void,
  refresh: (itemIds?: string[]) => void,
  track: <T>(work: Promise<T>) => Promise<T>,
  /** True while the rows still show values an undo or redo has changed. */
  stale: () => boolean,
  /** A save told under a change number: its figures are read once, after its event or its reply (usePricingData). */
  saved: (changeSeq: number, itemIds: string[]) => void,
  /** The cohorts some region has a count or share of. */
  countedCohorts: () => readonly string[],
) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const saves = useRef(new CellSaves<ItemDriver>());
  const latest = useRef(0);

  // An item's driver cells are saved one after another, not each cell's alone: a unit saved brings its periods
  // (the Node side), and 每年期数 typed on at once with Tab (10⇥元/生/年⇥200⏎) was sent against the periods from
  // before the unit and refused as changed elsewhere. While one is saved, the item's cells wait (typing too).
  const canEdit = useCallback((itemId: string) => !saves.current.busy(itemId) && !stale(), [stale]);

  const save = useCallback(
    /**
     * `retry` opens the cell's editor again with what was typed, when it is refused (retry-edit.ts); `before`
     * is the driver as the cell's save just before this one left it (CellSaves), which the row may not show yet.
     */
    async (row: Extract<PricingGridRow, { kind: 'item' }>, field: DriverField, input: string | null, retry: (text: string) => void, before: ItemDriver | undefined): Promise<ItemDriver> => {
      const stored = before ?? row.driver;
      const what = `第${row.itemNo}项的“${DRIVER_FIELD_LABELS[field]}”`;
      const edit = ++latest.current;
      const report = (next: SaveStatus) => edit === latest.current && setStatus(next);
      // 覆盖率 shows percentages: what is typed there is read as Excel reads a percentage cell (1 is 1%).
      const parsed = parseDriverField(field, field === 'coverage' && input !== null ? typedCoverage(input) : input);
      if (!parsed.ok) {
        // Named as the Node side names a refused value: the item's name too, to find it again.
        report({ state: 'refused', what, message: `${driverCellName(row.itemNo, row.name, field)}：${parsed.message}，本次修改没有保存。` });
        retry(input ?? '');
        return stored;
      }
      const value = parsed.value === null ? null : String(parsed.value);
      const expected = storedText(stored, field);
      // Nothing to save; a refusal shown for an earlier try no longer holds.
      if (value === normalisedDriverText(field, expected)) {
        report({ state: 'idle' });
        return stored;
      }
      report({ state: 'saving', what });
      try {
        // A unit chosen while no periods a year are set brings its own, in the same step (the Node side).
        const { value: driver, changeSeq } = await track(invoke('drivers.update', { itemId: row.itemId, field, value, expected }));
        showDriver(driver);
        // A cohort no region has a count of prices nothing: a misspelt name is said at once, not found later.
        const counted = countedCohorts();
        if (field === 'cohort' && driver.cohort !== null && !counted.includes(driver.cohort)) {
          report({ state: 'done', message: `已保存 ${what}；但还没有任何地区有人群“${driver.cohort}”的人数，这一项算不出（名称是否写错？已有人数的人群：${counted.slice(0, 8).join('、')}${counted.length > 8 ? ' 等' : ''}；新人群请在“行政区与人口”导入人数或设置比例）`, at: new Date() });
        } else report({ state: 'saved', what, at: new Date() });
        // The item's row and the totals follow, read once for this reply and the change event alike.
        saved(changeSeq, [row.itemId]);
        return driver;
      } catch (error) {
        report({ state: 'refused', what, message: errorMessage(error) });
        // The row as it is now: changed elsewhere (a conflict, and then everything, the typed text no longer
        // meant for it), or as it was, the typed text back in its editor.
        const conflict = error instanceof ApiError && error.payload.code === 'conflict';
        refresh(conflict ? undefined : [row.itemId]);
        if (!conflict) retry(input ?? '');
        throw error;
      }
    },
    [showDriver, refresh, track, saved, countedCohorts],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<PricingGridRow>) => {
      const row = event.data;
      if (!row || row.kind !== 'item') return;
      const input = event.newValue === null || event.newValue === undefined ? null : String(event.newValue);
      const field = event.column.getColId() as DriverField;
      const retry = retryWhereTyped(event.api, event.node.id, field);
      saves.current.run(row.itemId, (before) => save(row, field, input, retry, before)).catch(() => {});
    },
    [save],
  );

  return { status, setStatus, canEdit, onCellEditRequest };
}
