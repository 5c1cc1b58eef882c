export { createDryRunProvider } from './dry-run-provider.js';
