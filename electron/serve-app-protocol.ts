import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, contentTypeOf, resolveAppFile } from './app-protocol.js';

/** Must run before the app is ready: Chromium fixes a scheme's privileges at start. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `root` on app://, every response with the page's CSP as a header. */
export function serveAppProtocol(root: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(root, request.url);
    if (file === null) return new Response('Bad request', { status: 400 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeOf(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff' } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
