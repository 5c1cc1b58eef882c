import { contentSecurityPolicy } from '../shared/util/content-security-policy.js';
import { APP_ORIGIN, APP_PAGE } from './app-protocol.js';

/** Where the window's page comes from: Vite's dev server while developing, the built files on app:// otherwise. */
export type RendererSource = { kind: 'dev-server'; url: string } | { kind: 'app'; root: string };

export function rendererUrl(source: RendererSource): string {
  return source.kind === 'dev-server' ? source.url : APP_PAGE;
}

/**
 * Whether a frame or navigation URL is our own page. Contract calls from any other page are
 * refused, and navigation anywhere else is blocked. Query and hash are the page's own business.
 */
export function isOwnRendererUrl(candidate: string, source: RendererSource): boolean {
  if (!URL.canParse(candidate)) return false;
  const url = new URL(candidate);
  if (source.kind === 'dev-server') return url.origin === new URL(source.url).origin;
  return `${url.protocol}//${url.host}` === APP_ORIGIN && url.pathname === '/index.html';
}

/** The CSP the shell puts on every response: the page loads only its own files and talks over IPC. */
export function rendererCsp(source: RendererSource): string {
  if (source.kind !== 'dev-server') return contentSecurityPolicy();
  // Vite's hot reload talks over a WebSocket to the dev server; the built app needs no network.
  const devServer = new URL(source.url);
  return contentSecurityPolicy({ connect: [`${devServer.protocol === 'https:' ? 'wss' : 'ws'}://${devServer.host}`], inlineScripts: true });
}
