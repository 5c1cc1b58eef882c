import type { Handlers, MethodsUnder } from '../../module-kit/index.js';
import type { CustomerExporter } from './customer-export.js';
import type { ImportService } from './import-service.js';
import { reportFile } from './report-file.js';

export type ImportMethods = MethodsUnder<'customers.import.'> | 'customers.export';

export const importHandlers = (imports: ImportService, exporter: CustomerExporter): Pick<Handlers, ImportMethods> => ({
  'customers.import.upload': (input, ctx) => imports.upload(ctx.caller.tenantId, input),
  'customers.import.preview': (input, ctx) => imports.preview(ctx.caller.tenantId, input),
  'customers.import.apply': (input, ctx) => imports.apply(ctx.caller, input),
  'customers.import.history': (_input, ctx) => imports.history(ctx.caller.tenantId),
  'customers.import.report': ({ id }, ctx) => reportFile(imports.report(ctx.caller.tenantId, id), ctx.locale),
  'customers.export': (input, ctx) => exporter.file(ctx.caller.tenantId, input, ctx.locale),
});
