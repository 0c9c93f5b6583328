// The window's pages come from app://qingdan/, not file://: a custom protocol lets every response carry the
// content security policy as a header (a meta tag cannot forbid framing), and file:// keeps no privileges
// (the grantFileProtocolExtraPrivileges fuse is off).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CSP, MIME, staticFile } from '../host/http-host';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://qingdan`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveAppFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'qingdan' ? staticFile(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname) : null;
    if (!file) return new Response('未找到。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const response = await net.fetch(pathToFileURL(file).href).catch(() => null);
    if (!response?.ok) return new Response('未找到。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const type = MIME[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
    return new Response(response.body, {
      status: 200,
      headers: { 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' },
    });
  });
}
