import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.js';
import { BANK_ACCOUNTS_MAX, logoUploadSchema, type Logo, type TenantProfile } from '../../../../shared/domain/tenant-profile.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { FormError } from '../../components/FormError.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { usePermissions } from '../../components/use-permissions.js';
import { i18next } from '../../i18n/index.js';
import { toast } from '../../stores/toast-store.js';
import { SamplePrint } from './SamplePrint.js';
import { fileBase64, printProfileDefaults, printProfileFormSchema } from './print-profile-values.js';

/** The logo as the form holds it: unchanged (undefined), a new one, or removed (null). */
type LogoChoice = Logo | null | undefined;

function LogoPicker({ saved, choice, onChoose, readOnly }: { saved: Logo | null; choice: LogoChoice; onChoose(choice: LogoChoice): void; readOnly: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const shown = choice === undefined ? saved : choice;

  async function pick(file: File | undefined) {
    if (!file) return;
    // Checked here with the contract's own rule (type by its bytes, 512 kB), so a wrong file is told at once.
    const parsed = logoUploadSchema.safeParse(await fileBase64(file));
    if (parsed.success) {
      setError(null);
      onChoose(parsed.data);
    } else {
      setError(i18next.t((parsed.error.issues[0]?.message ?? 'validation.logoType') as 'validation.logoType'));
    }
  }

  return (
    <div className="logo-picker" data-testid="logo-picker">
      <span className="field-label">{t('printProfile.logo')}</span>
      <div className="logo-preview">
        {shown ? <img src={`data:${shown.type};base64,${shown.base64}`} alt={t('printProfile.logo')} data-testid="logo-preview" /> : <span className="muted">{t('printProfile.noLogo')}</span>}
      </div>
      {readOnly ? null : (
        <div className="print-actions">
          {/* A real button opens the hidden file input: a label around it cannot be reached with the keyboard. */}
          <button type="button" className="button" onClick={() => fileInput.current?.click()} data-testid="logo-choose">
            {t('printProfile.chooseLogo')}
          </button>
          <input ref={fileInput} type="file" accept="image/png,image/jpeg" hidden data-testid="input-logo" onChange={(e) => void pick(e.target.files?.[0])} />
          {shown ? (
            <button type="button" className="button" onClick={() => onChoose(null)} data-testid="logo-remove">
              {t('printProfile.removeLogo')}
            </button>
          ) : null}
        </div>
      )}
      {error ? (
        <span className="field-error" data-testid="error-logo">
          {error}
        </span>
      ) : (
        <span className="field-hint">{t('printProfile.logoHint')}</span>
      )}
    </div>
  );
}

function PrintProfileForm({ profile, onSaved }: { profile: TenantProfile; onSaved(profile: TenantProfile): void }) {
  const { t } = useTranslation();
  const { manager, locked } = usePermissions();
  const readOnly = !manager || locked;
  const form = useContractForm(printProfileFormSchema, printProfileDefaults(profile));
  const accounts = useFieldArray({ control: form.control, name: 'bankAccounts' });
  const [logo, setLogo] = useState<LogoChoice>(undefined);

  const onSubmit = form.onSubmit(
    (input) => call('tenant.profile.update', { ...input, ...(logo === undefined ? {} : { logo: logo?.base64 ?? null }) }),
    (saved) => {
      onSaved(saved);
      toast(t('common.saved'));
    },
  );

  /** A bank account's field message: nested, so not one of errorOf's top-level names. */
  const accountError = (index: number, field: 'bank' | 'number' | 'holder') => {
    const message = form.formState.errors.bankAccounts?.[index]?.[field]?.message;
    return message ? i18next.t(message as 'validation.required') : undefined;
  };

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="print-profile-form">
      {!manager ? <div className="form-notice">{t('printProfile.managersOnly')}</div> : null}
      <FormError error={form.formError} />
      <LogoPicker saved={profile.logo} choice={logo} onChoose={setLogo} readOnly={readOnly} />
      <Field name="address" label={t('printProfile.address')} error={form.errorOf('address')} optional>
        <textarea {...form.register('address')} rows={2} data-testid="input-address" disabled={readOnly} />
      </Field>
      <div className="form-grid">
        <Field name="phone" label={t('printProfile.phone')} error={form.errorOf('phone')} optional>
          <input {...form.register('phone')} inputMode="tel" data-testid="input-phone" disabled={readOnly} />
        </Field>
        <Field name="email" label={t('printProfile.email')} error={form.errorOf('email')} optional>
          <input {...form.register('email')} type="email" data-testid="input-email" disabled={readOnly} />
        </Field>
      </div>
      <fieldset className="bank-accounts" data-testid="bank-accounts">
        <legend>{t('printProfile.bankAccounts')}</legend>
        <p className="field-hint">{t('printProfile.bankAccountsHint', { max: BANK_ACCOUNTS_MAX })}</p>
        {accounts.fields.map((account, index) => (
          <div className="bank-account" key={account.id} data-testid={`bank-account-${index}`}>
            <Field name={`bankAccounts.${index}.bank`} label={t('printProfile.bank')} error={accountError(index, 'bank')}>
              <input {...form.register(`bankAccounts.${index}.bank`)} placeholder="BCA / DANA" data-testid={`input-bank-${index}`} disabled={readOnly} />
            </Field>
            <Field name={`bankAccounts.${index}.number`} label={t('printProfile.accountNumber')} error={accountError(index, 'number')}>
              <input {...form.register(`bankAccounts.${index}.number`)} data-testid={`input-number-${index}`} disabled={readOnly} />
            </Field>
            <Field name={`bankAccounts.${index}.holder`} label={t('printProfile.holder')} error={accountError(index, 'holder')}>
              <input {...form.register(`bankAccounts.${index}.holder`)} data-testid={`input-holder-${index}`} disabled={readOnly} />
            </Field>
            {readOnly ? null : (
              <button type="button" className="button ghost" onClick={() => accounts.remove(index)} data-testid={`bank-remove-${index}`}>
                {t('printProfile.removeAccount')}
              </button>
            )}
          </div>
        ))}
        {readOnly || accounts.fields.length >= BANK_ACCOUNTS_MAX ? null : (
          <button type="button" className="button" onClick={() => accounts.append({ bank: '', number: '', holder: '' })} data-testid="bank-add">
            {t('printProfile.addAccount')}
          </button>
        )}
      </fieldset>
      <Field name="footer" label={t('printProfile.footer')} hint={t('printProfile.footerHint')} error={form.errorOf('footer')} optional>
        <textarea {...form.register('footer')} rows={2} data-testid="input-footer" disabled={readOnly} />
      </Field>
      {manager ? <FormActions busy={form.busy} disabled={readOnly} testId="print-profile-save" /> : null}
    </form>
  );
}

/**
 * What invoices and receipts print about the ISP: logo, address, contacts, bank accounts and a
 * footer; and a sample print on each paper to check them before the first real invoice.
 */
export function PrintProfile() {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<TenantProfile | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void call('tenant.profile.get', {}).then((answer) => {
      if (!current) return;
      if (answer.ok) setProfile(answer.data);
      else setError(answer.error);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="card" data-testid="print-profile">
      <h2>{t('printProfile.title')}</h2>
      <p className="muted">{t('printProfile.intro')}</p>
      <FormError error={error} />
      {/* Keyed by what was saved, so the form starts again from it. */}
      {profile ? <PrintProfileForm key={JSON.stringify(profile)} profile={profile} onSaved={setProfile} /> : null}
      {profile ? <SamplePrint /> : null}
    </section>
  );
}
