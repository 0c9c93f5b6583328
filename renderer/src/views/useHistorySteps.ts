// 撤销 and 重做 of a catalogue's one history from the views beside 条目 (重点任务, 测算): the toolbar's buttons
// and Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) as in Excel and WPS. A step undoes the newest step of the catalogue,
// whichever tab it was taken in, as the button's title says. Steps run one after another, in the order asked.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryState } from '../../../shared/domain/history';
import { errorMessage, invoke } from '../api/client';
import { typingElsewhere } from '../grid/useClipboard';
import { typedKeysWaiting } from '../grid/edit-seed';
import { historyKeyDirection } from '../grid/history-key';
import type { HistoryDirection } from '../grid/history-key';

export const NO_HISTORY: HistoryState = { undo: null, redo: null, undoSteps: 0, redoSteps: 0 };

export type Direction = HistoryDirection;

export type StepOutcome = { ok: true; did: string } | { ok: false; direction: Direction; message: string };

interface Options {
  /** Off for a catalogue that can only be viewed. */
  enabled: boolean;
  /** After a step (what it changed, as the Node side told it): the view reads again what it shows. */
  onChanged: (step: HistoryState) => Promise<void> | void;
  report: (outcome: StepOutcome) => void;
  /** The item (and column) a step changed, for the view to put the cursor on, as Excel does. */
  onFocus?: (focus: NonNullable<HistoryState['focus']>) => void;
}

/**
 * The catalogue's undo history as last read: `history` for the buttons, `known` for a key press (the state
 * as last read, before React has rendered it), and `refreshHistory` to read it again.
 */
export function useHistoryState(catalogueId: string) {
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  const known = useRef<HistoryState>(NO_HISTORY);
  const refreshHistory = useCallback(async () => {
    const state = await invoke('history.state', { catalogueId }).catch(() => NO_HISTORY);
    known.current = state;
    setHistory(state);
  }, [catalogueId]);
  useEffect(() => void refreshHistory(), [refreshHistory]);
  return { history, known, refreshHistory };
}

export function useHistorySteps(catalogueId: string, options: Options) {
  const { history, known, refreshHistory } = useHistoryState(catalogueId);
  const latest = useRef(options);
  latest.current = options;

  const queue = useRef<Promise<void>>(Promise.resolve());
  // Steps queued and saves on their way: while any is, a Ctrl+Z / Ctrl+Y is queued too, not dropped for a
  // history state not yet refreshed (a Ctrl+Y right after Ctrl+Z must redo).
  const pending = useRef(0);
  // Steps asked for and not yet done: until one is, the rows show values it may change.
  const stepsUnderWay = useRef(0);
  const step = useCallback(
    (direction: Direction) => {
      pending.current += 1;
      stepsUnderWay.current += 1;
      queue.current = queue.current.then(async () => {
        try {
          const stepped = await invoke(direction === 'undo' ? 'history.undo' : 'history.redo', { catalogueId });
          const { did, focus } = stepped;
          // At once, not after the view has read everything again: by then the planner may be typing elsewhere.
          if (focus) latest.current.onFocus?.(focus);
          await latest.current.onChanged(stepped);
          latest.current.report({ ok: true, did: did ?? (direction === 'undo' ? '撤销' : '重做') });
        } catch (error) {
          latest.current.report({ ok: false, direction, message: errorMessage(error) });
        } finally {
          await refreshHistory();
          pending.current -= 1;
          stepsUnderWay.current -= 1;
        }
      });
    },
    [catalogueId, refreshHistory],
  );

  /** A save on its way: counted as pending while it runs, and the history read again after it. */
  const track = useCallback(
    async <T>(work: Promise<T>): Promise<T> => {
      pending.current += 1;
      try {
        return await work;
      } finally {
        // Still pending until the history is read again: a Ctrl+Z in between would see the stack without
        // this save's step (empty after earlier undos) and be dropped.
        void refreshHistory().finally(() => {
          pending.current -= 1;
        });
      }
    },
    [refreshHistory],
  );

  const keys = useRef({ step });
  keys.current = { step };
  const { enabled } = options;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      // A cell being edited or a form field keeps its own Ctrl+Z (a picked cell's keyboard sink does not).
      const direction = historyKeyDirection(event);
      if (!direction || typingElsewhere(event.target)) return;
      // Keys typed before it still waiting for their editor: it waits behind them (the cell input queues it).
      if (event.isTrusted && typedKeysWaiting()) return;
      event.preventDefault();
      // On the next task: AG Grid tells an edit Enter has just ended a task later, and the step must come after it.
      setTimeout(() => {
        if (known.current[direction] || pending.current > 0) keys.current.step(direction);
      }, 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);

  /** True from the key press of a Ctrl+Z / Ctrl+Y until its step is done and `onChanged` has been told. */
  const stepping = useCallback(() => stepsUnderWay.current > 0, []);

  return { history, step, track, refreshHistory, stepping };
}
