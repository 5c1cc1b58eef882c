export * from './common.js';
export * from './roles.js';
export * from './plans.js';
export * from './tenant.js';
export * from './user.js';
export * from './package.js';
export * from './customer.js';
export * from './router.js';
