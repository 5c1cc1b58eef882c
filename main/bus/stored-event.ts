import type { DomainEvent, EventName, EventPayload } from '../../shared/contract/events.js';

/**
 * An event as a row keeps it (the outbox, a parked copy): read back the same way wherever it is
 * stored, so a parked event is retried exactly as it was first delivered.
 */
export function storedEvent(row: { name: string; tenant_id: string; payload: string; seq: number }, at: string): DomainEvent {
  return {
    name: row.name as EventName,
    tenantId: row.tenant_id,
    payload: JSON.parse(row.payload) as EventPayload<EventName>,
    seq: row.seq,
    at,
  } as DomainEvent;
}
