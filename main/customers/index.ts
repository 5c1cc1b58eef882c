export { PackagesService, type PackageInput } from './packages-service.js';
export { CustomersService, type CustomerInput, type RouterCheck } from './customers-service.js';
export { nameKey } from './customer-search.js';
