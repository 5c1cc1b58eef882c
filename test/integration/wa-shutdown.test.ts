import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestCore, type TestCore } from '../support/core-fixture.js';
import { messageRows, testTrigger, waSettings, whatsappOwner } from '../support/wa-harness.js';
import { systemClock } from '../../main/platform/index.js';

/**
 * Closing the app while messages wait for a rate-limit slot: they go back to the queue untouched
 * (no attempt used, nothing sent during shutdown) and leave after the next start.
 */
describe('closing the app during a paced send', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('returns waiting messages to the queue without sending them or using an attempt', async () => {
    // Real time: the pacing must actually wait. One message a second, five queued.
    t = createTestCore({ clock: { now: systemClock.now, advance: () => undefined, set: () => undefined } });
    const owner = await whatsappOwner(t.core);
    await waSettings(t.core, owner, { quietHours: null, ratePerSecond: 1 });
    for (let i = 0; i < 5; i++) t.core.services.wa.outbound.queue(owner.tenantId, testTrigger(`+62812555000${i}`, `inv-${i}`));
    await vi.waitFor(() => expect(messageRows(t.core, `status = 'sent'`).length).toBeGreaterThan(0), { timeout: 5_000 });

    const core = await t.restart();
    const rows = messageRows(core);
    const sent = rows.filter((r) => r.status === 'sent');
    const queued = rows.filter((r) => r.status === 'queued');
    expect(sent.length + queued.length).toBe(5);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((r) => r.attempts === 0)).toBe(true);

    // After the restart they go, each once.
    await vi.waitFor(() => expect(messageRows(core, `status = 'sent'`)).toHaveLength(5), { timeout: 10_000 });
  });
});
