// The transport names both hosts agree on; kept apart from the schemas so the sandboxed preload stays tiny.
import type { Channel, Envelope } from './contract';

export const IPC_CHANNEL = 'qingdan:invoke';
export const HTTP_TOKEN_HEADER = 'x-qingdan-token';
/** The meta tag through which the browser host hands its per-run token to the page. */
export const TOKEN_META_NAME = 'qingdan-token';

/** What the Electron preload exposes on window.qingdan, and nothing more. */
export interface Bridge {
  invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>>;
}
