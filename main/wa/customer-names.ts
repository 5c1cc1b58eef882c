/** The names of customers by id, answered by the module that owns them. */
export type CustomerNameSource = (tenantId: string, customerIds: readonly string[]) => ReadonlyMap<string, string>;

/**
 * wa's port for "who is this message for": the failures page names the customer behind a message
 * that may have been sent, so staff can find the chat. wa owns no customers; customers fills it.
 * Until it does (a core without customers), messages simply have no name.
 */
export class CustomerNames {
  private source: CustomerNameSource | null = null;

  provide(source: CustomerNameSource): void {
    if (this.source) throw new Error('customer names already have a source');
    this.source = source;
  }

  of(tenantId: string, customerIds: readonly string[]): ReadonlyMap<string, string> {
    return this.source && customerIds.length > 0 ? this.source(tenantId, customerIds) : new Map();
  }
}
