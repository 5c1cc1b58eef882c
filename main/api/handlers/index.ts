import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';
import { authHandlers } from './auth.js';
import { customerHandlers } from './customers.js';
import { mapHandlers } from './maps.js';
import { packageHandlers } from './packages.js';
import { setupHandlers } from './setup.js';
import { systemHandlers } from './system.js';
import { tenantHandlers } from './tenant.js';
import { userHandlers } from './users.js';
import { waHandlers } from './wa.js';

export function createHandlers(s: Services): Handlers {
  return {
    ...setupHandlers(s),
    ...authHandlers(s),
    ...userHandlers(s),
    ...tenantHandlers(s),
    ...packageHandlers(s),
    ...customerHandlers(s),
    ...waHandlers(s),
    ...mapHandlers(s),
    ...systemHandlers(s),
  };
}
