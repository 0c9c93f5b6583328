// The browser host: the same services as the Electron window, over HTTP on 127.0.0.1 only, guarded by a
// token made fresh for every run. It is how a planner uses the app where installing software is not
// allowed, and how the end-to-end tests drive the real UI here.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP_TOKEN_HEADER, TOKEN_META_NAME } from '../../shared/ipc';
import { dispatch } from '../services/dispatch';
import type { Handlers } from '../services/handlers';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface HttpHostOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer((req, res) => {
    handle(req, res, options, token).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误。');
    });
  });
  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
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

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HttpHostOptions, token: string): Promise<void> {
  // A page on another site may resolve its own name to 127.0.0.1 (DNS rebinding): answer our names only.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 403, 'text/plain; charset=utf-8', '拒绝访问。');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');

  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '只接受 POST。');
    if (!tokenMatches(req.headers[HTTP_TOKEN_HEADER] as string | undefined, token)) {
      return send(res, 401, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'bad_request', message: '访问令牌无效，请用启动时打印的地址重新打开。' } }));
    }
    const body = await readBody(req);
    let request: unknown;
    try {
      request = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'bad_request', message: '请求内容不是有效的 JSON。' } }));
    }
    const envelope = await dispatch(options.handlers, decodeURIComponent(url.pathname.slice('/api/'.length)), request);
    return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
  }

  if (url.pathname === '/' || url.pathname === '/index.html') {
    if (!tokenMatches(url.searchParams.get('token'), token)) {
      return send(res, 403, 'text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><title>清单工作台</title><p>需要访问令牌：请用启动时命令行打印的完整地址打开。</p>');
    }
    const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
    const withToken = html.replace('</head>', `<meta name="${TOKEN_META_NAME}" content="${token}"></head>`);
    return send(res, 200, MIME['.html']!, withToken);
  }

  const file = normalize(join(options.rendererDir, url.pathname));
  if (!file.startsWith(options.rendererDir + sep)) return send(res, 404, 'text/plain; charset=utf-8', '未找到。');
  try {
    const content = await readFile(file);
    return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', content);
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', '未找到。');
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('请求内容过大。');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
