import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaEventKey } from '../../../../shared/domain/wa.js';
import { FormError } from '../../components/FormError.js';
import { useTemplateDrafts } from '../../stores/template-drafts-store.js';
import { useWaTemplates } from '../../stores/wa-stores.js';
import { TemplateEditor } from './TemplateEditor.js';

export function WaTemplates() {
  const { t } = useTranslation();
  const { data, error } = useWaTemplates();
  const [selected, setSelected] = useState<WaEventKey>('invoice_created');
  const drafts = useTemplateDrafts((s) => s.drafts);

  const template = data?.find((x) => x.key === selected) ?? data?.[0];
  return (
    <>
      <FormError error={error} />
      {data && template ? (
        <div className="wa-templates">
          <nav className="wa-template-list" aria-label={t('whatsapp.tabTemplates')}>
            {data.map((x) => (
              <button
                key={x.key}
                type="button"
                className={`wa-template-item${x.key === template.key ? ' active' : ''}`}
                aria-current={x.key === template.key ? 'true' : undefined}
                onClick={() => setSelected(x.key)}
                data-testid="wa-template-item"
                data-key={x.key}
              >
                <span className="wa-template-label">{t(`whatsapp.events.${x.key}`)}</span>
                <span className="wa-template-key mono">{x.key}</span>
                {x.custom ? (
                  <span className="badge badge-warn" data-testid="wa-template-custom">
                    {t('whatsapp.custom')}
                  </span>
                ) : null}
                {drafts[x.key] !== undefined ? (
                  <span className="chip chip-small" data-testid="wa-template-unsaved">
                    {t('whatsapp.unsaved')}
                  </span>
                ) : null}
              </button>
            ))}
          </nav>
          {/* Keyed: another template starts from its own draft or saved text, not the last one's. */}
          <TemplateEditor key={template.key} template={template} />
        </div>
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
    </>
  );
}
