import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useTemplateDrafts } from '../../stores/template-drafts-store.js';
import { WaBubble } from './WaBubble.js';
import { useClockNow } from './use-wa-format.js';
import { methodKey, queryClient } from '../../query/query-client.js';

type Template = MethodOutput<'wa.templates.list'>[number];
/** The core's rendering of one version of the text: a newer text makes it stale. */
type Preview = MethodOutput<'wa.templates.preview'> & { content: string };

const PREVIEW_DELAY_MS = 300;
/** Passed as a value: i18next would take the double braces in a message for its own placeholders. */
const CONDITION_EXAMPLE = '{{#if exists(payment_url)}}Bayar online: {payment_url}{{/if}}';

export function TemplateEditor({ template }: { template: Template }) {
  const { t } = useTranslation();
  const { manager, locked } = usePermissions();
  const draft = useTemplateDrafts((s) => s.drafts[template.key]);
  const setDraft = useTemplateDrafts((s) => s.setDraft);
  const content = draft ?? template.content;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const now = useClockNow();
  const canEdit = manager && !locked;
  const dirty = content !== template.content;

  // The core renders the draft with the template's sample data; only the answer to the newest text counts.
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void call('wa.templates.preview', { key: template.key, content }).then((result) => {
        if (!current) return;
        setPreview(result.ok ? { ...result.data, content } : { ok: false, text: '', errors: [result.error.message], content });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [template.key, content]);

  // After a chip inserts a variable, the caret goes right after it, as if it had been typed.
  useEffect(() => {
    if (caret.current === null || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [content]);

  function insert(variable: string) {
    const box = textarea.current;
    const start = box?.selectionStart ?? content.length;
    const end = box?.selectionEnd ?? content.length;
    const text = `{${variable}}`;
    caret.current = start + text.length;
    edit(content.slice(0, start) + text + content.slice(end));
  }

  // A text equal to the saved one is no draft: nothing to lose.
  function edit(next: string) {
    setDraft(template.key, next === template.content ? null : next);
    setSaveError(null);
  }

  function keep(saved: Template) {
    queryClient.setQueryData(methodKey('wa.templates.list', {}), (list: Template[] | undefined) => list?.map((x) => (x.key === saved.key ? saved : x)));
  }

  async function save() {
    setBusy(true);
    const result = await call('wa.templates.save', { key: template.key, content });
    setBusy(false);
    if (!result.ok) {
      setSaveError(result.error);
      return;
    }
    keep(result.data);
    setDraft(template.key, null);
    toast(t('whatsapp.templateSaved', { name: t(`whatsapp.events.${template.key}`) }));
  }

  // The save's own messages (one per line in fields.content) say more than the general one on top;
  // a preview's errors count only while they are about the text on screen.
  const fresh = preview?.content === content;
  const problems = saveError?.fields?.content?.split('\n') ?? (fresh && !preview.ok ? preview.errors : []);
  const generalError = saveError && !saveError.fields?.content ? saveError : null;

  return (
    <section className="card wa-editor" data-testid="wa-template-editor" data-key={template.key}>
      <div className="card-header">
        <h2>
          {t(`whatsapp.events.${template.key}`)}
          {dirty ? <span className="chip chip-small">{t('whatsapp.unsaved')}</span> : null}
        </h2>
        {template.custom ? <span className="badge badge-warn">{t('whatsapp.custom')}</span> : <span className="badge badge-idle">{t('whatsapp.system')}</span>}
      </div>
      <FormError error={generalError} />
      <div className="wa-editor-grid">
        <div className="wa-editor-main">
          <div className="wa-vars" aria-label={t('whatsapp.variables')}>
            <span className="field-label">{t('whatsapp.variables')}</span>
            {template.variables.map((name) => (
              <button
                key={name}
                type="button"
                className="var-chip"
                disabled={!canEdit}
                title={t('whatsapp.insertVariable', { sample: String(template.sample[name] ?? '') })}
                onClick={() => insert(name)}
                data-testid="wa-var-chip"
              >
                {`{${name}}`}
              </button>
            ))}
          </div>
          <textarea
            ref={textarea}
            className="wa-template-text mono"
            value={content}
            onChange={(e) => edit(e.target.value)}
            readOnly={!canEdit}
            rows={14}
            spellCheck={false}
            aria-label={t('whatsapp.templateText')}
            aria-invalid={problems.length > 0 || undefined}
            data-testid="wa-template-text"
          />
          {problems.length > 0 ? (
            <ul className="wa-problems" role="alert" data-testid="wa-template-errors">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : (
            <p className="field-hint">{t('whatsapp.templateHint', { example: CONDITION_EXAMPLE })}</p>
          )}
          {canEdit ? (
            <div className="form-actions">
              {template.custom ? (
                <button type="button" className="button" disabled={busy} onClick={() => setConfirmReset(true)} data-testid="wa-template-reset">
                  {t('whatsapp.resetTemplate')}
                </button>
              ) : null}
              <button type="button" className="button primary" disabled={busy || !dirty} onClick={() => void save()} data-testid="wa-template-save">
                {busy ? t('common.saving') : t('common.save')}
              </button>
            </div>
          ) : null}
        </div>
        <div className="wa-editor-preview">
          <span className="field-label">{t('whatsapp.preview')}</span>
          {preview?.ok ? (
            <div className={fresh ? undefined : 'wa-stale'}>
              <WaBubble text={preview.text} time={now} testId="wa-preview" />
            </div>
          ) : (
            <div className="wa-chat">
              <p className="muted wa-preview-empty">{preview && fresh ? t('whatsapp.previewBroken') : t('common.loading')}</p>
            </div>
          )}
          <p className="field-hint">{t('whatsapp.previewHint')}</p>
        </div>
      </div>
      {confirmReset ? (
        <ConfirmDialog
          title={t('whatsapp.resetTemplate')}
          message={t('whatsapp.confirmReset', { name: t(`whatsapp.events.${template.key}`) })}
          confirmLabel={t('whatsapp.resetTemplate')}
          danger
          run={() => call('wa.templates.reset', { key: template.key })}
          onDone={(saved) => {
            keep(saved);
            setConfirmReset(false);
            setDraft(template.key, null);
            setSaveError(null);
            toast(t('whatsapp.templateReset'));
          }}
          onClose={() => setConfirmReset(false)}
        />
      ) : null}
    </section>
  );
}
