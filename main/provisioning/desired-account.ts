import type { RouterAccountOwner } from '../customers/index.js';
import type { IsolirMethod } from '../../shared/domain/router.js';
import type { CustomerStatus } from '../../shared/domain/customer.js';
import type { IsolirKind } from '../../shared/domain/isolir.js';
import { ACCOUNT_MARK } from '../../shared/domain/provisioning.js';

/** The customer's account menus on a RouterOS router, by service. */
export const ACCOUNT_MENUS = {
  pppoe: { account: '/ppp/secret', active: '/ppp/active', activeName: 'name' },
  hotspot: { account: '/ip/hotspot/user', active: '/ip/hotspot/active', activeName: 'user' },
} as const;
export type AccountKind = keyof typeof ACCOUNT_MENUS;

/** Our accounts carry the customer's id, as the isolir address-list entries do: found again after a rename, and never mistaken for a stranger's. */
export const accountComment = (customerId: string): string => `${ACCOUNT_MARK}${customerId}`;

/** What a customer's account on their router must be, computed from the console at run time. */
export interface DesiredAccount {
  kind: AccountKind;
  name: string;
  profile: string;
  disabled: boolean;
  comment: string;
  /**
   * An isolir request is on its way: its job sets the profile and the disabled flag (and ends the
   * session), so a sync leaves those two alone on an existing account rather than set them twice.
   */
  isolirInFlight: boolean;
}

/**
 * The one rule every sync and the reconciler share. Isolated by profile swap: the router's isolir
 * profile; isolated by a disabled secret: disabled; deactivated: disabled (with the package's
 * profile, so reactivating needs no second change). On an address-list router the account keeps
 * the package's profile while isolated (the list does the isolating), except a hotspot user, which
 * has no fixed address and is isolated by profile there (as the isolir executor does).
 */
export function desiredAccount(owner: RouterAccountOwner, router: { method: IsolirMethod; isolirProfile: string }): DesiredAccount {
  const isolated = owner.status === 'isolated';
  const method = owner.serviceType === 'hotspot' && router.method === 'address-list' ? 'pppoe-profile' : router.method;
  return {
    kind: owner.serviceType,
    name: owner.username,
    profile: isolated && method === 'pppoe-profile' ? router.isolirProfile : owner.routerProfile,
    disabled: owner.status === 'inactive' || (isolated && method === 'disable-secret'),
    comment: accountComment(owner.id),
    isolirInFlight: false,
  };
}

/**
 * The status the router must reflect: an isolir request on its way wins over the confirmed status
 * (the router may already have it, its reply lost), so a sync never undoes an isolation in flight.
 */
export function intendedStatus(status: CustomerStatus, pending: IsolirKind | null | undefined): CustomerStatus {
  if (status === 'inactive' || !pending) return status;
  return pending === 'isolate' ? 'isolated' : 'active';
}

/** RouterOS prints booleans as true/false (older scripts wrote yes/no). */
export const isTrue = (value: string | undefined): boolean => value === 'true' || value === 'yes';
