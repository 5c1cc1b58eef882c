import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AppError } from '../../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { BROADCAST_FILTERS } from '../../../../shared/domain/wa.js';
import { ZONE_LABELS } from '../../../../shared/util/time.js';
import { call } from '../../api/client.js';
import { DateTimeInput } from '../../components/DateTimeInput.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useOdps, usePackages } from '../../stores/data-stores.js';
import { toast } from '../../stores/toast-store.js';
import { useWaSettings, useWaTemplates } from '../../stores/wa-stores.js';
import { blankBroadcast, broadcastFieldErrors, broadcastFormSchema } from './broadcast-values.js';
import { useAudienceLabel } from './use-audience-label.js';
import { useClockNow, useFormatTime, useTenantZone } from './use-wa-format.js';
import { WaBubble } from './WaBubble.js';
import { invalidateMethod } from '../../query/query-client.js';

/** What the operator is asked to confirm: the form's input and the core's count and sample for it. */
interface Confirming<I> {
  input: I;
  preview: MethodOutput<'wa.broadcast.preview'>;
}

/** The core's refusal with its field paths (filter.packageId) as the form's own field names. */
function refusal(error: AppError) {
  return { ok: false as const, error: error.fields ? { ...error, fields: broadcastFieldErrors(error.fields) ?? {} } : error };
}

export function BroadcastForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const zone = useTenantZone();
  const formatTime = useFormatTime();
  const formatNumber = useNumberFormat();
  const now = useClockNow();
  const audience = useAudienceLabel();
  const schema = useMemo(() => broadcastFormSchema(zone), [zone]);
  const form = useContractForm(schema, blankBroadcast);
  const packages = usePackages().data;
  const odps = useOdps().data;
  const templates = useWaTemplates().data;
  const quiet = useWaSettings().data?.quietHours ?? null;
  const [confirming, setConfirming] = useState<Confirming<z.output<typeof schema>> | null>(null);
  // One key for everything this form sends: a second press or a retried request makes no second broadcast.
  const [requestKey] = useState(() => crypto.randomUUID());
  const [kind, templateKey, scheduledAt] = form.watch(['kind', 'templateKey', 'scheduledAt']);

  /**
   * Asked first, with the number of customers and the text the first of them gets: a broadcast
   * cannot be taken back once sent. The core's refusals (nobody to send to, a variable it cannot
   * fill) land on the form before anyone is asked to confirm.
   */
  const review = form.onSubmit(
    async (input) => {
      const result = await call('wa.broadcast.preview', { filter: input.filter, templateKey: input.templateKey, message: input.message });
      return result.ok ? { ok: true as const, data: { input, preview: result.data } } : refusal(result.error);
    },
    setConfirming,
  );

  const send = form.onSubmit(
    async (input) => {
      setConfirming(null);
      const result = await call('wa.broadcast.create', { ...input, requestKey });
      return result.ok ? result : refusal(result.error);
    },
    (created) => {
      toast(t('whatsapp.broadcastCreated', { count: created.total }));
      invalidateMethod('wa.broadcast.list');
      onClose();
    },
  );

  return (
    <Modal title={t('whatsapp.broadcastNew')} onClose={onClose} wide testId="wa-broadcast-dialog">
      <form className="form" onSubmit={(e) => void review(e)} noValidate data-testid="wa-broadcast-form">
        <FormError error={form.formError} />
        <div className="form-grid">
          <Field name="kind" label={t('whatsapp.audience')} error={form.errorOf('kind')}>
            <select {...form.register('kind')} data-testid="wa-broadcast-kind">
              {BROADCAST_FILTERS.map((key) => (
                <option key={key} value={key}>
                  {t(`whatsapp.audiences.${key}`)}
                </option>
              ))}
            </select>
          </Field>
          {kind === 'package' ? (
            <Field name="packageId" label={t('customers.package')} error={form.errorOf('packageId')}>
              <select {...form.register('packageId')} data-testid="wa-broadcast-package">
                <option value="">{t('customers.choosePackage')}</option>
                {(packages ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {kind === 'odp' ? (
            <Field name="odpId" label={t('whatsapp.odpId')} error={form.errorOf('odpId')} hint={t('whatsapp.odpIdHint')}>
              <select {...form.register('odpId')} data-testid="wa-broadcast-odp">
                <option value="">{t('whatsapp.chooseOdp')}</option>
                {(odps ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {t('whatsapp.odpOption', { name: o.name, odc: o.odcName, count: o.customers })}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field name="templateKey" label={t('whatsapp.template')} error={form.errorOf('templateKey')} className={kind === 'all_active' || kind === 'isolated' || kind === 'overdue' ? '' : 'span-2'}>
            <select {...form.register('templateKey')} data-testid="wa-broadcast-template">
              {(templates?.filter((x) => x.broadcastable).map((x) => x.key) ?? ['manual_broadcast' as const])
                .map((key) => (
                  <option key={key} value={key}>
                    {t(`whatsapp.events.${key}`)}
                  </option>
                ))}
            </select>
          </Field>
          {templateKey === 'manual_broadcast' ? (
            <Field name="message" label={t('whatsapp.message')} error={form.errorOf('message')} hint={t('whatsapp.messageHint')} className="span-2">
              <textarea {...form.register('message')} rows={5} maxLength={2000} data-testid="wa-broadcast-message" />
            </Field>
          ) : null}
          <Field name="scheduledAt" label={t('whatsapp.schedule')} error={form.errorOf('scheduledAt')} hint={t('whatsapp.scheduleHint', { zone: ZONE_LABELS[zone] })} optional>
            <span className="input-with-action">
              <DateTimeInput
                value={scheduledAt}
                onChange={(next) => form.setValue('scheduledAt', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
                label={t('whatsapp.schedule')}
                testId="wa-broadcast-schedule"
              />
              <span className="chip">{ZONE_LABELS[zone]}</span>
            </span>
          </Field>
          {quiet ? (
            <div className="field span-2">
              <label className="check">
                <input type="checkbox" {...form.register('respectQuietHours')} data-testid="wa-broadcast-quiet" />
                <span>{t('whatsapp.respectQuietHours')}</span>
              </label>
              <span className="field-hint">{t('whatsapp.respectQuietHoursHint', { start: quiet.start, end: quiet.end, zone: ZONE_LABELS[zone] })}</span>
            </div>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={locked || form.busy} data-testid="wa-broadcast-submit">
            {scheduledAt ? t('whatsapp.broadcastSchedule') : t('whatsapp.broadcastSend')}
          </button>
        </div>
      </form>
      {confirming ? (
        <Modal title={t('whatsapp.broadcastConfirmTitle')} onClose={() => setConfirming(null)} testId="wa-broadcast-confirm">
          <p data-testid="wa-broadcast-count">
            {confirming.input.scheduledAt
              ? t('whatsapp.broadcastConfirmLater', {
                  count: confirming.preview.recipients,
                  total: formatNumber(confirming.preview.recipients),
                  audience: audience(confirming.input.filter),
                  at: formatTime(confirming.input.scheduledAt),
                })
              : t('whatsapp.broadcastConfirmNow', {
                  count: confirming.preview.recipients,
                  total: formatNumber(confirming.preview.recipients),
                  audience: audience(confirming.input.filter),
                })}
          </p>
          {confirming.preview.sample ? (
            <div className="wa-broadcast-sample">
              <span className="field-label">{t('whatsapp.broadcastSampleFor', { name: confirming.preview.sample.name })}</span>
              <WaBubble text={confirming.preview.sample.text} time={now} testId="wa-broadcast-sample" />
            </div>
          ) : null}
          <div className="form-actions">
            {/* Going back holds the focus: Enter must not send to hundreds of customers by accident. */}
            <button type="button" className="button" onClick={() => setConfirming(null)} data-testid="wa-broadcast-confirm-back" data-autofocus>
              {t('whatsapp.broadcastEditAgain')}
            </button>
            <button type="button" className="button primary" disabled={form.busy} onClick={() => void send()} data-testid="wa-broadcast-confirm-ok">
              {confirming.input.scheduledAt
                ? t('whatsapp.broadcastScheduleFor', { count: confirming.preview.recipients, total: formatNumber(confirming.preview.recipients) })
                : t('whatsapp.broadcastSendTo', { count: confirming.preview.recipients, total: formatNumber(confirming.preview.recipients) })}
            </button>
          </div>
        </Modal>
      ) : null}
    </Modal>
  );
}
