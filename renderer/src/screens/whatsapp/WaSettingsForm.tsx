import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WA_EVENT_KEYS, WA_PROVIDERS, type WaEventKey } from '../../../../shared/domain/wa.js';
import { ZONE_LABELS } from '../../../../shared/util/time.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useForm } from '../../components/use-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useTenantZone } from './use-wa-format.js';
import { groupedErrors, settingsInput, settingsValues, type WaSettings, type WaSettingsValues } from './wa-settings-values.js';
import { FormActions } from '../../components/FormActions.js';
import { invalidateMethod, setMethodData } from '../../query/query-client.js';

/** Broadcasts and test messages go when someone asks for them; only the automatic notices are switches. */
const AUTOMATIC_EVENTS = WA_EVENT_KEYS.filter((key) => key !== 'manual_broadcast' && key !== 'test_message');

export function WaSettingsForm({ settings }: { settings: WaSettings }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const zone = useTenantZone();
  const form = useForm(settingsValues(settings));
  const [events, setEvents] = useState<WaEventKey[]>(settings.enabledEvents);
  const { provider, fallbackProvider } = form.values;
  const uses = (key: string) => provider === key || fallbackProvider === key;
  const fields = form.error?.fields;
  const eventsError = groupedErrors(fields, 'enabledEvents', () => t('whatsapp.sectionEvents'));
  const adminsError = groupedErrors(fields, 'adminRecipients', (index) => t('whatsapp.nthNumber', { n: Number(index) + 1 }));

  function toggleEvent(key: WaEventKey, on: boolean) {
    setEvents((current) => (on ? WA_EVENT_KEYS.filter((k) => k === key || current.includes(k)) : current.filter((k) => k !== key)));
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { input, errors } = settingsInput(form.values, events);
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    const saved = await form.submit(() => call('wa.settings.update', input));
    if (!saved) return;
    keepSaved(saved);
    form.setValues(settingsValues(saved));
    toast(t('common.saved'));
  }

  /** The token goes at once: keeping a secret nobody wants any longer than asked is not a favour. */
  async function clearToken() {
    const saved = await form.submit(() => call('wa.settings.update', { fonnteToken: null }));
    if (!saved) return;
    keepSaved(saved);
    form.set('fonnteToken', '');
    toast(t('whatsapp.tokenCleared'));
  }

  return (
    <section className="card">
      <h2>{t('whatsapp.settingsTitle')}</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="wa-settings-form">
        <FormError error={form.error} />
        <fieldset className="form-section">
          <legend>{t('whatsapp.sectionProvider')}</legend>
          <div className="form-grid">
            <Field name="provider" label={t('whatsapp.provider')} error={form.fieldError('provider')} hint={t(`whatsapp.providerHints.${provider}`)}>
              <select {...form.text('provider')} data-testid="wa-provider">
                {WA_PROVIDERS.map((key) => (
                  <option key={key} value={key}>
                    {t(`whatsapp.providers.${key}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="fallbackProvider" label={t('whatsapp.fallbackProvider')} error={form.fieldError('fallbackProvider')} hint={t('whatsapp.fallbackHint')}>
              <select {...form.text('fallbackProvider')} data-testid="wa-fallback">
                <option value="">{t('whatsapp.noFallback')}</option>
                {WA_PROVIDERS.filter((key) => key !== provider).map((key) => (
                  <option key={key} value={key}>
                    {t(`whatsapp.providers.${key}`)}
                  </option>
                ))}
              </select>
            </Field>
            {uses('fonnte') ? (
              <>
                <Field name="fonnteToken" label={t('whatsapp.fonnteToken')} error={form.fieldError('fonnteToken')} hint={settings.hasFonnteToken ? t('whatsapp.tokenKeepHint') : t('whatsapp.tokenHint')}>
                  <span className="input-with-action">
                    <input
                      {...form.text('fonnteToken')}
                      type="password"
                      autoComplete="new-password"
                      placeholder={settings.hasFonnteToken ? t('whatsapp.tokenStored') : ''}
                      data-testid="wa-fonnte-token"
                    />
                    {settings.hasFonnteToken ? (
                      <>
                        <span className="badge badge-ok" data-testid="wa-token-stored">
                          {t('whatsapp.tokenStored')}
                        </span>
                        <button type="button" className="button small danger-outline" disabled={locked || form.busy} onClick={() => void clearToken()} data-testid="wa-token-clear">
                          {t('whatsapp.tokenClear')}
                        </button>
                      </>
                    ) : null}
                  </span>
                </Field>
                <Field name="fonnteBaseUrl" label={t('whatsapp.fonnteBaseUrl')} error={form.fieldError('fonnteBaseUrl')}>
                  <input {...form.text('fonnteBaseUrl')} type="url" spellCheck={false} data-testid="wa-fonnte-url" />
                </Field>
              </>
            ) : null}
            {uses('wwebjs') ? (
              <Field name="browserPath" label={t('whatsapp.browserPath')} error={form.fieldError('browserPath')} hint={t('whatsapp.browserPathHint')} optional className="span-2">
                <input {...form.text('browserPath')} spellCheck={false} placeholder="C:\Program Files\Google\Chrome\Application\chrome.exe" data-testid="wa-browser-path" />
              </Field>
            ) : null}
            <Field name="senderNumber" label={t('whatsapp.senderNumber')} error={form.fieldError('senderNumber')} hint={t('whatsapp.senderHint')} optional>
              <input {...form.text('senderNumber')} type="tel" inputMode="tel" data-testid="wa-sender" />
            </Field>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('whatsapp.sectionEvents')}</legend>
          <div className="wa-events" data-testid="wa-events">
            {AUTOMATIC_EVENTS.map((key) => (
              <label key={key} className="check">
                <input type="checkbox" checked={events.includes(key)} onChange={(e) => toggleEvent(key, e.target.checked)} data-testid={`wa-event-${key}`} />
                <span>{t(`whatsapp.events.${key}`)}</span>
              </label>
            ))}
          </div>
          <p className="field-hint">{t('whatsapp.eventsHint')}</p>
          {eventsError ? (
            <span className="field-error" data-testid="error-enabledEvents">
              {eventsError}
            </span>
          ) : null}
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('whatsapp.sectionLimits')}</legend>
          <div className="form-grid form-grid-3">
            <Field name="ratePerSecond" label={t('whatsapp.ratePerSecond')} error={form.fieldError('ratePerSecond')} hint={t('whatsapp.ratePerSecondHint')}>
              <input {...form.text('ratePerSecond')} inputMode="numeric" data-testid="wa-rate" />
            </Field>
            <Field name="perRecipientPerHour" label={t('whatsapp.perRecipientPerHour')} error={form.fieldError('perRecipientPerHour')} hint={t('whatsapp.perRecipientHint')}>
              <input {...form.text('perRecipientPerHour')} inputMode="numeric" data-testid="wa-per-recipient" />
            </Field>
            <Field name="maxLength" label={t('whatsapp.maxLength')} error={form.fieldError('maxLength')} hint={t('whatsapp.maxLengthHint')}>
              <input {...form.text('maxLength')} inputMode="numeric" data-testid="wa-max-length" />
            </Field>
          </div>
          <QuietHours form={form} zoneLabel={ZONE_LABELS[zone]} error={groupedErrors(fields, 'quietHours', (part) => t(part === 'start' ? 'whatsapp.quietStart' : 'whatsapp.quietEnd'))} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('whatsapp.sectionAdmin')}</legend>
          <div className="form-grid">
            <Field name="adminRecipients" label={t('whatsapp.adminRecipients')} error={adminsError} hint={t('whatsapp.adminRecipientsHint')} optional>
              <textarea {...form.text('adminRecipients')} aria-invalid={Boolean(adminsError) || undefined} rows={3} spellCheck={false} data-testid="wa-admins" />
            </Field>
            <Field name="retentionDays" label={t('whatsapp.retentionDays')} error={form.fieldError('retentionDays')} hint={t('whatsapp.retentionHint')}>
              <input {...form.text('retentionDays')} inputMode="numeric" data-testid="wa-retention" />
            </Field>
          </div>
        </fieldset>

        <FormActions busy={form.busy} disabled={locked} testId="wa-settings-save" />
      </form>
    </section>
  );
}

type SettingsForm = ReturnType<typeof useForm<WaSettingsValues>>;

/**
 * Typed as 21:00 rather than a time picker: the picker follows the computer's locale and may show
 * 09:00 PM, while office staff (and the core) use the 24-hour clock.
 */
const CLOCK_INPUT = { inputMode: 'numeric', placeholder: '21:00', maxLength: 5, className: 'mono wa-clock' } as const;

/** "Off" or a start and end, read on the tenant's clock: 21:00 WIB means 21:00 in Purwokerto. */
function QuietHours({ form, zoneLabel, error }: { form: SettingsForm; zoneLabel: string; error: string | undefined }) {
  const { t } = useTranslation();
  const on = form.values.quietEnabled;
  return (
    <div className={`field${error ? ' has-error' : ''}`} role="group" aria-label={t('whatsapp.quietHours')}>
      <span className="field-label">{t('whatsapp.quietHours')}</span>
      <div className="wa-quiet">
        <label className="check">
          <input {...form.checkbox('quietEnabled')} data-testid="wa-quiet-enabled" />
          <span>{t('whatsapp.quietOn')}</span>
        </label>
        <input {...form.text('quietStart')} {...CLOCK_INPUT} disabled={!on} aria-label={t('whatsapp.quietStart')} data-testid="wa-quiet-start" />
        <span className="muted">–</span>
        <input {...form.text('quietEnd')} {...CLOCK_INPUT} disabled={!on} aria-label={t('whatsapp.quietEnd')} data-testid="wa-quiet-end" />
        <span className="chip" data-testid="wa-quiet-zone">
          {zoneLabel}
        </span>
      </div>
      {error ? (
        <span className="field-error" data-testid="error-quietHours">
          {error}
        </span>
      ) : (
        <span className="field-hint">{t('whatsapp.quietHint')}</span>
      )}
    </div>
  );
}

function keepSaved(settings: WaSettings): void {
  setMethodData('wa.settings.get', {}, settings);
  // A new provider means a different session to show.
  invalidateMethod('wa.session.status');
}
