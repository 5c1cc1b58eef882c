export { PackagesService } from './packages-service.js';
export { CustomersService, type BillableCustomer, type RouterAccountOwner } from './customers-service.js';
export { customersModule } from './customers-module.js';
