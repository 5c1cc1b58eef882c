import type { Core } from '../core/index.js';
import { generatePassword } from '../accounts/index.js';

/**
 * Scripted first start: with a password the owner ("owner") is created without the first-run
 * screen; asked to, it generates one (returned so the CLI can print it once). With --demo the ISP
 * gets the demo data unless it already has customers.
 */
export async function prepareOwner(
  core: Core,
  options: { ownerPassword?: string | undefined; generatePassword: boolean; demo: boolean },
): Promise<string | null> {
  const { accounts, tenants, customers, packages, demo } = core.services;
  let generated: string | null = null;
  const needsOwner = accounts.needsOwner();
  if (needsOwner && options.ownerPassword === undefined && options.generatePassword) generated = generatePassword();
  const password = options.ownerPassword ?? generated;
  if (needsOwner && password !== null) {
    await accounts.createOwner({
      tenantName: options.demo ? 'RT/RW Net Demo' : 'RT/RW Net',
      timezone: 'Asia/Jakarta',
      username: 'owner',
      displayName: 'Pemilik',
      password,
    });
  }
  const tenantId = tenants.primaryId();
  if (!options.demo || tenantId === null) return generated;
  const empty = customers.countBillable(tenantId) === 0 && packages.list(tenantId, true).length === 0;
  if (empty) demo.seed(tenantId);
  return generated;
}
