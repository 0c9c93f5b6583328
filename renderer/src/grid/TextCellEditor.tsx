// The cell editor of the catalogue's text columns, as a cell of Excel or WPS edits: Enter saves and goes
// down, Tab saves and picks the cell to the right (tab-key.ts), Esc cancels, Alt+Enter (or Shift+Enter)
// puts a line break in the cell, and an input method's Enter (choosing what it composed) never saves the
// cell half-typed.
import { useLayoutEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { editStartText, editorCell, registerOpenEditor, takeEditSeed } from './edit-seed';
import { noteEditEnd, noteEditStart } from './retry-edit';
import { tabFromEditor } from './tab-key';
import { composing } from '../components/ime';
import { focusWhenSinkIdle } from './cell-input-sink';

export interface TextEditorParams {
  maxLength: number;
}

export function TextCellEditor(props: CustomCellEditorProps & TextEditorParams) {
  const { onValueChange, maxLength } = props;
  const [start] = useState(() => editStartText(props));
  const [text, setText] = useState(start.text);
  const box = useRef<HTMLTextAreaElement>(null);

  const changeRef = useRef((next: string) => {
    setText(next);
    onValueChange(next);
  });
  changeRef.current = (next: string) => {
    setText(next);
    onValueChange(next);
  };

  // Keys typed before the box appeared landed in the keyboard sink, which hands them over here; a composition
  // still running there is let finish before the box takes the focus (focusWhenSinkIdle). The box's own keys
  // are listened to ahead of AG Grid's listener on the popup, since React's come too late.
  useLayoutEffect(() => {
    if (start.text !== (props.value ?? '')) onValueChange(start.text);
    const el = box.current;
    if (!el) return;
    if (start.caretAtEnd) el.setSelectionRange(el.value.length, el.value.length);
    const unfocus = focusWhenSinkIdle(() => el.focus({ preventScroll: true }));
    // Text is put in the box itself (caret and all) and then told to React, so a key typed right after
    // lands after it, never before.
    const put = (more: string) => {
      const room = maxLength - (el.value.length - (el.selectionEnd - el.selectionStart));
      if (room <= 0) return;
      el.setRangeText(more.slice(0, room), el.selectionStart, el.selectionEnd, 'end');
      changeRef.current(el.value);
    };
    registerOpenEditor(put);
    noteEditStart();
    // Keys typed between the edit starting and the box appearing.
    const seeded = takeEditSeed(editorCell(props));
    if (seeded) put(seeded);
    const onKeyDown = (event: KeyboardEvent) => {
      noteEditEnd(event, event.altKey || event.shiftKey ? null : editorCell(props));
      // Keys that belong to the input method (choosing a candidate with Enter, Esc dropping the pinyin).
      if (composing(event)) {
        event.stopPropagation();
        return;
      }
      if (event.key === 'Enter' && (event.altKey || event.shiftKey) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        event.stopPropagation();
        put('\n');
        return;
      }
      if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) event.stopPropagation();
      else tabFromEditor(event, props.api);
    };
    el.addEventListener('keydown', onKeyDown);
    return () => {
      unfocus();
      el.removeEventListener('keydown', onKeyDown);
      registerOpenEditor(null);
    };
  }, []);

  return (
    <div className="ag-large-text text-editor">
      <textarea
        ref={box}
        className="text-editor-box"
        value={text}
        maxLength={maxLength}
        rows={8}
        cols={56}
        aria-label={`编辑“${props.colDef.headerName ?? ''}”`}
        onChange={(e) => changeRef.current(e.target.value)}
      />
      <div className="text-editor-hint">回车键保存 · Alt+回车键换行 · Esc键取消</div>
    </div>
  );
}
