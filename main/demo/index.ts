export { DemoSeeder, type DemoOptions } from './demo-seeder.js';
