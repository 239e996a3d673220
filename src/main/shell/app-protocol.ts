import { protocol } from 'electron';
import { securityHeaders } from '../security/content-security-policy';
import { readRendererFile } from '../static/renderer-files';
import { appHost, appScheme } from './app-origin';

/** Must run before `app` is ready: makes app:// a standard, secure origin (fetch, storage, CSP apply). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves the built renderer from app://desk/ with the CSP and security headers. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? await readRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    return new Response(new Uint8Array(file.body), { headers: { ...securityHeaders, 'Content-Type': file.contentType } });
  });
}
