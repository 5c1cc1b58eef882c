import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import { Failure } from '../platform/index.js';
import { BROWSES_CUSTOMERS, SEES_REVENUE, type Role } from '../../shared/domain/roles.js';
import type { CustomerQuery } from './customer-search.js';
import type { CustomersService } from './customers-service.js';
import type { PackagesService } from './packages-service.js';
import type { ImportMethods } from './import/handlers.js';

type CustomerMethods = Exclude<MethodsUnder<'customers.' | 'packages.'>, ImportMethods> | 'dashboard.summary';

/** The shortest search a role that does not browse may run: a name, a phone or a code, not "a". */
const FIND_MIN_CHARS = 3;

const seesRevenue = (role: Role) => SEES_REVENUE.includes(role);

/** A collector finds a customer by what they know of them; the whole list is the office's. */
function assertMayList(role: Role, query: CustomerQuery): void {
  if (BROWSES_CUSTOMERS.includes(role)) return;
  if (query.query.replace(/\s/g, '').length < FIND_MIN_CHARS) throw new Failure('VALIDATION_FAILED', {}, { query: 'validation.searchToFind' });
}

export const customerHandlers = (customers: CustomersService, packages: PackagesService): Pick<Handlers, CustomerMethods> => ({
  'customers.list': (query, ctx) => {
    assertMayList(ctx.caller.user.role, query);
    return customers.list(ctx.caller.tenantId, query);
  },
  'customers.get': ({ id }, ctx) => customers.get(ctx.caller.tenantId, id),
  'customers.areas': (_input, ctx) => customers.areas(ctx.caller.tenantId),
  'customers.duplicates': (query, ctx) => customers.duplicates(ctx.caller.tenantId, query),
  'customers.create': (input, ctx) => customers.create(ctx.caller.tenantId, input, ctx.claimLimit),
  'customers.update': ({ id, ...patch }, ctx) => customers.update(ctx.caller.tenantId, id, patch),
  'customers.deactivate': ({ id }, ctx) => customers.deactivate(ctx.caller.tenantId, id),
  'customers.reactivate': ({ id }, ctx) => customers.reactivate(ctx.caller.tenantId, id, ctx.claimLimit),
  'packages.list': ({ includeInactive }, ctx) => {
    const list = packages.list(ctx.caller.tenantId, includeInactive);
    return seesRevenue(ctx.caller.user.role) ? list : list.map((p) => ({ ...p, customerCount: null }));
  },
  'packages.create': (input, ctx) => packages.create(ctx.caller.tenantId, input),
  'packages.update': ({ id, ...patch }, ctx) => packages.update(ctx.caller.tenantId, id, patch),
  'dashboard.summary': (_input, ctx) => {
    const summary = customers.summary(ctx.caller.tenantId);
    return seesRevenue(ctx.caller.user.role) ? summary : { ...summary, monthlyRevenue: null };
  },
});
