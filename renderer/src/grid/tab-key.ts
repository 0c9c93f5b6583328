// Tab in an open editor saves the cell and picks the next one, as in Excel and WPS; AG Grid's own Tab opens
// the next cell's editor too, and a list editor opened that way (单位, 分担规则) took no typing: the text a
// planner typed next went nowhere. Picked, not opened, the next cell takes typing as any picked cell does.
import type { GridApi } from 'ag-grid-community';
import { composing } from '../components/ime';

/** Handles Tab (Shift+Tab: the cell before) from an editor's own keydown; false for any other key. */
export function tabFromEditor(event: KeyboardEvent, api: GridApi): boolean {
  if (event.key !== 'Tab' || composing(event) || event.ctrlKey || event.altKey || event.metaKey) return false;
  event.preventDefault();
  event.stopPropagation();
  api.stopEditing();
  if (event.shiftKey) api.tabToPreviousCell();
  else api.tabToNextCell();
  return true;
}
