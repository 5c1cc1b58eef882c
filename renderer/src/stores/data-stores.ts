import { useMethodQuery } from '../query/use-method-query.js';

/** Server data one call fetches whole (packages, routers, users, the dashboard), shared by every screen showing it. */
export const usePackages = () => useMethodQuery('packages.list', { includeInactive: true });
export const useAreas = () => useMethodQuery('customers.areas', {});
export const useRouters = () => useMethodQuery('routers.list', {});
export const useDashboard = () => useMethodQuery('dashboard.summary', {});
export const useUsers = () => useMethodQuery('users.list', {});
export const useOdps = () => useMethodQuery('maps.odps.list', {});
