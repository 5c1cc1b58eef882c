import { call } from '../api/client.js';
import { createResource } from './resource-store.js';

/** WhatsApp data each fetched whole; the message log pages and lives in wa-logs-store. */
export const useWaSession = createResource(() => call('wa.session.status', {}));
export const useWaSettings = createResource(() => call('wa.settings.get', {}));
export const useWaMetrics = createResource(() => call('wa.metrics', {}));
export const useWaTemplates = createResource(() => call('wa.templates.list', {}));
export const useWaBroadcasts = createResource(() => call('wa.broadcast.list', {}));
export const useWaFailures = createResource(() => call('wa.failures.list', {}));
export const useWaOptOuts = createResource(() => call('wa.optOut.list', {}));

/** Messages changed status: reload what shows counts, progress or failures (only if already shown). */
export function refreshWaActivity(): void {
  void useWaMetrics.getState().refresh();
  void useWaBroadcasts.getState().refresh();
  void useWaFailures.getState().refresh();
}

export function refreshWaEverything(): void {
  refreshWaActivity();
  void useWaSession.getState().refresh();
  void useWaSettings.getState().refresh();
  void useWaTemplates.getState().refresh();
  void useWaOptOuts.getState().refresh();
}
