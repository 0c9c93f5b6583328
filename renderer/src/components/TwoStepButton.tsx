// A button whose action cannot be taken back from where it is (a version, a share deleted): the first click
// asks, in the page, with the action's own words; the second does it. The browser's confirm() box would
// show its own buttons in the system's language (OK / Cancel in Electron), and block the page.
import { useState } from 'react';

export function TwoStepButton(props: {
  /** What the first click shows: 删除. */
  text: string;
  /** What the second click confirms: 确认删除. */
  confirmText: string;
  /** The full name of the action, for screen readers and as the tooltip: 删除唐山市的“低保对象”比例. */
  label: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  return asking ? (
    <span className="confirm-inline" role="group" aria-label={props.label}>
      <button type="button" className="danger" disabled={props.disabled} onClick={() => { setAsking(false); props.onConfirm(); }}>
        {props.confirmText}
      </button>
      <button type="button" onClick={() => setAsking(false)}>取消</button>
    </span>
  ) : (
    <button type="button" aria-label={props.label} title={props.label} disabled={props.disabled} onClick={() => setAsking(true)}>
      {props.text}
    </button>
  );
}
