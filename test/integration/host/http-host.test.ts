import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Database } from '../../../electron/db/database';
import { startHttpHost, staticFile } from '../../../electron/host/http-host';
import type { HttpHost } from '../../../electron/host/http-host';
import { createHandlers } from '../../../electron/services/handlers';
import { seededDatabaseFile, tempDir } from '../../support/temp-db';

const temp = tempDir();
let db: Database;
let host: HttpHost;

beforeAll(async () => {
  db = await Database.open(await seededDatabaseFile(temp.dir));
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHttpHost({ handlers: createHandlers(db, 'browser'), rendererDir });
});
afterAll(async () => {
  await host.close();
  await db.close();
  temp.cleanup();
});

function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 and prints an address carrying the per-run token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[\\w-]{20,}$`));
  });

  it('serves the page only with the token, and hands the token to the page', async () => {
    expect((await call('/')).status).toBe(403);
    expect((await call('/?token=wrong')).status).toBe(403);
    const page = await call(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="qingdan-token" content="${host.token}">`);
    expect((await call('/assets/app.js')).status).toBe(200);
  });

  it('lets the page reload by a cookie that carries a session value of its own, never the API token', async () => {
    const first = await new Promise<IncomingMessage>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}` }, resolve).on('error', reject).end();
    });
    first.resume();
    const setCookie = first.headers['set-cookie'] ?? [];
    expect(setCookie).toHaveLength(1);
    // Cookies are not bound to a port: the name carries ours, and no cookie holds the token.
    expect(setCookie[0]).toBe(`qingdan_session_${host.port}=${host.session}; HttpOnly; SameSite=Strict; Path=/`);
    expect(setCookie.join('')).not.toContain(host.token);
    expect(host.session).not.toBe(host.token);
    const reload = await call('/', { headers: { cookie: `qingdan_session_${host.port}=${host.session}` } });
    expect(reload.status).toBe(200);
    // The old cookie that held the token, the token in the session cookie, and another port's cookie: refused.
    expect((await call('/', { headers: { cookie: `qingdan_token=${host.token}` } })).status).toBe(403);
    expect((await call('/', { headers: { cookie: `qingdan_session_${host.port}=${host.token}` } })).status).toBe(403);
    expect((await call('/', { headers: { cookie: `qingdan_session_${host.port + 1}=${host.session}` } })).status).toBe(403);
    // The session value opens the page only: it does not authorise a call of the contract.
    const api = await call('/api/catalogues.list', { method: 'POST', body: '{}', headers: { cookie: `qingdan_session_${host.port}=${host.session}`, 'x-qingdan-token': host.session } });
    expect(api.status).toBe(401);
  });

  it('sends the page and the app’s files with the whole content security policy', async () => {
    const expected = {
      'default-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    };
    for (const path of [`/?token=${host.token}`, '/assets/app.js']) {
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        request({ host: '127.0.0.1', port: host.port, path }, resolve).on('error', reject).end();
      });
      res.resume();
      const policy = Object.fromEntries(
        String(res.headers['content-security-policy']).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect(policy, path).toEqual(expected);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('never serves a file outside the renderer folder, over HTTP or by the path guard', async () => {
    const dir = join(temp.dir, 'renderer');
    // A file beside the renderer folder, which a traversal would reach.
    writeFileSync(join(temp.dir, 'secret.txt'), 'SECRET-OUTSIDE-RENDERER');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('SECRET-OUTSIDE-RENDERER');
    }
    expect(staticFile(dir, '/assets/app.js')).toBe(join(dir, 'assets', 'app.js'));
    expect(staticFile(dir, '/../secret.txt')).toBeNull();
    expect(staticFile(dir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFile(dir, '/assets/%E0%A4%A')).toBeNull();
  });

  it('answers an oversized request with a Chinese JSON error, not a crash', async () => {
    const res = await call('/api/catalogues.list', { method: 'POST', body: 'x'.repeat(9 * 1024 * 1024), headers: { 'x-qingdan-token': host.token } });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toBe('请求内容超过 8 MB，未处理。');
  });

  it('answers the contract only with the token', async () => {
    const body = JSON.stringify({});
    const denied = await call('/api/catalogues.list', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(denied.status).toBe(401);
    const ok = await call('/api/catalogues.list', { method: 'POST', body, headers: { 'x-qingdan-token': host.token } });
    expect(ok.status).toBe(200);
    const envelope = JSON.parse(ok.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.data).toHaveLength(4);
  });

  it('refuses requests addressed to another host name (DNS rebinding), on every route', async () => {
    const evil = { host: 'evil.example:80' };
    expect((await call(`/?token=${host.token}`, { headers: evil })).status).toBe(403);
    expect((await call('/assets/app.js', { headers: evil })).status).toBe(403);
    const api = await call('/api/catalogues.list', { method: 'POST', body: '{}', headers: { ...evil, 'x-qingdan-token': host.token } });
    expect(api.status).toBe(403);
    expect(api.body).not.toContain('hebei');
  });

  it('refuses a cross-origin form post, which cannot carry the token header', async () => {
    const res = await call('/api/items.update', {
      method: 'POST',
      body: 'itemId=hebei-13th:003&field=name&value=x',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie: `qingdan_session_${host.port}=${host.session}` },
    });
    expect(res.status).toBe(401);
    const [item] = await db.all(`SELECT name FROM items WHERE id = 'hebei-13th:003'`);
    expect(item?.name).toBe('寄宿生生活补助');
  });

  it('says in Chinese when the body is not JSON', async () => {
    const res = await call('/api/catalogues.list', { method: 'POST', body: '{not json', headers: { 'x-qingdan-token': host.token } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('请求内容不是有效的 JSON。');
  });
});
