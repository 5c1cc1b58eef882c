import type { WebPreferences } from 'electron';

/**
 * The window's renderer settings: sandboxed, isolated, no Node, no webviews. DevTools only while
 * developing: in an installed app they would let anyone at the office computer run script in the
 * signed-in page (read customers, call the core as the signed-in user) without a password.
 */
export function windowPreferences(preloadPath: string, packaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !packaged,
  };
}
