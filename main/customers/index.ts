export { PackagesService } from './packages-service.js';
export { CustomersService } from './customers-service.js';
export { customersModule } from './customers-module.js';
