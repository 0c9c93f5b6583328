/** The small text box a picked cell's typing goes into (useCellInput), known by its class. */
export const SINK_CLASS = 'cell-input-sink';
/** The sink's class while an input method composes in it (shown over the cell, useCellInput). */
export const COMPOSING_CLASS = 'composing';

export const isSink = (target: EventTarget | null) => target instanceof HTMLElement && target.classList.contains(SINK_CLASS);

/** The sink, when an input method is composing in it this moment. */
export function composingSink(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && isSink(active) && active.classList.contains(COMPOSING_CLASS) ? active : null;
}

/**
 * Runs `focus` (an editor taking the keyboard) at once, or, while an input method composes in the sink, once
 * that composition has ended and its text been typed on (the sink's own compositionend handler, which runs
 * first). An editor that opens with the word just committed took the focus from a composition already begun
 * for the next one (连打, typed on at once): the browser committed its pinyin as text, and 常住人口 was saved
 * as 常住renkou人口. Returns a cleanup for an editor closed first.
 */
export function focusWhenSinkIdle(focus: () => void): () => void {
  const sink = composingSink();
  if (!sink) {
    focus();
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    sink.removeEventListener('compositionend', go);
    sink.removeEventListener('blur', go);
  };
  function go() {
    stop();
    timer = setTimeout(() => {
      // Not when the planner has gone on to type elsewhere (the find box, a form): only from the grid's own.
      const active = document.activeElement;
      if (active === null || active === document.body || isSink(active)) focus();
    }, 0);
  }
  sink.addEventListener('compositionend', go);
  // A safety net: the sink taken away mid-composition, should its end not be told, must not leave the editor unfocused.
  sink.addEventListener('blur', go);
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
