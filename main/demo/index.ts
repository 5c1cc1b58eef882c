export { DemoSeeder, type DemoOptions } from './demo-seeder.js';
export { demoModule } from './demo-module.js';
