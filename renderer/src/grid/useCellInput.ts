// Typing on a picked cell starts its edit, as in Excel — including the first character of a Chinese
// input method. A browser only lets an input method compose into something editable, and a grid cell is
// a plain element: so while a cell is picked, focus rests in a small transparent text box inside it (the
// keyboard sink). AG Grid still sees every key (its handlers look up the cell from the event's target),
// so arrows, Enter, Tab, F2 and Delete work as before; a printed key opens the editor with that key; a
// composition runs in the sink (shown over the cell) and what it commits opens the editor with it.
// Copy and paste events also land on the sink, which is editable, so they fire in Electron as well.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import { cellKey, hasEditSeed, onEditorOpened, onKeysWaiting, seedNextEdit, takeEditSeed, typeIntoOpenEditor } from './edit-seed';
import { composing } from '../components/ime';
import { COMPOSING_CLASS, SINK_CLASS, isSink } from './cell-input-sink';
import { useJumpKeys } from './useJumpKeys';
import { historyKeyDirection } from './history-key';

/**
 * How long typed text waits for its cell to become editable: a save under way takes well under a second, but a
 * Ctrl+Z and the rows read again after it can take seconds on a slow office PC, and the text is not to be lost.
 */
const RETRY_MS = 10_000;
/** How long an editor a queued Enter or Tab was pressed into may still be the grid's edit before it counts as open. */
const STILL_OPEN_MS = 300;
/**
 * How long F2 waits for an edit that is closing to let go of the grid: half a second was too short on a loaded
 * machine (Esc, then F2, opened nothing). The cell must stay picked meanwhile, so a late F2 never opens another.
 */
const F2_RETRY_MS = 2_000;

/**
 * `onFixedColumn` is told the column that can never be edited (its header and id) and the row (its data) when
 * text is typed on it (the text is dropped: said, not silently).
 */
export function useCellInput(
  api: RefObject<GridApi | null>,
  wrapper: RefObject<HTMLDivElement | null>,
  enabled: boolean,
  onFixedColumn?: (header: string, colId: string, row: unknown) => void,
  /** True while an undo or redo is under way: typed keys wait until it is done and has moved the cursor. */
  stepping?: () => boolean,
) {
  useJumpKeys(api, wrapper);
  const fixedColumnTold = useRef(onFixedColumn);
  fixedColumnTold.current = onFixedColumn;
  const steppingNow = useRef(stepping);
  steppingNow.current = stepping;
  const sinkRef = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const root = wrapper.current;
    if (!root || !enabled) return;
    const sink = document.createElement('textarea');
    sink.className = SINK_CLASS;
    sink.setAttribute('aria-label', '在所选单元格中输入');
    sink.setAttribute('autocomplete', 'off');
    sink.spellcheck = false;
    sink.tabIndex = -1;
    sinkRef.current = sink;

    // A timer or observer may still fire after the tab's grid was destroyed.
    const liveGrid = (): GridApi | null => (api.current && !api.current.isDestroyed() ? api.current : null);
    const focusedCellElement = (): HTMLElement | null => {
      const grid = liveGrid();
      const cell = grid?.getFocusedCell();
      if (!grid || !cell || grid.getEditingCells().length) return null;
      return root.querySelector<HTMLElement>(`.ag-row[row-index="${cell.rowIndex}"] .ag-cell[col-id="${cell.column.getColId()}"]`);
    };
    /** Moves the sink into the focused cell, unless the planner is typing somewhere else. */
    const place = () => {
      const cellEl = focusedCellElement();
      if (!cellEl) return;
      const active = document.activeElement;
      const ours = active === null || active === document.body || active === sink || (root.contains(active) && !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement));
      if (!ours) return;
      if (waiting && waiting.cell !== focusedKey()) giveUp();
      if (sink.parentElement !== cellEl) cellEl.appendChild(sink);
      // Placed again while a composition runs in it (the frame after the microtask): its text is the planner's.
      if (!sink.classList.contains(COMPOSING_CLASS)) sink.value = '';
      if (document.activeElement !== sink) sink.focus({ preventScroll: true });
    };

    /**
     * Text typed on the picked cell: into the editor if one is open already, else it opens one with it. A cell
     * that cannot be edited this moment (its last edit still being saved, its row being drawn again) is tried
     * again for a while, the text kept; then, or once another cell is picked, the text is dropped, never left
     * to open the next edit with it.
     */
    let waiting: { cell: string; since: number; timer: ReturnType<typeof setTimeout> | null } | null = null;
    const focusedKey = () => {
      const grid = liveGrid();
      const cell = grid?.getFocusedCell();
      return grid && cell ? cellKey(grid.getDisplayedRowAtIndex(cell.rowIndex)?.id, cell.column.getColId()) : null;
    };
    const giveUp = () => {
      if (waiting?.timer) clearTimeout(waiting.timer);
      waiting = null;
      takeEditSeed();
      dropQueue();
    };

    /**
     * Keys pressed after typed text but before its editor opened (a slow machine, a row being drawn again):
     * "300⏎" typed fast must save 300 and go down, not lose the 300 to an Enter that reached the grid
     * first. Enter, Tab and arrows then wait here, with any text typed after them, and are replayed in order
     * as if the editor had been open: the key to the editor once it has taken the text, the text to the cell
     * the key led to once it is picked.
     */
    type Queued = { text: string } | { key: string; shiftKey: boolean; ctrlKey?: boolean };
    const queue: Queued[] = [];
    let drainTimer: ReturnType<typeof setTimeout> | null = null;
    // The editor an Enter or Tab from the queue was pressed into: the text after it waits until that editor has
    // closed. On the last row Enter ends the edit and stays on the cell, and the grid closes its editor after
    // the key: text typed on ("甲⏎乙⏎" in one go) went into the closing editor and was saved as 甲乙.
    let closing: HTMLElement | null = null;
    function dropQueue() {
      queue.length = 0;
      closing = null;
      if (drainTimer) clearTimeout(drainTimer);
      drainTimer = null;
    }
    const editorElement = (): HTMLElement | null => {
      const active = document.activeElement;
      return active instanceof HTMLElement && active.closest('.ag-popup-editor, .ag-cell-inline-editing') ? active : null;
    };
    const press = (target: HTMLElement, key: string, shiftKey: boolean, ctrlKey = false) =>
      target.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, shiftKey, ctrlKey, bubbles: true, cancelable: true }));
    const isStepping = () => steppingNow.current?.() ?? false;
    const drain = (since = Date.now()) => {
      drainTimer = null;
      const grid = liveGrid();
      if (!grid) return dropQueue();
      // Text still waiting for its editor: tryEdit drains once the editor has taken it. An undo or redo under
      // way: what follows it waits until it is done and has put the cursor on what it changed.
      while (queue.length && !waiting && !isStepping()) {
        if (closing && closing.isConnected && editorElement() === closing) {
          // Still the grid's edit a while after the key (a list editor's Enter that picked an option): it stays open.
          if (!grid.getEditingCells().length || Date.now() - since < STILL_OPEN_MS) break;
        }
        closing = null;
        const next = queue[0]!;
        const editing = grid.getEditingCells().length > 0;
        if ('text' in next) {
          // Into the editor the keys before it opened, or onto the cell they led to once it is picked.
          if (editing ? !editorElement() : document.activeElement !== sink) break;
          queue.shift();
          typeNow(next.text);
          continue;
        }
        if (next.key === 'F2') {
          // F2 after 甲⏎ typed on the last row: it edits what 甲's save leaves in the cell, 补 typed after it goes
          // after that (甲补; before, 补 alone was saved).
          if (editing || document.activeElement !== sink) break;
          queue.shift();
          startEditSoon(pressF2());
          since = Date.now();
          continue;
        }
        const target = editing ? editorElement() : document.activeElement === sink ? sink : null;
        if (!target) break;
        // Ctrl+Z / Ctrl+Y only once the edit before it has been told to the view (a task after its editor closed).
        if (next.ctrlKey && editing) break;
        queue.shift();
        press(target, next.key, next.shiftKey, next.ctrlKey);
        since = Date.now();
        if (next.ctrlKey) break;
        // Only a key that ends the edit: Shift+Enter breaks the line in a text editor, which stays open.
        if (editing && (next.key === 'Tab' || next.key === 'Escape' || (next.key === 'Enter' && !next.shiftKey))) {
          closing = target;
          break;
        }
      }
      if (!queue.length) return;
      if (Date.now() - since > RETRY_MS) return dropQueue();
      drainTimer = setTimeout(() => drain(since), 30);
    };
    /** Takes a key that must wait its turn; false when nothing is waiting and the key goes its normal way. */
    const queued = (event: KeyboardEvent): boolean => {
      if (!waiting && !queue.length) return false;
      if (historyKeyDirection(event)) {
        // Undo and redo wait their turn behind the keys before them (the history's handler let it through).
        event.preventDefault();
        event.stopPropagation();
        queue.push({ key: event.key.toLowerCase(), shiftKey: event.shiftKey, ctrlKey: true });
        if (!waiting && !drainTimer) drain();
        return true;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      if (event.key === 'Escape') {
        // Esc before the editor opened: the typing is cancelled, as Esc in the editor would have done.
        if (!queue.length) {
          giveUp();
          return false;
        }
        // Behind keys still waiting (甲⏎乙Esc丙⏎): it cancels the edit they will have opened, 乙's, not 甲 too.
        event.preventDefault();
        event.stopPropagation();
        queue.push({ key: 'Escape', shiftKey: false });
        return true;
      }
      const isKey = event.key === 'Enter' || event.key === 'Tab' || event.key.startsWith('Arrow') || (event.key === 'F2' && !event.shiftKey);
      if (!isKey && !(queue.length && event.key.length === 1)) return false;
      event.preventDefault();
      event.stopPropagation();
      queue.push(isKey ? { key: event.key, shiftKey: event.shiftKey } : { text: event.key });
      if (!waiting && !drainTimer) drain();
      return true;
    };

    const type = (text: string) => {
      // Typed while an undo or redo is under way: for the cell it will put the cursor on, as in Excel.
      if (queue.length || isStepping()) {
        queue.push({ text });
        if (!waiting && !drainTimer) drainTimer = setTimeout(() => drain(), 30);
        return;
      }
      typeNow(text);
    };
    /**
     * The picked cell's column when it can never be edited (a figure, 序号): typed text is dropped at once, not
     * held for seconds with the Enter after it. A column editable by a rule (a cell still saving) is waited for.
     */
    const fixedColumn = () => {
      const column = liveGrid()?.getFocusedCell()?.column;
      const editable = column?.getColDef().editable;
      return column !== undefined && (editable === false || editable === undefined) ? column : null;
    };
    const typeNow = (text: string) => {
      // Only into an editor that is still the grid's edit: one that Enter or Tab has just ended stays registered
      // until it is gone from the page, and text put into it then was lost.
      if (liveGrid()?.getEditingCells().length && typeIntoOpenEditor(text)) return;
      if (waiting && waiting.cell !== focusedKey()) giveUp();
      const cell = focusedKey();
      const fixed = cell && fixedColumn();
      if (fixed) {
        const grid = liveGrid();
        const rowIndex = grid?.getFocusedCell()?.rowIndex;
        const row = rowIndex === undefined ? undefined : grid?.getDisplayedRowAtIndex(rowIndex)?.data;
        fixedColumnTold.current?.(fixed.getColDef().headerName ?? fixed.getColId(), fixed.getColId(), row);
      }
      if (!cell || fixed) return giveUp();
      seedNextEdit(text, cell, f2 !== null && f2.cell === cell && Date.now() < f2.until);
      if (waiting) return;
      // Opened on the next task, not now: AG Grid tells an edit it has just ended (its cellEditRequest) a task
      // later, and an editor opened before that started from the value before that edit (甲⏎ then F2 and 补
      // on the last row saved 补 after the old text, 甲 lost).
      waiting = { cell, since: Date.now(), timer: setTimeout(tryEdit, 0) };
    };
    /**
     * Opens the waiting cell's editor, and keeps at it until the editor has taken the text: an edit started
     * can still be taken away before its editor appears (its row drawn again by the figures of a save), and
     * the text must then open the cell again, not wait for whatever edit comes next.
     */
    const tryEdit = () => {
      const grid = liveGrid();
      if (!waiting || !grid || focusedKey() !== waiting.cell) return giveUp();
      if (tookText()) return;
      startEdit();
      if (Date.now() - waiting.since > RETRY_MS) return giveUp();
      waiting.timer = setTimeout(tryEdit, 50);
    };
    /**
     * Whether the waiting text's editor has taken it: then nothing waits any more, and the keys queued behind
     * the text are replayed at once (a drain already set for later runs now).
     */
    const tookText = (): boolean => {
      if (!waiting || hasEditSeed(waiting.cell)) return false;
      if (waiting.timer) clearTimeout(waiting.timer);
      waiting = null;
      drainNow();
      return true;
    };
    /** The queued keys replayed now, not when a drain set for later would run. */
    const drainNow = () => {
      if (!queue.length) return;
      if (drainTimer) clearTimeout(drainTimer);
      drain();
    };
    /** Opens the picked cell's editor; false when another edit (one just closing, say) still holds the grid. */
    const startEdit = (): boolean => {
      const grid = liveGrid();
      const cell = grid?.getFocusedCell();
      if (!grid || !cell) return true;
      if (grid.getEditingCells().length) return false;
      grid.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.column.getColId() });
      return true;
    };
    /**
     * F2 pressed the moment an edit closed (Esc, then F2 at once) finds the grid still counting that edit as
     * open, or the cell not editable while its row is read again (after 撤销): it would do nothing. It is tried
     * again, for the same cell, until an edit is open.
     */
    const startEditSoon = (cell = focusedKey(), since = Date.now()) => {
      if (!cell || focusedKey() !== cell || Date.now() - since > F2_RETRY_MS) {
        if (f2?.cell === cell) f2 = null;
        return;
      }
      if (startEdit() && liveGrid()?.getEditingCells().length) {
        // Its editor draws itself a moment later (a list editor never says it has opened).
        if (f2?.cell === cell) f2.until = Math.min(f2.until, Date.now() + 300);
        return;
      }
      setTimeout(() => startEditSoon(cell, since), 30);
    };
    /**
     * The cell F2 was pressed on, until its editor opens: text typed meanwhile goes after the cell's text, as it
     * would in that editor (before, it took the text's place, and 已保存 was told over the text lost).
     */
    let f2: { cell: string; until: number } | null = null;
    const pressF2 = () => {
      const cell = focusedKey();
      f2 = cell ? { cell, until: Date.now() + F2_RETRY_MS } : null;
      return cell ?? undefined;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (composing(event)) {
        // An editor opened meanwhile waits for this composition (focusWhenSinkIdle): its keys are not the grid's,
        // or an input method's confirming Enter would end that edit with the first word only.
        if (liveGrid()?.getEditingCells().length) event.stopPropagation();
        return;
      }
      // A key replayed from the queue goes its normal way.
      if (!event.isTrusted) return;
      if (queued(event)) return;
      // F2 on the picked cell edits what is there, as in Excel: handled here, since a key the sink holds
      // may not reach the grid's own handler.
      if (event.key === 'F2' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        event.stopPropagation();
        const cell = pressF2();
        // On the next task, as typed text is (typeNow): an edit just ended is told to the view first.
        setTimeout(() => startEditSoon(cell), 0);
        return;
      }
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        event.stopPropagation();
        type(event.key);
      }
    };
    const onCompositionStart = () => sink.classList.add(COMPOSING_CLASS);
    const onCompositionEnd = (event: CompositionEvent) => {
      sink.classList.remove(COMPOSING_CLASS);
      const text = event.data || sink.value;
      sink.value = '';
      if (text) type(text);
    };
    // Text put in without a key press or a composition (voice input, an emoji panel). A line break is not
    // text: it is the Enter of a key pressed while the focus was on the page, which the sink took over
    // (onPageKeyDown) — typed, it opened the cell's editor empty, and the next click saved the cell cleared.
    const onInput = (event: Event) => {
      if ((event as InputEvent).isComposing || sink.classList.contains(COMPOSING_CLASS)) return;
      const text = sink.value.replace(/[\r\n]/gu, '');
      sink.value = '';
      if (text) type(text);
    };
    const onFocusOut = () => {
      // AG Grid redrew the cell and the sink went with it: put it back once the grid settles.
      setTimeout(() => {
        if (!sink.isConnected || document.activeElement === document.body) place();
      }, 0);
    };
    const stopWaitingCheck = onKeysWaiting(() => waiting !== null || queue.length > 0);
    // The editor the waiting text opened is there: the keys queued behind that text are replayed now, not on the
    // next retry up to 50 ms later. In that gap an input method's next word, begun right after Enter, composed
    // in the still-open editor and was saved into the cell before (甲单位负责乙单位负责).
    const stopListening = onEditorOpened(() => {
      f2 = null;
      if (liveGrid() && !tookText() && !waiting) drainNow();
    });
    sink.addEventListener('keydown', onKeyDown);
    sink.addEventListener('compositionstart', onCompositionStart);
    sink.addEventListener('compositionend', onCompositionEnd);
    sink.addEventListener('input', onInput);
    sink.addEventListener('focusout', onFocusOut);

    // Whenever AG Grid puts the browser's focus on a cell, the sink takes it over: as soon as AG Grid's own
    // handling of the key or click is done (a microtask), and again on the next frame, once a redraw has
    // settled. Waiting for the frame alone left a window in which an input method's text, committed right
    // after Enter ended an edit, fell on the cell — which is not editable, so the browser dropped it unseen.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !target.classList.contains('ag-cell')) return;
      queueMicrotask(place);
      requestAnimationFrame(place);
    };
    root.addEventListener('focusin', onFocusIn);
    // A key typed in the moment between AG Grid picking a cell and the sink taking the focus lands on the
    // cell itself, or, while its row is drawn again, on the row or the grid's body: it is taken the same way,
    // not left to AG Grid (which drops it on a cell still saving). Keys in an editor, a box or a button are theirs.
    const onCellKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || isSink(target) || target.closest('input, textarea, select, button, a, .ag-popup')) return;
      if (!target.closest('.ag-header, .ag-floating-filter, .ag-paging-panel')) onKeyDown(event);
    };
    root.addEventListener('keydown', onCellKeyDown, true);
    // While keys wait their turn, the ones pressed after them wait too, wherever they land: an editor the
    // text before them opened takes the focus, and a key typed into it would jump the queue.
    const onQueuedKeyDown = (event: KeyboardEvent) => {
      if (!queue.length || event.defaultPrevented || !event.isTrusted || composing(event)) return;
      queued(event);
    };
    root.addEventListener('keydown', onQueuedKeyDown, true);
    // Text put in without a key press (an input method's plain commit, voice input) somewhere other than the
    // sink. Into this grid's editor while keys wait their turn: the editor opened with the text before them, and
    // the queued Enter that ends it reaches it only on the next drain; 乙 of "甲⏎乙⏎" typed in one go went into
    // the box and was saved with 甲. It waits behind the keys instead, as does text typed into the editor a
    // queued Enter or Tab is closing. On the picked cell itself before the sink has taken the focus over (an
    // editor just closed): the cell holds no text and it was lost; it is the cell's. (A composition cannot be
    // held back so: it runs in the box until it commits, far longer than the editor waits for its Enter.)
    const onStrayInput = (event: InputEvent) => {
      if (!event.cancelable || event.isComposing || !event.data || event.inputType !== 'insertText') return;
      const target = event.target;
      if (!(target instanceof HTMLElement) || isSink(target) || !root.contains(target)) return;
      if (target.closest('.ag-popup-editor, .ag-cell-inline-editing')) {
        if (!queue.length && !(closing?.isConnected && closing.contains(target))) return;
        event.preventDefault();
        queue.push({ text: event.data });
        if (!waiting && !drainTimer) drain();
        return;
      }
      if (target.closest('input, textarea, select, button, a, [contenteditable], .ag-popup, .ag-header, .ag-floating-filter, .ag-paging-panel')) return;
      if (!focusedCellElement()) return;
      event.preventDefault();
      type(event.data);
      place();
    };
    document.addEventListener('beforeinput', onStrayInput, true);
    // When AG Grid draws the picked cell's row again (its figures saved), the sink goes with the old cell and the
    // focus falls to the page until it is put back: a key typed then is still the picked cell's.
    const onPageKeyDown = (event: KeyboardEvent) => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      if (!focusedCellElement()) return;
      onKeyDown(event);
      place();
    };
    document.addEventListener('keydown', onPageKeyDown);
    return () => {
      stopListening();
      stopWaitingCheck();
      document.removeEventListener('keydown', onPageKeyDown);
      giveUp();
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('keydown', onCellKeyDown, true);
      root.removeEventListener('keydown', onQueuedKeyDown, true);
      document.removeEventListener('beforeinput', onStrayInput, true);
      sink.remove();
      sinkRef.current = null;
    };
  }, [api, wrapper, enabled]);

  return sinkRef;
}
