import { z } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` once it has probed that eval works. The
 * page's CSP forbids eval (script-src 'self'), so the probe only fills the console with a CSP
 * violation; jitless mode skips the probe and parses the plain way. Imported first by main.tsx,
 * before any schema is used.
 */
z.config({ jitless: true });
