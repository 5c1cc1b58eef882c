import { describe, expect, it } from 'vitest';
import { EarlyAcks } from '../../main/wa/early-acks.js';

const MINUTE = 60_000;

describe('receipts held until their message is recorded as sent', () => {
  it('keeps the receipt that says the most, and gives it out once', () => {
    const acks = new EarlyAcks();
    acks.hold('m1', 'delivered', 0);
    acks.hold('m1', 'sent', 1);
    acks.hold('m1', 'failed', 2);
    expect(acks.take('m1')).toBe('delivered');
    expect(acks.take('m1')).toBeNull();

    acks.hold('m2', 'failed', 0);
    acks.hold('m2', 'read', 1);
    expect(acks.take('m2')).toBe('read');
  });

  it('lets go of receipts older than ten minutes', () => {
    const acks = new EarlyAcks();
    acks.hold('old', 'delivered', 0);
    acks.hold('new', 'delivered', 10 * MINUTE + 1);
    expect(acks.take('old')).toBeNull();
    expect(acks.take('new')).toBe('delivered');
  });

  it('holds at most 1,000, dropping the oldest: receipts for messages typed on the phone come here too', () => {
    const acks = new EarlyAcks();
    for (let i = 0; i <= 1_000; i++) acks.hold(`m${i}`, 'sent', i);
    expect(acks.take('m0')).toBeNull();
    expect(acks.take('m1')).toBe('sent');
    expect(acks.take('m1000')).toBe('sent');
  });
});
