import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../shared/util/content-security-policy.js';

/** Where the window's page comes from: Vite's dev server while developing, the built file otherwise. */
export type RendererSource = { kind: 'dev-server'; url: string } | { kind: 'file'; path: string };

export function rendererUrl(source: RendererSource): string {
  return source.kind === 'dev-server' ? source.url : pathToFileURL(source.path).href;
}

/**
 * Whether a frame or navigation URL is our own page. Contract calls from any other page are
 * refused, and navigation anywhere else is blocked. Query and hash are the page's own business.
 */
export function isOwnRendererUrl(candidate: string, source: RendererSource, platform: NodeJS.Platform = process.platform): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (source.kind === 'dev-server') return url.origin === new URL(source.url).origin;
  if (url.protocol !== 'file:' || url.host !== '') return false;
  let path: string;
  try {
    path = resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  const own = resolve(source.path);
  // Windows paths are case-insensitive; Chromium and Node may disagree on the drive letter's case.
  return platform === 'win32' ? path.toLowerCase() === own.toLowerCase() : path === own;
}

/** The CSP the shell puts on every response: the page loads only its own files and talks over IPC. */
export function rendererCsp(source: RendererSource): string {
  if (source.kind !== 'dev-server') return contentSecurityPolicy();
  // Vite's hot reload talks over a WebSocket to the dev server; the built app needs no network.
  const devServer = new URL(source.url);
  return contentSecurityPolicy({ connect: [`${devServer.protocol === 'https:' ? 'wss' : 'ws'}://${devServer.host}`], inlineScripts: true });
}
