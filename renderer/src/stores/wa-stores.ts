import { useMethodQuery } from '../query/use-method-query.js';

/** WhatsApp data each fetched whole; the message log pages (useMethodPages('wa.logs.list')). */
export const useWaSession = () => useMethodQuery('wa.session.status', {});
export const useWaSettings = () => useMethodQuery('wa.settings.get', {});
export const useWaMetrics = () => useMethodQuery('wa.metrics', {});
export const useWaTemplates = () => useMethodQuery('wa.templates.list', {});
