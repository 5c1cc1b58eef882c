import type { Handlers } from '../module-kit/index.js';
import type { Clock } from '../platform/index.js';
import type { TenantProfileService, TenantService } from '../tenant/index.js';
import { renderDocumentHtml } from './html-document.js';
import { renderDocumentPdf } from './pdf-document.js';
import { sampleDocument } from './sample-document.js';

export const documentsHandlers = (
  tenants: Pick<TenantService, 'zone'>,
  profiles: Pick<TenantProfileService, 'get'>,
  clock: Clock,
): Pick<Handlers, 'documents.sample.html' | 'documents.sample.pdf'> => {
  const sample = (kind: 'invoice' | 'receipt', tenantId: string) => sampleDocument(kind, profiles.get(tenantId), tenants.zone(tenantId), clock.now());
  return {
    'documents.sample.html': (input, ctx) => ({ html: renderDocumentHtml(sample(input.kind, ctx.caller.tenantId), input.size, ctx.locale) }),
    'documents.sample.pdf': async (input, ctx) => {
      const pdf = await renderDocumentPdf(sample(input.kind, ctx.caller.tenantId), input.size, ctx.locale);
      return { fileName: `contoh-${input.kind}-${input.size}.pdf`, mimeType: 'application/pdf', data: pdf.toString('base64') };
    },
  };
};
