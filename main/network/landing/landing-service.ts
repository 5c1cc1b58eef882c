import type { Db } from '../../db/index.js';
import { isoAt, type Clock, type Logger } from '../../platform/index.js';
import type { LandingSettings, LandingUpdate } from '../../../shared/domain/router-prepare.js';
import { renderLandingPage } from './landing-page.js';
import { startLandingListener, type LandingListener } from './landing-server.js';

/** Why an enabled page is not listening, by the socket's error: each has plain words under `landingProblems.<code>`. */
export type LandingProblem = 'notThisComputer' | 'portTaken' | 'portDenied' | 'failed';

const PROBLEMS: Record<string, LandingProblem> = { EADDRNOTAVAIL: 'notThisComputer', EADDRINUSE: 'portTaken', EACCES: 'portDenied' };

/** Unset: off, on 8080 (port 80 needs administrator rights on Linux; the router's dst-nat changes the port anyway). */
const DEFAULTS: LandingSettings = { enabled: false, host: '', port: 8080, contactPhone: '', paymentNote: '' };

interface LandingRow {
  enabled: number;
  host: string;
  port: number;
  contact_phone: string;
  payment_note: string;
}

interface Running {
  listener: LandingListener | null;
  problem: LandingProblem | null;
}

/**
 * Each ISP's isolir page: its settings, and its listener on this computer while enabled (started
 * with the core, restarted when the settings change). Off by default, so an install that never
 * sets it opens no port. The address is also what "Siapkan router" points the redirect at.
 */
export class LandingService {
  private readonly running = new Map<string, Running>();
  /** Settings changes of one tenant take turns, so two saves never leave two listeners. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly ispName: (tenantId: string) => string,
    private readonly template: string,
  ) {}

  settings(tenantId: string): LandingSettings {
    const row = this.db.prepare('SELECT * FROM isolir_landing WHERE tenant_id = ?').get(tenantId) as LandingRow | undefined;
    if (!row) return DEFAULTS;
    return { enabled: row.enabled === 1, host: row.host, port: row.port, contactPhone: row.contact_phone, paymentNote: row.payment_note };
  }

  status(tenantId: string): LandingSettings & { listening: { host: string; port: number } | null; problem: LandingProblem | null } {
    const running = this.running.get(tenantId);
    const listener = running?.listener ?? null;
    return { ...this.settings(tenantId), listening: listener && { host: listener.host, port: listener.port }, problem: running?.problem ?? null };
  }

  /** Where the routers' redirect sends isolated customers; null while the page is off. */
  address(tenantId: string): { host: string; port: number } | null {
    const status = this.status(tenantId);
    if (!status.enabled) return null;
    // Port 0 (tests) means the one the listener was given.
    if (status.listening) return status.listening;
    return status.port > 0 ? { host: status.host, port: status.port } : null;
  }

  /** The page as this ISP's customers see it now. */
  page(tenantId: string): string {
    const s = this.settings(tenantId);
    return renderLandingPage(this.template, { ispName: this.ispName(tenantId), contactPhone: s.contactPhone, paymentNote: s.paymentNote });
  }

  async update(tenantId: string, input: LandingUpdate): Promise<void> {
    this.db
      .prepare(`INSERT INTO isolir_landing (tenant_id, enabled, host, port, contact_phone, payment_note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id) DO UPDATE SET enabled = excluded.enabled, host = excluded.host, port = excluded.port,
          contact_phone = excluded.contact_phone, payment_note = excluded.payment_note, updated_at = excluded.updated_at`)
      .run(tenantId, Number(input.enabled), input.host, input.port, input.contactPhone, input.paymentNote, isoAt(this.clock));
    await this.restart(tenantId);
  }

  /** Starts the page of every ISP that enabled it (the core's start). */
  async startAll(): Promise<void> {
    const tenants = this.db.prepare('SELECT tenant_id FROM isolir_landing WHERE enabled = 1').pluck().all() as string[];
    await Promise.all(tenants.map((t) => this.restart(t)));
  }

  async close(): Promise<void> {
    await Promise.all([...this.turns.values()]);
    await Promise.all([...this.running.values()].map((r) => r.listener?.close()));
    this.running.clear();
  }

  private restart(tenantId: string): Promise<void> {
    const turn = (this.turns.get(tenantId) ?? Promise.resolve()).then(() => this.listen(tenantId));
    this.turns.set(tenantId, turn);
    return turn;
  }

  private async listen(tenantId: string): Promise<void> {
    await this.running.get(tenantId)?.listener?.close();
    this.running.delete(tenantId);
    const s = this.settings(tenantId);
    if (!s.enabled) return;
    try {
      this.running.set(tenantId, { listener: await startLandingListener(s.host, s.port, () => this.page(tenantId)), problem: null });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      this.log.warn('isolir page not listening', { host: s.host, port: s.port, code });
      this.running.set(tenantId, { listener: null, problem: PROBLEMS[code] ?? 'failed' });
    }
  }
}
