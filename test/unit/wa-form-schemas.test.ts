import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/src/i18n/index.js';
import { blankBroadcast, broadcastFormSchema } from '../../renderer/src/screens/whatsapp/broadcast-values.js';
import { settingsFieldErrors, settingsFormSchema, settingsValues, type WaSettings } from '../../renderer/src/screens/whatsapp/wa-settings-values.js';

const SETTINGS: WaSettings = {
  provider: 'dry-run',
  fallbackProvider: null,
  hasFonnteToken: false,
  fonnteBaseUrl: 'https://api.fonnte.com',
  senderNumber: '',
  enabledEvents: [],
  ratePerSecond: 10,
  perRecipientPerHour: 5,
  quietHours: { start: '21:00', end: '07:00' },
  adminRecipients: [],
  browserPath: '',
  maxLength: 1000,
  retentionDays: 90,
  suspended: false,
  nightEvents: ['outage_started', 'outage_resolved'],
  sendGap: null,
  sendGapCustom: false,
  paused: null,
};

/** Each wrong field with its message, as the form shows them after one click on Simpan. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string> {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('WhatsApp form schemas', () => {
  beforeAll(() => {
    initI18n('id');
  });

  it('flags every wrong settings field in one round, the admin numbers by line', () => {
    const typed = { ...settingsValues(SETTINGS), ratePerSecond: '99', maxLength: 'seribu', adminRecipients: '0812-1111-2222\n12345', quietStart: '25:00' };
    const found = issues(settingsFormSchema.safeParse(typed));
    expect(Object.keys(found).sort()).toEqual(['adminRecipients', 'maxLength', 'quietStart', 'ratePerSecond']);
    expect(found.ratePerSecond).toBe('validation.rateCap');
    expect(found.maxLength).toBe('validation.invalid');
    expect(found.quietStart).toBe('validation.time');
    expect(found.adminRecipients).toBe('Nomor ke-2: Nomor HP tidak valid. Contoh: 0812-3456-7890 atau +62 812-3456-7890.');
  });

  it('ignores the quiet hours when they are off, and keeps the stored token when the box is empty', () => {
    const result = settingsFormSchema.safeParse({ ...settingsValues(SETTINGS), quietEnabled: false, quietStart: 'x' });
    expect(result.success && result.data.quietHours).toBeNull();
    expect(result.success && 'fonnteToken' in result.data).toBe(false);
  });

  it("puts the core's nested paths under the form's fields", () => {
    expect(settingsFieldErrors({ 'quietHours.end': 'Format jam seperti 21:00.', 'adminRecipients.2': 'Salah.', ratePerSecond: 'Besar.' })).toEqual({
      quietEnd: 'Format jam seperti 21:00.',
      adminRecipients: 'Nomor ke-3: Salah.',
      ratePerSecond: 'Besar.',
    });
  });

  it('flags the missing package, the empty message and a wrong schedule of a broadcast in one round', () => {
    const found = issues(broadcastFormSchema('Asia/Jakarta').safeParse({ ...blankBroadcast, kind: 'package', scheduledAt: 'besok' }));
    expect(found).toEqual({ packageId: 'validation.required', message: 'validation.required', scheduledAt: 'validation.invalid' });
  });

  it("turns a broadcast's fields into the contract's input, the schedule read on the tenant's clock", () => {
    const result = broadcastFormSchema('Asia/Makassar').safeParse({ ...blankBroadcast, message: 'Pemeliharaan jaringan.', scheduledAt: '2026-12-01T08:00' });
    expect(result.success && result.data).toEqual({ filter: { kind: 'all_active' }, templateKey: 'manual_broadcast', message: 'Pemeliharaan jaringan.', scheduledAt: '2026-12-01T00:00:00.000Z', respectQuietHours: false });
  });
});
