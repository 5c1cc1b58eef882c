import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SEND_GAP, WA_EVENT_KEYS, WA_FALLBACK_PROVIDERS, WA_PROVIDERS, type WaEventKey, type WaProviderKey } from '../../../../shared/domain/wa.js';
import { ZONE_LABELS } from '../../../../shared/util/time.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { toast } from '../../stores/toast-store.js';
import { useTenantZone } from './use-wa-format.js';
import { groupedErrors, settingsFieldErrors, settingsFormSchema, settingsValues, type WaSettings } from './wa-settings-values.js';
import { FormActions } from '../../components/FormActions.js';
import { invalidateMethod, setMethodData } from '../../query/query-client.js';

/** Broadcasts and test messages go when someone asks for them; only the automatic notices are switches. */
const AUTOMATIC_EVENTS = WA_EVENT_KEYS.filter((key) => key !== 'manual_broadcast' && key !== 'test_message');

export function WaSettingsForm({ settings }: { settings: WaSettings }) {
  const { t } = useTranslation();
  const { locked, owner } = usePermissions();
  // The browser path runs a program and the Fonnte address receives the token: the core lets only
  // the owner change them, so anyone else sees them read-only with the reason.
  const ownerOnly = (hint: string) => (owner ? hint : `${hint} ${t('whatsapp.ownerOnlyHint')}`);
  const zone = useTenantZone();
  const form = useContractForm(settingsFormSchema, settingsValues(settings));
  const [events, setEvents] = useState<WaEventKey[]>(settings.enabledEvents);
  const [nightEvents, setNightEvents] = useState<WaEventKey[]>(settings.nightEvents);
  const [clearing, setClearing] = useState(false);
  const [provider, fallbackProvider] = form.watch(['provider', 'fallbackProvider']);
  const uses = (key: string) => provider === key || fallbackProvider === key;
  // The events are not a field of the form: only the core can refuse them, so only its answer names them.
  const eventsError = groupedErrors(form.formError?.fields, 'enabledEvents', () => t('whatsapp.sectionEvents'));

  function toggleEvent(key: WaEventKey, on: boolean) {
    setEvents((current) => toggled(current, key, on));
  }

  const onSubmit = form.onSubmit(
    async (input) => {
      const result = await call('wa.settings.update', { ...input, enabledEvents: events, nightEvents });
      if (result.ok || !result.error.fields) return result;
      return { ok: false as const, error: { ...result.error, fields: settingsFieldErrors(result.error.fields) ?? {} } };
    },
    (saved) => {
      keepSaved(saved);
      form.reset(settingsValues(saved));
      toast(t('common.saved'));
    },
  );

  /** The token goes at once: keeping a secret nobody wants any longer than asked is not a favour. */
  async function clearToken() {
    setClearing(true);
    const result = await call('wa.settings.update', { fonnteToken: null });
    setClearing(false);
    if (!result.ok) {
      form.setError('fonnteToken', { type: 'server', message: result.error.message }, { shouldFocus: true });
      return;
    }
    keepSaved(result.data);
    form.setValue('fonnteToken', '');
    toast(t('whatsapp.tokenCleared'));
  }

  return (
    <section className="card">
      <h2>{t('whatsapp.settingsTitle')}</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="wa-settings-form">
        <FormError error={form.formError} />
        <fieldset className="form-section">
          <legend>{t('whatsapp.sectionProvider')}</legend>
          <div className="form-grid">
            <Field name="provider" label={t('whatsapp.provider')} error={form.errorOf('provider')} hint={t(`whatsapp.providerHints.${provider}`)}>
              <select {...form.register('provider')} data-testid="wa-provider">
                {WA_PROVIDERS.map((key) => (
                  <option key={key} value={key}>
                    {t(`whatsapp.providers.${key}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="fallbackProvider" label={t('whatsapp.fallbackProvider')} error={form.errorOf('fallbackProvider')} hint={t('whatsapp.fallbackHint')}>
              <select {...form.register('fallbackProvider')} data-testid="wa-fallback">
                <option value="">{t('whatsapp.noFallback')}</option>
                {WA_FALLBACK_PROVIDERS.filter((key) => key !== provider).map((key) => (
                  <option key={key} value={key}>
                    {t(`whatsapp.providers.${key}`)}
                  </option>
                ))}
              </select>
            </Field>
            {uses('fonnte') ? (
              <>
                <Field name="fonnteToken" label={t('whatsapp.fonnteToken')} error={form.errorOf('fonnteToken')} hint={settings.hasFonnteToken ? t('whatsapp.tokenKeepHint') : t('whatsapp.tokenHint')}>
                  <span className="input-with-action">
                    <input
                      {...form.register('fonnteToken')}
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
                        <button type="button" className="button small danger-outline" disabled={locked || form.busy || clearing} onClick={() => void clearToken()} data-testid="wa-token-clear">
                          {t('whatsapp.tokenClear')}
                        </button>
                      </>
                    ) : null}
                  </span>
                </Field>
                <Field name="fonnteBaseUrl" label={t('whatsapp.fonnteBaseUrl')} error={form.errorOf('fonnteBaseUrl')} hint={ownerOnly(t('whatsapp.fonnteBaseUrlHint'))}>
                  <input {...form.register('fonnteBaseUrl')} type="url" spellCheck={false} readOnly={!owner} data-testid="wa-fonnte-url" />
                </Field>
              </>
            ) : null}
            {uses('wwebjs') ? (
              <Field name="browserPath" label={t('whatsapp.browserPath')} error={form.errorOf('browserPath')} hint={ownerOnly(t('whatsapp.browserPathHint'))} optional className="span-2">
                <input {...form.register('browserPath')} spellCheck={false} readOnly={!owner} placeholder="C:\Program Files\Google\Chrome\Application\chrome.exe" data-testid="wa-browser-path" />
              </Field>
            ) : null}
            <Field name="senderNumber" label={t('whatsapp.senderNumber')} error={form.errorOf('senderNumber')} hint={t('whatsapp.senderHint')} optional>
              <input {...form.register('senderNumber')} type="tel" inputMode="tel" data-testid="wa-sender" />
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
            <Field name="ratePerSecond" label={t('whatsapp.ratePerSecond')} error={form.errorOf('ratePerSecond')} hint={t('whatsapp.ratePerSecondHint')}>
              <input {...form.register('ratePerSecond')} inputMode="numeric" data-testid="wa-rate" />
            </Field>
            <Field name="perRecipientPerHour" label={t('whatsapp.perRecipientPerHour')} error={form.errorOf('perRecipientPerHour')} hint={t('whatsapp.perRecipientHint')}>
              <input {...form.register('perRecipientPerHour')} inputMode="numeric" data-testid="wa-per-recipient" />
            </Field>
            <Field name="maxLength" label={t('whatsapp.maxLength')} error={form.errorOf('maxLength')} hint={t('whatsapp.maxLengthHint')}>
              <input {...form.register('maxLength')} inputMode="numeric" data-testid="wa-max-length" />
            </Field>
          </div>
          <QuietHours form={form} zoneLabel={ZONE_LABELS[zone]} />
          <div className="field" role="group" aria-label={t('whatsapp.nightEvents')}>
            <span className="field-label">{t('whatsapp.nightEvents')}</span>
            <div className="wa-events" data-testid="wa-night-events">
              {AUTOMATIC_EVENTS.map((key) => (
                <label key={key} className="check">
                  <input
                    type="checkbox"
                    checked={nightEvents.includes(key)}
                    onChange={(e) => setNightEvents((current) => toggled(current, key, e.target.checked))}
                    data-testid={`wa-night-${key}`}
                  />
                  <span>{t(`whatsapp.events.${key}`)}</span>
                </label>
              ))}
            </div>
            <span className="field-hint">{t('whatsapp.nightEventsHint')}</span>
          </div>
          <SendGap form={form} provider={provider} />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('whatsapp.sectionAdmin')}</legend>
          <div className="form-grid">
            <Field name="adminRecipients" label={t('whatsapp.adminRecipients')} error={form.errorOf('adminRecipients')} hint={t('whatsapp.adminRecipientsHint')} optional>
              <textarea {...form.register('adminRecipients')} rows={3} spellCheck={false} data-testid="wa-admins" />
            </Field>
            <Field name="retentionDays" label={t('whatsapp.retentionDays')} error={form.errorOf('retentionDays')} hint={t('whatsapp.retentionHint')}>
              <input {...form.register('retentionDays')} inputMode="numeric" data-testid="wa-retention" />
            </Field>
          </div>
        </fieldset>

        <FormActions busy={form.busy} disabled={locked} testId="wa-settings-save" />
      </form>
    </section>
  );
}

type SettingsForm = ReturnType<typeof useContractForm<typeof settingsFormSchema>>;

/** The list with `key` in or out, in the catalogue's order. */
function toggled(current: readonly WaEventKey[], key: WaEventKey, on: boolean): WaEventKey[] {
  return on ? WA_EVENT_KEYS.filter((k) => k === key || current.includes(k)) : current.filter((k) => k !== key);
}

/** A broadcast of 300 at the default pause: what "a few seconds each" means for the office's evening. */
const SAMPLE_BROADCAST = 300;

/**
 * The pause between two messages, explained for the chosen provider: WhatsApp Web waits a random
 * few seconds (a phone number sending like a machine gets banned), Fonnte paces on its side.
 * Empty: the provider's default.
 */
function SendGap({ form, provider }: { form: SettingsForm; provider: WaProviderKey }) {
  const { t } = useTranslation();
  const fallback = DEFAULT_SEND_GAP[provider];
  const minutes = fallback ? Math.round((SAMPLE_BROADCAST * (fallback.minSeconds + fallback.maxSeconds)) / 2 / 60) : 0;
  const error = [form.errorOf('gapMin'), form.errorOf('gapMax')].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`} role="group" aria-label={t('whatsapp.sendGap')}>
      <span className="field-label">{t('whatsapp.sendGap')}</span>
      <div className="wa-quiet">
        <label>
          {t('whatsapp.sendGapMin')}
          <input {...form.register('gapMin')} inputMode="numeric" className="wa-clock" placeholder={fallback ? String(fallback.minSeconds) : t('whatsapp.sendGapDefault')} data-testid="wa-gap-min" />
        </label>
        <label>
          {t('whatsapp.sendGapMax')}
          <input {...form.register('gapMax')} inputMode="numeric" className="wa-clock" placeholder={fallback ? String(fallback.maxSeconds) : t('whatsapp.sendGapDefault')} data-testid="wa-gap-max" />
        </label>
      </div>
      <span className="field-hint" data-testid="wa-gap-hint">
        {t(`whatsapp.sendGapHints.${provider}`, { min: fallback?.minSeconds ?? 0, max: fallback?.maxSeconds ?? 0, minutes })} {t('whatsapp.sendGapNone')}
      </span>
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}

/**
 * Typed as 21:00 rather than a time picker: the picker follows the computer's locale and may show
 * 09:00 PM, while office staff (and the core) use the 24-hour clock.
 */
const CLOCK_INPUT = { inputMode: 'numeric', placeholder: '21:00', maxLength: 5, className: 'mono wa-clock' } as const;

/** "Off" or a start and end, read on the tenant's clock: 21:00 WIB means 21:00 in Purwokerto. */
function QuietHours({ form, zoneLabel }: { form: SettingsForm; zoneLabel: string }) {
  const { t } = useTranslation();
  const on = form.watch('quietEnabled');
  const parts = [
    ['quietStart', t('whatsapp.quietStart')],
    ['quietEnd', t('whatsapp.quietEnd')],
  ] as const;
  const error = parts.flatMap(([name, label]) => (form.errorOf(name) ? [`${label}: ${form.errorOf(name)}`] : [])).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`} role="group" aria-label={t('whatsapp.quietHours')}>
      <span className="field-label">{t('whatsapp.quietHours')}</span>
      <div className="wa-quiet">
        <label className="check">
          <input {...form.register('quietEnabled')} type="checkbox" data-testid="wa-quiet-enabled" />
          <span>{t('whatsapp.quietOn')}</span>
        </label>
        <input {...form.register('quietStart')} {...CLOCK_INPUT} disabled={!on} aria-label={t('whatsapp.quietStart')} data-testid="wa-quiet-start" />
        <span className="muted">–</span>
        <input {...form.register('quietEnd')} {...CLOCK_INPUT} disabled={!on} aria-label={t('whatsapp.quietEnd')} data-testid="wa-quiet-end" />
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
