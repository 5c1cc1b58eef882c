import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The core's floors (main/README.md) are enforced by the rrnet/core-floors rule in eslint.config.js.
 * Each case lints a snippet as if it lived at that path, so a config change that lets an upward
 * import, a reach into another module's inside, or a folder without a floor through fails CI.
 */
const cwd = fileURLToPath(new URL('../..', import.meta.url));
const RULE = 'rrnet/core-floors';
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd });
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${cwd}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE || m.fatal).map((m) => m.message);
}

const forbidden: [kind: string, file: string, code: string, says: string][] = [
  ['kernel -> infrastructure', 'main/db/x.ts', "import { EventBus } from '../bus/index.js';", 'main/db/ (kernel) must not import main/bus/ (infrastructure)'],
  ['kernel -> feature', 'main/platform/x.ts', "import type { WaModule } from '../wa/index.js';", 'nothing imports upward'],
  ['infrastructure -> tenancy', 'main/jobs/x.ts', "import { TenantService } from '../tenant/index.js';", 'main/jobs/ (infrastructure) must not import main/tenant/ (tenancy)'],
  ['module kit -> api', 'main/module-kit/x.ts', "import type { CallMeta } from '../api/index.js';", 'must not import main/api/ (api)'],
  ['tenancy -> feature', 'main/tenant/x.ts', "import { customersModule } from '../customers/index.js';", 'main/tenant/ (tenancy) must not import main/customers/ (feature modules)'],
  ['feature -> api', 'main/wa/x.ts', "import { Dispatcher } from '../api/index.js';", 'main/wa/ (feature modules) must not import main/api/ (api)'],
  ['feature -> core (from deep inside)', 'main/wa/providers/fonnte/x.ts', "import type { Core } from '../../../core/index.js';", 'must not import main/core/ (core)'],
  ['api -> core', 'main/api/x.ts', "export { createCore } from '../core/index.js';", 'main/api/ (api) must not import main/core/ (core)'],
  ['core -> web', 'main/core/x.ts', "import { startServer } from '../web/index.js';", 'main/core/ (core) must not import main/web/ (web)'],
  ['future module -> api', 'main/billing/x.ts', "import type { CallMeta } from '../api/dispatcher.js';", 'main/billing/ (feature modules) must not import main/api/ (api)'],
  ['dynamic import upward', 'main/customers/x.ts', "export const load = () => import('../core/index.js');", 'nothing imports upward'],
  ['module inside (sideways)', 'main/maps/x.ts', "import { CustomersService } from '../customers/customers-service.js';", 'through its index.ts, not customers-service.js'],
  ['module inside (downward)', 'main/wa/x.ts', "import { TenantService } from '../tenant/tenant-service.js';", 'through its index.ts'],
  ['kernel inside', 'main/customers/x.ts', "import { openDatabase } from '../db/open-database.js';", 'through its index.ts'],
  ['module inside from api', 'main/api/x.ts', "import { mapHandlers } from '../maps/handlers.js';", 'through its index.ts'],
  ['folder without a floor (importer)', 'main/reports/x.ts', "import { Failure } from '../platform/index.js';", 'main/reports/ stands on no floor'],
  ['folder without a floor (imported)', 'main/wa/x.ts', "import { x } from '../reports/index.js';", 'main/reports/ stands on no floor'],
];

const allowed: [kind: string, file: string, code: string][] = [
  ['downward through faces', 'main/wa/x.ts', "import { EventBus } from '../bus/index.js';\nimport { TenantService } from '../tenant/index.js';\nimport { Failure } from '../platform/index.js';"],
  ['a module its own inside', 'main/wa/providers/fonnte/x.ts', "import { Outbound } from '../../outbound.js';\nimport { maskPhone } from '../../masking.js';"],
  ['feature -> feature through its face', 'main/customers/x.ts', "import type { NotificationRule } from '../wa/index.js';"],
  ['an inner folder named like a floor', 'main/wa/api/x.ts', "import { Outbound } from '../outbound.js';\nimport { y } from './core/y.js';"],
  ['core -> api and modules', 'main/core/x.ts', "import { Dispatcher } from '../api/index.js';\nimport { waModule } from '../wa/index.js';"],
  ['web -> core', 'main/web/x.ts', "import type { Core } from '../core/index.js';\nimport { generatePassword } from '../accounts/index.js';"],
  ['api -> its own files', 'main/api/x.ts', "import { fieldErrorKeys } from './validation-errors.js';"],
  ['shared/ is not a floor of main', 'main/tenant/x.ts', "import type { Tenant } from '../../shared/domain/tenant.js';"],
];

describe('core floors rule (eslint.config.js)', () => {
  it.each(forbidden)('%s: %s is an error', async (_kind, file, code, says) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
  });

  it.each(allowed)('%s: %s is allowed', async (_kind, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
