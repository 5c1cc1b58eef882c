import { Failure } from '../platform/index.js';
import type { BroadcastFilter } from '../../shared/domain/wa.js';

export interface Recipient {
  customerId: string;
  name: string;
  phone: string;
  packageName: string;
}

type FilterKind = BroadcastFilter['kind'];
type FilterOf<K extends FilterKind> = Extract<BroadcastFilter, { kind: K }>;

/** Who one kind of filter selects, answered by the module that owns those people (customers, maps, billing). */
export type RecipientSource<K extends FilterKind = FilterKind> = (tenantId: string, filter: FilterOf<K>) => Recipient[];

/**
 * The broadcast's port for "who receives it": wa owns no customers and imports no feature module,
 * so the modules that know the people fill one filter kind each when the core is composed.
 */
export class RecipientSources {
  private readonly sources = new Map<FilterKind, RecipientSource>();

  provide<K extends FilterKind>(kind: K, source: RecipientSource<K>): void {
    if (this.sources.has(kind)) throw new Error(`broadcast filter ${kind} already has a recipient source`);
    this.sources.set(kind, source as unknown as RecipientSource);
  }

  select(tenantId: string, filter: BroadcastFilter): Recipient[] {
    const source = this.sources.get(filter.kind);
    // A filter no module answers is a composition mistake, refused like any invalid filter.
    if (!source) throw new Failure('VALIDATION_FAILED', {}, { filter: 'validation.invalid' });
    return source(tenantId, filter);
  }
}
