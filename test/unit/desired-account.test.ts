import { describe, expect, it } from 'vitest';
import { desiredAccount, intendedStatus } from '../../main/provisioning/desired-account.js';
import type { RouterAccountOwner } from '../../main/customers/index.js';

const owner = (overrides: Partial<RouterAccountOwner> = {}): RouterAccountOwner => ({
  id: 'C1',
  username: 'budi',
  serviceType: 'pppoe',
  status: 'active',
  routerProfile: 'hemat-10m',
  ...overrides,
});
const profileSwap = { method: 'pppoe-profile' as const, isolirProfile: 'isolir' };

describe('the account a customer must have on their router', () => {
  it('active: the package profile, enabled, our mark', () => {
    expect(desiredAccount(owner(), profileSwap)).toEqual({ kind: 'pppoe', name: 'budi', profile: 'hemat-10m', disabled: false, comment: 'rrnet:C1', isolirInFlight: false });
  });

  it('isolated follows the router isolir method: profile swap, disabled secret, or untouched on an address-list router', () => {
    const isolated = owner({ status: 'isolated' });
    expect(desiredAccount(isolated, profileSwap)).toMatchObject({ profile: 'isolir', disabled: false });
    expect(desiredAccount(isolated, { method: 'disable-secret', isolirProfile: 'isolir' })).toMatchObject({ profile: 'hemat-10m', disabled: true });
    expect(desiredAccount(isolated, { method: 'address-list', isolirProfile: 'isolir' })).toMatchObject({ profile: 'hemat-10m', disabled: false });
    // A hotspot user has no fixed address to list: isolated by profile there, as the isolir executor does.
    expect(desiredAccount(owner({ status: 'isolated', serviceType: 'hotspot' }), { method: 'address-list', isolirProfile: 'isolir' })).toMatchObject({ kind: 'hotspot', profile: 'isolir' });
  });

  it('deactivated: disabled, on the package profile, whatever the method', () => {
    expect(desiredAccount(owner({ status: 'inactive' }), profileSwap)).toMatchObject({ profile: 'hemat-10m', disabled: true });
  });

  it('an isolir request on its way wins over the confirmed status; a deactivation wins over both', () => {
    expect(intendedStatus('active', 'isolate')).toBe('isolated');
    expect(intendedStatus('isolated', 'reconnect')).toBe('active');
    expect(intendedStatus('isolated', null)).toBe('isolated');
    expect(intendedStatus('inactive', 'isolate')).toBe('inactive');
  });
});
