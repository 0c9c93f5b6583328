// The renderer's only way to the Node side: the contract, over the Electron preload or the browser host.
import type { AppErrorPayload, ChangeEvent, Channel, Envelope, Request, Response } from '../../../shared/contract';
import { HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER, TOKEN_META_NAME } from '../../../shared/ipc';
import type { Bridge } from '../../../shared/ipc';

declare global {
  interface Window {
    qingdan?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }
}

async function overHttp(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  let response: globalThis.Response;
  try {
    response = await fetch(`api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
      body: JSON.stringify(request),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: '无法连接到清单工作台的本机服务，它可能已经退出。请重新启动后再试。' } };
  }
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    return { ok: false, error: { code: 'internal', message: `本机服务的回答无法识别（HTTP ${response.status}），请重新启动清单工作台后再试。` } };
  }
  return (await response.json()) as Envelope<unknown>;
}

export async function invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  const envelope = window.qingdan ? await window.qingdan.invoke(channel, request) : await overHttp(channel, request);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as Response<C>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type ChangeListener = (event: ChangeEvent) => void;
const changeListeners = new Set<ChangeListener>();
let stream: EventSource | null = null;

/** Calls back on every change the Node side commits (from this window, another window or the CLI). */
export function onChanged(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  if (window.qingdan) {
    const off = window.qingdan.onChanged(listener);
    return () => {
      changeListeners.delete(listener);
      off();
    };
  }
  if (!stream) {
    const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
    stream = new EventSource(`${HTTP_EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    stream.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ChangeEvent;
      for (const l of changeListeners) l(event);
    };
  }
  return () => {
    changeListeners.delete(listener);
  };
}
