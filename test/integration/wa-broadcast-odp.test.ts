import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, ok, OWNER, type TestCore } from '../support/core-fixture.js';
import { messageRows } from '../support/wa-harness.js';

/** "Per ODP" broadcasts on the demo ISP's fibre tree: the ODP is chosen by name, its customers get the message. */
describe('broadcast to the customers of one ODP', () => {
  let t: TestCore;
  let token: string;
  let tenantId: string;

  beforeEach(async () => {
    t = createTestCore();
    const session = await ok(t.core, 'setup.createOwner', { ...OWNER, demo: true });
    token = session.token;
    tenantId = session.tenant.id;
    await ok(t.core, 'wa.settings.update', { quietHours: null }, token);
  });
  afterEach(() => t.cleanup());

  it('lists ODPs with their cabinet and customer count, and reaches exactly the active customers on the chosen one', async () => {
    const odps = await ok(t.core, 'maps.odps.list', {}, token);
    expect(odps.length).toBeGreaterThan(0);
    expect(odps.every((o) => o.odcName.startsWith('ODC-'))).toBe(true);
    const busiest = [...odps].sort((a, b) => b.customers - a.customers)[0];
    if (!busiest) throw new Error('no ODP');

    const broadcast = await ok(t.core, 'wa.broadcast.create', { filter: { kind: 'odp', odpId: busiest.id }, message: 'Perbaikan kabel di ODP Anda.' }, token);
    const onOdp = new Set(t.core.services.topology.customersOn(tenantId, busiest.id));
    expect(broadcast.total).toBeGreaterThan(0);
    expect(broadcast.total).toBeLessThanOrEqual(busiest.customers);

    t.core.services.wa.broadcasts.feed(broadcast.id);
    const rows = messageRows(t.core, 'broadcast_id = ?', broadcast.id);
    expect(rows).toHaveLength(broadcast.total);
    expect(rows.every((r) => r.entity_id !== null && onOdp.has(r.entity_id))).toBe(true);
  });
});
