import type { Db } from '../db/index.js';
import type { CustomersService, PackagesService } from '../customers/index.js';
import type { RoutersService } from '../network/index.js';
import type { TopologyService } from '../maps/index.js';
import type { TenantService } from '../tenant/index.js';
import { DEMO_ROUTER, type DemoRouters } from './demo-router.js';
import { DEMO_PACKAGES, FAMILY_NAMES, FIRST_NAMES, KELURAHAN, MOBILE_PREFIXES, STREETS, TOWN, seededRandom } from './demo-town.js';

const ODCS = 3;
const ODPS_PER_ODC = 7;
const ODP_PORTS = 16;

export interface DemoOptions {
  customers?: number;
  /** The random seed: the same seed gives the same demo. */
  seed?: number;
  /**
   * 'simulated' (the default): the demo router is a simulator on loopback (see demo-router.ts).
   * 'unreachable': an address where nothing answers, for the bench, which measures the lists
   * without 50,000 accounts being provisioned meanwhile.
   */
  router?: 'simulated' | 'unreachable';
}

/**
 * "RT/RW Net Demo": packages, a router, an ODC -> ODP tree and customers around Purwokerto, made
 * through the same services the screens use so every row has its events and change log.
 */
export class DemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly tenants: TenantService,
    private readonly packages: PackagesService,
    private readonly customers: CustomersService,
    private readonly routers: RoutersService,
    private readonly topology: TopologyService,
    private readonly demoRouters: DemoRouters,
  ) {}

  seed(tenantId: string, options: DemoOptions = {}): { customers: number } {
    const count = options.customers ?? 300;
    const simulated = (options.router ?? 'simulated') === 'simulated';
    const random = seededRandom(options.seed ?? 2026);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const around = (center: number, spread: number) => Number((center + (random() - 0.5) * 2 * spread).toFixed(6));

    this.db.transaction(() => {
      const tenant = this.tenants.get(tenantId);
      // Premium: the demo shows WhatsApp and the map, which basic does not include.
      const limitRoom = Math.max(0, Math.ceil((count - 2_000) / 100));
      this.tenants.applySubscription(tenantId, {
        plan: 'premium',
        addons: limitRoom > 0 ? [{ code: 'extra_customers', units: limitRoom }] : [],
        status: tenant.status,
      });
      const packageIds = DEMO_PACKAGES.map((p) => this.packages.create(tenantId, { ...p, active: true }).id);
      const { name, username, password } = DEMO_ROUTER;
      const address = simulated ? { host: DEMO_ROUTER.host, apiPort: DEMO_ROUTER.apiPort } : { host: '10.10.0.1' };
      const routerId = this.routers.create(tenantId, { name, username, password, ...address });
      const odps: { id: string; latitude: number; longitude: number; used: number }[] = [];
      for (let c = 1; c <= ODCS; c++) {
        const odc = { latitude: around(TOWN.center.latitude, TOWN.spread / 2), longitude: around(TOWN.center.longitude, TOWN.spread / 2) };
        const odcId = this.topology.createOdc(tenantId, { ...odc, name: `ODC-${String(c).padStart(2, '0')}`, capacity: 144 });
        for (let p = 1; p <= ODPS_PER_ODC; p++) {
          const odp = { latitude: around(odc.latitude, TOWN.spread / 2), longitude: around(odc.longitude, TOWN.spread / 2) };
          const id = this.topology.createOdp(tenantId, { ...odp, odcId, name: `ODP-${c}${String(p).padStart(2, '0')}`, ports: ODP_PORTS });
          odps.push({ id, ...odp, used: 0 });
        }
      }
      for (let i = 0; i < count; i++) {
        const first = pick(FIRST_NAMES);
        const family = pick(FAMILY_NAMES);
        const latitude = around(TOWN.center.latitude, TOWN.spread);
        const longitude = around(TOWN.center.longitude, TOWN.spread);
        const customer = this.customers.create(tenantId, {
          name: `${first} ${family}`,
          phone: `+62${pick(MOBILE_PREFIXES)}${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`,
          address: `${pick(STREETS)} No. ${1 + Math.floor(random() * 200)}, ${pick(KELURAHAN)}, ${TOWN.name}`,
          latitude,
          longitude,
          packageId: pick(packageIds),
          routerId,
          serviceType: random() < 0.9 ? 'pppoe' : 'hotspot',
          username: `${first.toLowerCase()}.${family.toLowerCase()}.${i + 1}`,
          billingDay: 1 + Math.floor(random() * 28),
          // Accounts are made on the router only with a password, as an ISP's are.
          pppoePassword: `demo${String(Math.floor(random() * 1_000_000)).padStart(6, '0')}`,
          notes: '',
        });
        const odp = this.nearestFreeOdp(odps, latitude, longitude);
        if (odp) {
          odp.used += 1;
          this.topology.connect(tenantId, odp.id, customer.id, odp.used);
        }
        const roll = random();
        if (roll < 0.02) this.customers.deactivate(tenantId, customer.id);
      }
    })();
    if (simulated) void this.demoRouters.ensure(tenantId);
    return { customers: count };
  }

  private nearestFreeOdp<T extends { latitude: number; longitude: number; used: number }>(odps: T[], lat: number, lng: number): T | null {
    let best: T | null = null;
    let bestDistance = Infinity;
    for (const odp of odps) {
      if (odp.used >= ODP_PORTS) continue;
      const d = (odp.latitude - lat) ** 2 + (odp.longitude - lng) ** 2;
      if (d < bestDistance) {
        best = odp;
        bestDistance = d;
      }
    }
    return best;
  }
}
