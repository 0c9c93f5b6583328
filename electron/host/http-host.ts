// The browser host: the same services as the Electron window, over HTTP on 127.0.0.1 only, guarded by a
// token made fresh for every run. It is how a planner uses the app where installing software is not
// allowed, and how the end-to-end tests drive the real UI here.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER, TOKEN_META_NAME } from '../../shared/ipc';
import { AppError } from '../db/app-error';
import { dispatch } from '../services/dispatch';
import type { ChangeFeed } from '../services/change-feed';
import type { Handlers } from '../services/handlers';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/**
 * Cookies are not bound to a port, so any server on 127.0.0.1 would receive ours: the cookie holds a session
 * value of its own (never the API token, which only the header carries), and its name carries the port so two
 * runs side by side do not overwrite each other's.
 */
const sessionCookieName = (port: number) => `qingdan_session_${port}`;
// The page's own policy, sent as a header as well (a meta tag cannot forbid framing).
export const CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

class BodyTooLarge extends Error {}

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  /** The value of the page's reload cookie: lets the page be reloaded, and nothing else. */
  session: string;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  handlers: Handlers;
  /** Changes to tell open pages about, over the event stream. */
  feed?: ChangeFeed;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = randomBytes(24).toString('base64url');
  const secrets = { token, session, cookie: '' };
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res, options, secrets, streams).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, 'internal', '本机服务处理请求时出错，没有做任何改动。请刷新页面重试。');
    });
  });
  const port = await listen(server, options.port ?? 0);
  secrets.cookie = sessionCookieName(port);
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    session,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Event streams never end by themselves; requests still being answered are left to finish.
        for (const stream of streams) stream.end();
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('conflict', `端口 ${port} 已被其他程序占用。请换一个端口（--port），或不指定端口让程序自选。`, { cause: error })
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...headers,
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code, message } }), headers);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim()) ?? [];
  return cookies.find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
}

interface Secrets {
  token: string;
  session: string;
  cookie: string;
}

/** The file under rendererDir that a URL path names, or null when the path would leave it. */
export function staticFile(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = normalize(join(rendererDir, decoded));
  return file.startsWith(rendererDir + sep) ? file : null;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpHostOptions,
  secrets: Secrets,
  streams: Set<ServerResponse>,
): Promise<void> {
  const { token } = secrets;
  // A page on another site may resolve its own name to 127.0.0.1 (DNS rebinding): answer our names only.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 403, 'text/plain; charset=utf-8', '拒绝访问。');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');

  if (url.pathname === `/${HTTP_EVENTS_PATH}` && req.method === 'GET') {
    // EventSource cannot send a header: the stream takes the token in its query and only ever reads.
    if (!tokenMatches(url.searchParams.get('token'), token)) return sendError(res, 401, 'bad_request', '访问令牌无效，无法接收更新通知。');
    return streamChanges(req, res, options.feed, streams);
  }

  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return sendError(res, 405, 'bad_request', `接口 ${url.pathname} 只接受 POST 请求。`);
    // A custom header cannot be sent by another site's form or image: the header, not a cookie, authorises.
    if (!tokenMatches(req.headers[HTTP_TOKEN_HEADER] as string | undefined, token)) {
      return sendError(res, 401, 'bad_request', '访问令牌无效：清单工作台可能已重新启动，请用启动时打印的新地址重新打开。');
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      // The rest of the body is never read: close the connection rather than leave it half-consumed.
      if (error instanceof BodyTooLarge) {
        return sendError(res, 413, 'bad_request', `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未处理。`, { connection: 'close' });
      }
      throw error;
    }
    let request: unknown;
    try {
      request = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(res, 400, 'bad_request', '请求内容不是有效的 JSON。');
    }
    let channel: string;
    try {
      channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return sendError(res, 400, 'bad_request', `接口地址 ${url.pathname} 不正确。`);
    }
    const envelope = await dispatch(options.handlers, channel, request);
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
  }

  if (url.pathname === '/' || url.pathname === '/index.html') {
    // The printed address carries the token once; a cookie then lets the page reload without it in view.
    const fromQuery = tokenMatches(url.searchParams.get('token'), token);
    if (!fromQuery && !tokenMatches(cookieValue(req, secrets.cookie), secrets.session)) {
      return send(res, 403, 'text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><title>清单工作台</title><p>需要访问令牌：请用启动时命令行打印的完整地址打开（每次启动的地址都不同）。</p>');
    }
    const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
    const withToken = html.replace('</head>', `<meta name="${TOKEN_META_NAME}" content="${token}"></head>`);
    return send(res, 200, MIME['.html']!, withToken, {
      'content-security-policy': CSP,
      'set-cookie': `${secrets.cookie}=${secrets.session}; HttpOnly; SameSite=Strict; Path=/`,
    });
  }

  const file = staticFile(options.rendererDir, url.pathname);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', `未找到 ${url.pathname}。`);
  try {
    const content = await readFile(file);
    return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', content, { 'content-security-policy': CSP });
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', `未找到 ${url.pathname}。`);
  }
}

function streamChanges(req: IncomingMessage, res: ServerResponse, feed: ChangeFeed | undefined, streams: Set<ServerResponse>): void {
  streams.add(res);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  res.write(': 已连接\n\n');
  const unsubscribe = feed?.subscribe((change) => res.write(`data: ${JSON.stringify(change)}\n\n`));
  // A comment now and then keeps proxies and idle timers from closing a quiet stream.
  const keepAlive = setInterval(() => res.write(': \n\n'), 25_000);
  req.once('close', () => {
    clearInterval(keepAlive);
    unsubscribe?.();
    streams.delete(res);
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
