import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../main/platform/index.js';
import { CrashLoop } from './crash-loop.js';
import { crashScreenHtml } from './crash-screen.js';
import { isOwnRendererUrl, rendererCsp, rendererUrl, type RendererSource } from './renderer-source.js';
import { windowPreferences } from './web-preferences.js';

/** Copy buttons write to the clipboard; every other permission (camera, location, ...) is refused. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/**
 * Session-wide rules, set once before any window exists: a strict CSP on every response, no
 * permissions, no webviews and no pop-ups anywhere. Links to https pages open in the OS browser.
 */
export function hardenSessions(source: RendererSource, log: Logger): void {
  const csp = rendererCsp(source);
  // app:// responses carry the CSP themselves (serve-app-protocol.ts); this covers the dev server.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url, log);
      return { action: 'deny' };
    });
    const stayHome = (event: { preventDefault(): void }, url: string) => {
      if (isOwnRendererUrl(url, source)) return;
      event.preventDefault();
      openExternally(url, log);
    };
    contents.on('will-navigate', stayHome);
    contents.on('will-redirect', stayHome);
  });
}

function openExternally(url: string, log: Logger): void {
  if (URL.canParse(url) && new URL(url).protocol === 'https:') {
    shell.openExternal(url).catch((error: unknown) => log.warn('could not open a link in the browser', { error: String(error) }));
  } else {
    log.warn('blocked a link that is not https', { scheme: URL.canParse(url) ? new URL(url).protocol : 'invalid' });
  }
}

export interface WindowOptions {
  source: RendererSource;
  preloadPath: string;
  log: Logger;
  /** Shown on the screen the window falls back to when its page keeps crashing. */
  logFile: string;
}

export function createMainWindow({ source, preloadPath, log, logFile }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'RRNet Console',
    icon: join(app.getAppPath(), 'resources', 'icon.png'),
    width: 1366,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: windowPreferences(preloadPath, app.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  const crashes = new CrashLoop();
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    if (crashes.crashed() === 'reload') {
      log.error('the window crashed; reloading it', { reason: details.reason });
      window.reload();
      return;
    }
    log.error('the window keeps crashing; showing the crash screen instead of reloading', { reason: details.reason });
    const html = crashScreenHtml({ logFile, retryUrl: rendererUrl(source) });
    void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  });
  void window.loadURL(rendererUrl(source));
  return window;
}
