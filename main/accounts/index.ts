export { AccountsService, type Session, type Caller } from './accounts-service.js';
export { generatePassword } from './password.js';
