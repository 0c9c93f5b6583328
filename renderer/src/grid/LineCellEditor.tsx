// The one-line editor of the 测算 grid's typed drivers (amounts, rates, a cohort's name with the known ones
// offered): it opens with what was typed on the picked cell, a Chinese input method's composition included
// (useCellInput, edit-seed.ts), and takes keys typed before it appeared. Enter saves and goes down, Esc
// cancels (AG Grid's own keys), Tab saves and picks the cell to the right (tab-key.ts); an input method's
// Enter only chooses what it composed.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { ChoiceOption } from '../../../shared/domain/choice';
import { editStartText, editorCell, registerOpenEditor, takeEditSeed } from './edit-seed';
import { noteEditEnd, noteEditStart } from './retry-edit';
import { tabFromEditor } from './tab-key';
import { composing } from '../components/ime';
import { focusWhenSinkIdle } from './cell-input-sink';

export interface LineEditorParams {
  maxLength: number;
  /** Values to offer beside free text (the cohorts the model knows). */
  suggestions?: () => readonly ChoiceOption[];
}

export function LineCellEditor(props: CustomCellEditorProps & LineEditorParams) {
  const { onValueChange, maxLength, suggestions } = props;
  const listId = useId();
  // F2 opens with the value as the cell shows it (50%, 89), not as stored (0.500000, 89.00).
  const [start] = useState(() => editStartText({ ...props, value: props.value === null || props.value === undefined ? props.value : props.formatValue(props.value) }).text);
  const [text, setText] = useState(start);
  const box = useRef<HTMLInputElement>(null);
  const change = useRef((next: string) => {
    setText(next);
    onValueChange(next);
  });

  useLayoutEffect(() => {
    if (start !== (props.value ?? '')) onValueChange(start);
    const el = box.current;
    if (!el) return;
    el.setSelectionRange(el.value.length, el.value.length);
    const unfocus = focusWhenSinkIdle(() => el.focus({ preventScroll: true }));
    const put = (more: string) => {
      el.setRangeText(more, el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length, 'end');
      change.current(el.value.slice(0, maxLength));
    };
    registerOpenEditor(put);
    noteEditStart();
    const seeded = takeEditSeed(editorCell(props));
    if (seeded) put(seeded);
    // Keys that belong to the input method stay with it, ahead of AG Grid's listener.
    const onKeyDown = (event: KeyboardEvent) => {
      noteEditEnd(event, editorCell(props));
      if (composing(event)) event.stopPropagation();
      else tabFromEditor(event, props.api);
    };
    el.addEventListener('keydown', onKeyDown);
    return () => {
      unfocus();
      registerOpenEditor(null);
      el.removeEventListener('keydown', onKeyDown);
    };
    // Once, as the editor opens.
  }, []);

  return (
    <>
      <input
        ref={box}
        className="choice-editor"
        value={text}
        maxLength={maxLength}
        list={suggestions ? listId : undefined}
        onChange={(e) => change.current(e.target.value)}
        aria-label={props.colDef.headerName}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions().map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </datalist>
      )}
    </>
  );
}
