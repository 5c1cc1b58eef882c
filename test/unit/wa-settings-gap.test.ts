import { describe, expect, it } from 'vitest';
import { settingsFormSchema, settingsValues, type WaSettings } from '../../renderer/src/screens/whatsapp/wa-settings-values.js';

/** The stored settings of a tenant that never changed them, as wa.settings.get gives them. */
const stored = {
  provider: 'wwebjs',
  fallbackProvider: null,
  fonnteTokenSet: false,
  fonnteBaseUrl: 'https://api.fonnte.com',
  senderNumber: '',
  ratePerSecond: 10,
  perRecipientPerHour: 5,
  quietHours: null,
  sendGap: null,
  sendGapCustom: false,
  adminRecipients: [],
  browserPath: '',
  maxLength: 1000,
  retentionDays: 365,
  enabledEvents: [],
  nightEvents: [],
} as unknown as WaSettings;

function issuesFor(gapMin: string, gapMax: string) {
  const parsed = settingsFormSchema.safeParse({ ...settingsValues(stored), gapMin, gapMax });
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('the pause between WhatsApp Web messages on the settings form', () => {
  it('says the longest pause is below the shortest in its own words, on the longest', () => {
    expect(issuesFor('10', '4')).toEqual([{ path: 'gapMax', message: 'validation.gapOrder' }]);
  });

  it('flags a missing or out-of-range number on its own field, not as an order problem', () => {
    expect(issuesFor('5', '')).toEqual([{ path: 'gapMax', message: 'validation.invalid' }]);
    expect(issuesFor('-1', '4')).toEqual([{ path: 'gapMin', message: 'validation.invalid' }]);
  });

  it('accepts a range in order, and none at all (the provider default)', () => {
    expect(issuesFor('4', '10')).toEqual([]);
    expect(issuesFor('', '')).toEqual([]);
  });
});
