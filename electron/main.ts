import { app, BrowserWindow, dialog, safeStorage, utilityProcess, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL } from '../shared/contract/ipc.js';
import { checkForUpdates } from './auto-update.js';
import { CoreProcess } from './core-process.js';
import { registerContractHandlers } from './ipc-relay.js';
import { isOwnRendererUrl, rendererCsp, type RendererSource } from './renderer-source.js';
import { registerAppScheme, serveAppProtocol } from './serve-app-protocol.js';
import { loadOrCreateSecretKey } from './secret-key.js';
import { catchUncaughtErrors, logFilePath, shellLog as log } from './shell-log.js';
import { createMainWindow, hardenSessions } from './window.js';

/**
 * The Electron shell: app lifecycle, the window, and the relay between the window and the core,
 * which runs in a utilityProcess (core-host.ts) so the window never waits on SQLite.
 * Built by electron-vite into out/electron/ next to core-host.js; the preload is out/preload/index.cjs.
 */
const here = import.meta.dirname;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const source: RendererSource = devServerUrl ? { kind: 'dev-server', url: devServerUrl } : { kind: 'app', root: join(here, '../renderer') };

let mainWindow: BrowserWindow | null = null;
let core: CoreProcess | null = null;

catchUncaughtErrors();
registerAppScheme();
// Date and time pickers follow Chromium's locale: Indonesian office staff read 21/11/2026, not 11/21/2026.
app.commandLine.appendSwitch('lang', 'id-ID');
if (!app.requestSingleInstanceLock()) {
  // One database, one core: a second launch hands over to the first window and leaves.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  log.info('starting RRNet Console', { version: app.getVersion(), dataDir });
  const key = await loadOrCreateSecretKey(dataDir, safeStorage, log);

  const relay = new CoreProcess({
    fork: () => utilityProcess.fork(join(here, 'core-host.js'), [], { serviceName: 'RRNet Console core' }),
    // `--unlock-login`: the recovery path for an owner the sign-in throttle holds back (README).
    start: { dataDir, key: key.toString('base64'), unlockLogin: app.commandLine.hasSwitch('unlock-login') },
    log,
    onEvent: (event) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, event);
    },
    onBroken: (reason) => {
      dialog.showErrorBox(
        'RRNet Console',
        `Mesin data aplikasi tidak dapat berjalan. Tutup lalu buka lagi aplikasinya; jika tetap gagal, kirim berkas log ini ke dukungan RRNet:\n` +
          `The app's data engine cannot run. Close and reopen the app; if it still fails, send this log file to RRNet support:\n\n` +
          `${logFilePath()}\n\n(${reason})`,
      );
    },
  });
  core = relay;
  relay.start();

  hardenSessions(source, log);
  if (source.kind === 'app') serveAppProtocol(source.root, rendererCsp(source));
  registerContractHandlers({ isTrusted, call: (method, input, meta) => relay.call(method, input, meta), log });
  openWindow();
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', stopCoreFirst);
  if (app.isPackaged) checkForUpdates();
}

function openWindow(): void {
  const created = createMainWindow({ source, preloadPath: join(here, '../preload/index.cjs'), log, logFile: logFilePath() });
  created.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = created;
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Only our page, in the top frame of our window, may call the core. */
function isTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== null &&
    !mainWindow.isDestroyed() &&
    event.sender.id === mainWindow.webContents.id &&
    frame !== null &&
    frame.parent === null &&
    isOwnRendererUrl(frame.url, source)
  );
}

let coreStopped = false;
/** Quitting waits for the core to close the database and finish the job it is running. */
function stopCoreFirst(event: Electron.Event): void {
  if (coreStopped || !core) return;
  event.preventDefault();
  core
    .stop()
    .catch((error: unknown) => log.error('core did not stop cleanly', { error: String(error) }))
    .finally(() => {
      coreStopped = true;
      app.quit();
    });
}

function fail(error: unknown): void {
  log.error('RRNet Console could not start', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  dialog.showErrorBox(
    'RRNet Console',
    `Aplikasi tidak dapat dimulai / The app could not start:\n${error instanceof Error ? error.message : String(error)}\n\nLog: ${logFilePath()}`,
  );
  app.exit(1);
}
