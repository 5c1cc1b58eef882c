import { BROWSES_CUSTOMERS, MANAGERS, NETWORK_STAFF, OFFICE, SEES_REVENUE } from '../../../shared/domain/roles.js';
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
    /** Owner, admin and finance: the office that bills, records and reverses payments, prints invoices and receipts (the billing methods' roles). */
    office: role !== undefined && OFFICE.includes(role),
    owner: role === 'owner',
    /** Adds, edits, removes and tests routers; isolates and reconnects customers on them. */
    networkStaff: role !== undefined && NETWORK_STAFF.includes(role),
    /** The business's numbers (revenue, customers per package); the core sends them only to these roles. */
    seesRevenue: role !== undefined && SEES_REVENUE.includes(role),
    /** The whole customer list; the others find a customer by searching. */
    browsesCustomers: role !== undefined && BROWSES_CUSTOMERS.includes(role),
  };
}
