import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { DEFAULT_LOOP_SETTINGS, type LoopSettings } from '../../shared/domain/billing-loop.js';

interface SettingsRow {
  reminder_days: string;
  promise_max_days: number;
  promise_max_per_window: number;
  promise_window_days: number;
}

/** The reminder schedule and the promise limits; a tenant without a row has the defaults. */
export class LoopSettingsStore {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.stmt = {
      get: db.prepare('SELECT reminder_days, promise_max_days, promise_max_per_window, promise_window_days FROM billing_loop_settings WHERE tenant_id = ?'),
      save: db.prepare(`INSERT INTO billing_loop_settings (id, tenant_id, reminder_days, promise_max_days, promise_max_per_window, promise_window_days, updated_at)
        VALUES (@id, @tenantId, @reminderDays, @promiseMaxDays, @promiseMaxPerWindow, @promiseWindowDays, @now)
        ON CONFLICT (tenant_id) DO UPDATE SET reminder_days = excluded.reminder_days, promise_max_days = excluded.promise_max_days,
          promise_max_per_window = excluded.promise_max_per_window, promise_window_days = excluded.promise_window_days, updated_at = excluded.updated_at`),
    };
  }

  get(tenantId: string): LoopSettings {
    const row = this.stmt.get.get(tenantId) as SettingsRow | undefined;
    if (!row) return DEFAULT_LOOP_SETTINGS;
    return {
      reminderDays: JSON.parse(row.reminder_days) as number[],
      promiseMaxDays: row.promise_max_days,
      promiseMaxPerWindow: row.promise_max_per_window,
      promiseWindowDays: row.promise_window_days,
    };
  }

  update(tenantId: string, patch: Partial<LoopSettings>): LoopSettings {
    const next = { ...this.get(tenantId), ...patch };
    // Kept in order and once each: the scan picks the latest day already reached.
    const reminderDays = [...new Set(next.reminderDays)].sort((a, b) => a - b);
    this.stmt.save.run({ ...next, id: this.ids.next(), tenantId, reminderDays: JSON.stringify(reminderDays), now: this.clock.now() });
    return { ...next, reminderDays };
  }
}
