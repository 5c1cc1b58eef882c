import { measureWhatsapp } from './wa-bench.js';

/**
 * The WhatsApp figures in a process of their own: the customer search bench before them leaves a
 * 200 MB heap behind, and its garbage collection would be counted against the send path.
 */
const result = await measureWhatsapp((message) => process.stderr.write(`[bench] ${message}\n`));
process.stdout.write(JSON.stringify(result));
