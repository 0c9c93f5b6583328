// A value edited in place in a plain box (a growth rate, a share): saved on Enter or on leaving the box.
// Refused after Enter, the typed text stays in the box, selected and marked, to be put right where it was
// typed, as Excel's 重试 and the grids do; Esc gives back the stored value. Refused on leaving the box, the
// stored value comes back: the planner has moved on, and a box must not show what is not saved.
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { composing } from './ime';

/**
 * `stored`: the value as saved. `save(typed, expected)`: the value as stored after the save (２．５ → 2.5),
 * or null when refused (the caller says why); `expected` is the stored value the typed one replaces. Saves from
 * one box go one after another, each checked against the value stored when it leaves (3 then 120 typed
 * quickly: the 120 is checked against the 3, not refused as a change made elsewhere). A stored value that
 * changes (a save, an import) replaces the box's text unless the planner is typing in it.
 */
export function useEditBox(stored: string, save: (typed: string, expected: string) => Promise<string | null>) {
  const [text, setText] = useState(stored);
  const [shown, setShown] = useState(stored);
  const [refused, setRefused] = useState(false);
  const saved = useRef(stored);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const box = useRef<HTMLInputElement>(null);
  // Typed since the box last showed a stored value: a value stored meanwhile must not replace it, even when
  // what was typed reads the same as the old value (2 typed back over a 3 still being saved).
  const typedSince = useRef(false);
  if (shown !== stored) {
    setShown(stored);
    saved.current = stored;
    if (!typedSince.current) setText(stored);
  }
  const show = (value: string) => {
    typedSince.current = false;
    setText(value);
  };

  const commit = (byEnter: boolean) => {
    const typed = text.trim();
    queue.current = queue.current.then(async () => {
      if (typed === saved.current) {
        setRefused(false);
        if (box.current?.value.trim() === typed) show(saved.current);
        return;
      }
      const result = await save(typed, saved.current);
      if (result !== null) saved.current = result;
      const retry = result === null && byEnter && box.current !== null && document.activeElement === box.current;
      setRefused(retry);
      // Unless more was typed since: saved, the value as stored; refused after Enter, the text as typed and
      // selected; refused on leaving, the stored value.
      if (retry) box.current?.select();
      else if (box.current?.value.trim() === typed) show(saved.current);
    });
  };

  return {
    ref: box,
    value: text,
    'aria-invalid': refused || undefined,
    onChange: (e: { target: { value: string } }) => {
      typedSince.current = true;
      setText(e.target.value);
      setRefused(false);
    },
    onBlur: () => commit(false),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (composing(e.nativeEvent)) return;
      if (e.key === 'Enter') commit(true);
      else if (e.key === 'Escape') {
        show(saved.current);
        setRefused(false);
      }
    },
  };
}
