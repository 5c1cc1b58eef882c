import { MANAGERS } from '../../../shared/domain/roles.js';
import { useSession } from '../stores/session-store.js';
import { useLocked } from '../stores/tenant-store.js';

/**
 * What the signed-in user may do on screen. The core decides for real; this only hides buttons a
 * role can never use and disables write buttons while the panel is locked.
 */
export function usePermissions() {
  const role = useSession((s) => s.user?.role);
  const locked = useLocked();
  return {
    locked,
    manager: role !== undefined && MANAGERS.includes(role),
    owner: role === 'owner',
  };
}
