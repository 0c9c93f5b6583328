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
    expect(page.body).not.toContain('/etc/passwd');
    expect((await call('/assets/app.js')).status).toBe(200);
  });

  it('lets the page reload without the token in its address, by a same-site cookie', async () => {
    const first = await call(`/?token=${host.token}`);
    expect(first.status).toBe(200);
    const reload = await call('/', { headers: { cookie: `qingdan_token=${host.token}` } });
    expect(reload.status).toBe(200);
    expect((await call('/', { headers: { cookie: 'qingdan_token=stale' } })).status).toBe(403);
  });

  it('sends the page with a content security policy that forbids framing', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}` }, resolve).on('error', reject).end();
    });
    res.resume();
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('never resolves a static path outside the renderer folder', () => {
    const dir = join(temp.dir, 'renderer');
    expect(staticFile(dir, '/assets/app.js')).toBe(join(dir, 'assets', 'app.js'));
    expect(staticFile(dir, '/../../etc/passwd')).toBeNull();
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

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await call(`/?token=${host.token}`, { headers: { host: 'evil.example:80' } });
    expect(res.status).toBe(403);
  });

  it('says in Chinese when the body is not JSON', async () => {
    const res = await call('/api/catalogues.list', { method: 'POST', body: '{not json', headers: { 'x-qingdan-token': host.token } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('请求内容不是有效的 JSON。');
  });
});
