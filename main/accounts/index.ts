export { AccountsService, type Session } from './accounts-service.js';
export { accountsModule } from './accounts-module.js';
export { generatePassword } from './password.js';
