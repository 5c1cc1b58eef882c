import { defineModule } from '../module-kit/index.js';
import { setupHandlers, type SetupNeeds } from './handlers.js';

/** The first run: the owner's account, optionally with the demo town. Owns no table: it composes accounts and demo. */
export const setupModule = defineModule({
  name: 'setup',
  tables: [],
  create: (_infra, needs: SetupNeeds) => ({ services: {}, handlers: setupHandlers(needs) }),
});
