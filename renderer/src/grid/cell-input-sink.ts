/** The small text box a picked cell's typing goes into (useCellInput), known by its class. */
export const SINK_CLASS = 'cell-input-sink';

export const isSink = (target: EventTarget | null) => target instanceof HTMLElement && target.classList.contains(SINK_CLASS);

/**
 * Runs `focus` (an editor taking the keyboard) at once, or, while an input method composes in the sink, once
 * that composition has ended and its text been typed on (the sink's own compositionend handler, which runs
 * first). An editor that opens with the word just committed took the focus from a composition already begun
 * for the next one (连打, typed on at once): the browser committed its pinyin as text, and 常住人口 was saved
 * as 常住renkou人口. Returns a cleanup for an editor closed first.
 */
export function focusWhenSinkIdle(focus: () => void): () => void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !isSink(active) || !active.classList.contains('composing')) {
    focus();
    return () => {};
  }
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    stop();
    setTimeout(focus, 0);
  };
  const stop = () => {
    active.removeEventListener('compositionend', go);
    active.removeEventListener('blur', go);
  };
  active.addEventListener('compositionend', go);
  // The sink taken away or blurred mid-composition: no end will come, and the editor must not stay unfocused.
  active.addEventListener('blur', go);
  return () => {
    done = true;
    stop();
  };
}
