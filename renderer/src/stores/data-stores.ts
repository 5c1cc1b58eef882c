import { call } from '../api/client.js';
import { createResource } from './resource-store.js';

export const usePackages = createResource(() => call('packages.list', { includeInactive: true }));
export const useRouters = createResource(() => call('routers.list', {}));
export const useDashboard = createResource(() => call('dashboard.summary', {}));
export const useUsers = createResource(() => call('users.list', {}));
export const useOdps = createResource(() => call('maps.odps.list', {}));
