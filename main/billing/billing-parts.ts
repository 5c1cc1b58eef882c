import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import type { InvoiceStore } from './invoice-store.js';
import type { Ledger } from './ledger.js';
import type { Allocator } from './allocator.js';

/**
 * What the money services (generation, invoices, payments) share, built once in billing-module.ts:
 * they write the same invoices, the same ledger and the same allocations, in the same database,
 * so they must hold the very same parts.
 */
export interface BillingParts {
  db: Db;
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
  invoices: InvoiceStore;
  ledger: Ledger;
  allocator: Allocator;
}
