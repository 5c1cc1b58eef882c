import electronUpdater from 'electron-updater';
import log from 'electron-log/main';

/**
 * Checks the publish feed of electron-builder.yml once at start; a found update downloads in the
 * background and installs when the app quits. Offline (the normal case for some offices) is
 * logged, never shown as an error.
 */
export function checkForUpdates(): void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = log;
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    log.warn('update check failed', error instanceof Error ? error.message : String(error));
  });
}
