/** The small text box a picked cell's typing goes into (useCellInput), known by its class. */
export const SINK_CLASS = 'cell-input-sink';

export const isSink = (target: EventTarget | null) => target instanceof HTMLElement && target.classList.contains(SINK_CLASS);
