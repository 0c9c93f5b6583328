// The transport names both hosts agree on; kept apart from the schemas so the sandboxed preload stays tiny.
import type { ChangeEvent, Channel, Envelope } from './contract';

export const IPC_CHANNEL = 'qingdan:invoke';
/** Main → renderer: a ChangeEvent after a change commits. */
export const IPC_CHANGED = 'qingdan:changed';
/** The browser host's event stream (Server-Sent Events) carrying the same ChangeEvents. */
export const HTTP_EVENTS_PATH = 'api/events';
export const HTTP_TOKEN_HEADER = 'x-qingdan-token';
/** The meta tag through which the browser host hands its per-run token to the page. */
export const TOKEN_META_NAME = 'qingdan-token';

/** What the Electron preload exposes on window.qingdan, and nothing more. */
export interface Bridge {
  invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>>;
  /** Calls back on every change the Node side commits; returns the unsubscribe. */
  onChanged(listener: (event: ChangeEvent) => void): () => void;
}
