import type { Db } from '../db/index.js';
import { isoAt, type Clock } from '../platform/index.js';
import type { BankAccount, LogoType, TenantProfile, TenantProfileUpdate } from '../../shared/domain/tenant-profile.js';

interface ProfileRow {
  address: string;
  phone: string;
  email: string;
  footer: string;
  bank_accounts: string;
  logo: Buffer | null;
  logo_type: LogoType | null;
}

/** What a tenant that never filled its profile prints: its name and nothing else. */
const EMPTY_ROW: ProfileRow = { address: '', phone: '', email: '', footer: '', bank_accounts: '[]', logo: null, logo_type: null };

/**
 * The ISP's profile for invoices and receipts. The name stays the tenant's (one name, changed in
 * one place); this adds where the ISP is, how to reach it, where to pay, and its logo.
 */
export class TenantProfileService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tenantName: (tenantId: string) => string,
  ) {}

  get(tenantId: string): TenantProfile {
    const name = this.tenantName(tenantId);
    const row = (this.db.prepare('SELECT * FROM tenant_profiles WHERE tenant_id = ?').get(tenantId) as ProfileRow | undefined) ?? EMPTY_ROW;
    return {
      name,
      address: row.address,
      phone: row.phone,
      email: row.email,
      footer: row.footer,
      bankAccounts: JSON.parse(row.bank_accounts) as BankAccount[],
      logo: row.logo && row.logo_type ? { type: row.logo_type, base64: row.logo.toString('base64') } : null,
    };
  }

  update(tenantId: string, input: TenantProfileUpdate): TenantProfile {
    // An unknown tenant is NOT_FOUND here, before a profile row could point at nothing.
    this.tenantName(tenantId);
    const now = isoAt(this.clock);
    const accounts = JSON.stringify(input.bankAccounts);
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO tenant_profiles (tenant_id, address, phone, email, footer, bank_accounts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (tenant_id) DO UPDATE SET address = excluded.address, phone = excluded.phone, email = excluded.email,
            footer = excluded.footer, bank_accounts = excluded.bank_accounts, updated_at = excluded.updated_at`)
        .run(tenantId, input.address, input.phone, input.email, input.footer, accounts, now);
      // Left out: the saved logo stays (the form does not send 512 kB back on every save).
      if (input.logo !== undefined) {
        this.db
          .prepare('UPDATE tenant_profiles SET logo = ?, logo_type = ? WHERE tenant_id = ?')
          .run(input.logo ? Buffer.from(input.logo.base64, 'base64') : null, input.logo?.type ?? null, tenantId);
      }
    })();
    return this.get(tenantId);
  }
}
