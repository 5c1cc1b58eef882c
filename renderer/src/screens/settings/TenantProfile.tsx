import { useTranslation } from 'react-i18next';
import { LIMIT_KEYS } from '../../../../shared/domain/plans.js';
import { tenantUpdateSchema, type Tenant } from '../../../../shared/domain/tenant.js';
import { TIME_ZONES } from '../../../../shared/util/time.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { useTenant } from '../../stores/tenant-store.js';
import { toast } from '../../stores/toast-store.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { FormActions } from '../../components/FormActions.js';
import { PrintProfile } from './PrintProfile.js';

export function TenantProfile() {
  const tenant = useTenant((s) => s.tenant);
  const { office } = usePermissions();
  if (!tenant) return null;
  return (
    <div className="settings-grid">
      <ProfileForm tenant={tenant} />
      <Subscription tenant={tenant} />
      {office ? <PrintProfile /> : null}
    </div>
  );
}

const contract = tenantUpdateSchema.shape;

/** The form always sends both: the update's optional fields are required here. */
const profileFormSchema = tenantUpdateSchema.extend({ name: contract.name.unwrap(), timezone: contract.timezone.unwrap() });

function ProfileForm({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  const { owner, locked } = usePermissions();
  const form = useContractForm(profileFormSchema, { name: tenant.name, timezone: tenant.timezone });
  const readOnly = !owner || locked;

  const onSubmit = form.onSubmit(
    (input) => call('tenant.update', input),
    (saved) => {
      useTenant.setState({ tenant: saved });
      toast(t('common.saved'));
    },
  );

  return (
    <section className="card">
      <h2>{t('settings.profileTitle')}</h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="tenant-form">
        {!owner ? <div className="form-notice">{t('settings.ownerOnly')}</div> : null}
        <FormError error={form.formError} />
        <Field name="name" label={t('settings.tenantName')} error={form.errorOf('name')}>
          <input {...form.register('name')} data-testid="input-tenant-name" disabled={readOnly} />
        </Field>
        <Field name="timezone" label={t('settings.timezone')} error={form.errorOf('timezone')}>
          <select {...form.register('timezone')} data-testid="input-tenant-timezone" disabled={readOnly}>
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {t(`zones.${zone}`)}
              </option>
            ))}
          </select>
        </Field>
        {owner ? (
          <FormActions busy={form.busy} disabled={readOnly} testId="tenant-save" />
        ) : null}
      </form>
    </section>
  );
}

/** Plan, add-ons and limits come from RRNet (the cloud); here they are only shown. */
function Subscription({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  return (
    <section className="card" data-testid="subscription">
      <h2>{t('settings.subscription')}</h2>
      <dl className="facts">
        <dt>{t('settings.plan')}</dt>
        <dd>
          <strong>{t(`settings.plans.${tenant.plan}`)}</strong>
        </dd>
        <dt>{t('settings.status')}</dt>
        <dd>
          <span className={`badge ${tenant.status === 'active' ? 'badge-active' : 'badge-isolated'}`}>{t(`settings.tenantStatus.${tenant.status}`)}</span>
        </dd>
        <dt>{t('settings.addons')}</dt>
        <dd>
          {tenant.addons.length === 0
            ? t('settings.noAddons')
            : tenant.addons.map((a) => t('settings.addonUnits', { code: a.code, units: a.units })).join(', ')}
        </dd>
        <dt>{t('settings.features')}</dt>
        <dd className="chips">
          {tenant.features.map((f) => (
            <span key={f} className="chip">
              {t(`settings.featureNames.${f}`)}
            </span>
          ))}
        </dd>
      </dl>
      <h3>{t('settings.limits')}</h3>
      <table className="table compact">
        <tbody>
          {LIMIT_KEYS.map((key) => {
            const used = tenant.usage[key] ?? 0;
            const limit = tenant.limits[key] ?? 0;
            const ratio = limit > 0 ? Math.min(1, used / limit) : 1;
            return (
              <tr key={key} data-testid={`limit-${key}`}>
                <td>{t(`settings.limitNames.${key}`)}</td>
                <td className="num">{t('settings.usageOf', { used: formatNumber(used), limit: formatNumber(limit) })}</td>
                <td className="usage-cell">
                  <span className={`usage${ratio >= 0.9 ? ' usage-high' : ''}`}>
                    <span style={{ width: `${Math.round(ratio * 100)}%` }} />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
