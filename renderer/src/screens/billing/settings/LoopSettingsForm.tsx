import { useTranslation } from 'react-i18next';
import type { LoopSettings } from '../../../../../shared/domain/billing-loop.js';
import { call } from '../../../api/client.js';
import { Field } from '../../../components/Field.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormError } from '../../../components/FormError.js';
import { useContractForm } from '../../../components/use-contract-form.js';
import { usePermissions } from '../../../components/use-permissions.js';
import { setMethodData } from '../../../query/query-client.js';
import { useMethodQuery } from '../../../query/use-method-query.js';
import { toast } from '../../../stores/toast-store.js';
import { loopSettingsDefaults, loopSettingsFormSchema, parseReminderDays } from './billing-settings-values.js';

/** The reminder schedule and the limits on promises to pay. */
export function LoopSettingsCard() {
  const { t } = useTranslation();
  const { data, error } = useMethodQuery('billing.loopSettings.get', {});
  return (
    <section className="card" data-testid="loop-settings">
      <h2>{t('billingSettings.loopTitle')}</h2>
      <FormError error={error} />
      {data ? <LoopSettingsForm key={JSON.stringify(data)} settings={data} /> : null}
    </section>
  );
}

/** "-3, 0, 2" read back in words, so the office sees what the numbers mean before saving. */
function useReminderWords(): (days: readonly number[]) => string {
  const { t } = useTranslation();
  return (days) => {
    if (days.length === 0) return t('billingSettings.remindNone');
    const words = [...new Set(days)]
      .sort((a, b) => a - b)
      .map((d) => (d < 0 ? t('billingSettings.remindBefore', { count: -d }) : d === 0 ? t('billingSettings.remindOnDay') : t('billingSettings.remindAfter', { count: d })));
    return t('billingSettings.remindWords', { days: words.join(', ') });
  };
}

function LoopSettingsForm({ settings }: { settings: LoopSettings }) {
  const { t } = useTranslation();
  const { manager, locked } = usePermissions();
  const readOnly = !manager || locked;
  const form = useContractForm(loopSettingsFormSchema, loopSettingsDefaults(settings));
  const reminderWords = useReminderWords();
  const typedDays = parseReminderDays(form.watch('reminderDays'));

  const onSubmit = form.onSubmit(
    (input) => call('billing.loopSettings.update', input),
    (saved) => {
      setMethodData('billing.loopSettings.get', {}, saved);
      toast(t('common.saved'));
    },
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="loop-settings-form">
      {!manager ? <div className="form-notice">{t('billingSettings.managersOnly')}</div> : null}
      <FormError error={form.formError} />
      <Field
        name="reminderDays"
        label={t('billingSettings.reminderDays')}
        hint={typedDays ? reminderWords(typedDays) : t('billingSettings.reminderDaysHint')}
        error={form.errorOf('reminderDays')}
      >
        <input {...form.register('reminderDays')} autoComplete="off" spellCheck={false} disabled={readOnly} data-testid="input-reminderDays" />
      </Field>
      <p className="field-hint">{t('billingSettings.overdueNotice')}</p>
      <fieldset className="check-list">
        <legend className="field-label">{t('billingSettings.promiseLimits')}</legend>
        <div className="form-grid form-grid-3">
          <Field name="promiseMaxDays" label={t('billingSettings.promiseMaxDays')} hint={t('billingSettings.promiseMaxDaysHint')} error={form.errorOf('promiseMaxDays')}>
            <input {...form.register('promiseMaxDays')} inputMode="numeric" autoComplete="off" disabled={readOnly} data-testid="input-promiseMaxDays" />
          </Field>
          <Field name="promiseMaxPerWindow" label={t('billingSettings.promiseMaxPerWindow')} hint={t('billingSettings.promiseMaxPerWindowHint')} error={form.errorOf('promiseMaxPerWindow')}>
            <input {...form.register('promiseMaxPerWindow')} inputMode="numeric" autoComplete="off" disabled={readOnly} data-testid="input-promiseMaxPerWindow" />
          </Field>
          <Field name="promiseWindowDays" label={t('billingSettings.promiseWindowDays')} hint={t('billingSettings.promiseWindowDaysHint')} error={form.errorOf('promiseWindowDays')}>
            <input {...form.register('promiseWindowDays')} inputMode="numeric" autoComplete="off" disabled={readOnly} data-testid="input-promiseWindowDays" />
          </Field>
        </div>
      </fieldset>
      {manager ? <FormActions busy={form.busy} disabled={readOnly} testId="loop-settings-save" /> : null}
    </form>
  );
}
