import type { CustomersService, PackagesService } from '../customers/index.js';
import type { IsolirIntents } from '../isolir/index.js';
import type { RouterRef, RoutersService } from '../network/index.js';
import { desiredAccount, intendedStatus, type DesiredAccount } from './desired-account.js';

/** Where a customer's account must be and what it must hold, read from the console now. */
export interface AccountTarget {
  routerId: string;
  router: RouterRef;
  want: DesiredAccount;
  sealedPassword: string | null;
  /** The whole wanted state in one string: equal fingerprints, nothing to send. */
  fingerprint: string;
}

/**
 * The customer's wanted account, or null when they have none to keep on a router: no router, a
 * RADIUS router (its users live in FreeRADIUS's tables, not in the router's secrets), or deleted.
 */
export class AccountTargets {
  constructor(
    private readonly customers: CustomersService,
    private readonly packages: PackagesService,
    private readonly routers: RoutersService,
    private readonly isolir: IsolirIntents,
  ) {}

  forCustomer(tenantId: string, customerId: string): AccountTarget | null {
    const customer = this.customers.find(tenantId, customerId);
    if (!customer?.routerId) return null;
    const setup = this.routers.isolirSetup(tenantId, customer.routerId);
    if (!setup || setup.method === 'radius') return null;
    const pending = this.isolir.pending(tenantId, customerId);
    const owner = {
      ...customer,
      status: intendedStatus(customer.status, pending),
      routerProfile: this.packages.routerProfile(tenantId, customer.packageId),
    };
    const want = { ...desiredAccount(owner, setup), isolirInFlight: pending !== null };
    const sealedPassword = this.customers.sealedPassword(tenantId, customerId);
    const fingerprint = JSON.stringify([customer.routerId, want.kind, want.name, want.profile, want.disabled, sealedPassword]);
    return { routerId: customer.routerId, router: setup.api, want, sealedPassword, fingerprint };
  }

  /** A router the customer's account was on, to clean up after a move (null: removed from the console). */
  router(tenantId: string, routerId: string): RouterRef | null {
    return this.routers.isolirSetup(tenantId, routerId)?.api ?? null;
  }
}
