import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Package } from '../../../../shared/domain/package.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useForm } from '../../components/use-form.js';
import { FormActions } from '../../components/FormActions.js';

interface PackageFormProps {
  pkg?: Package;
  onSaved(pkg: Package): void;
  onClose(): void;
}

export function PackageForm({ pkg, onSaved, onClose }: PackageFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    name: pkg?.name ?? '',
    price: pkg ? String(pkg.price) : '',
    rateLimit: pkg?.rateLimit ?? '',
    routerProfile: pkg?.routerProfile ?? '',
    active: pkg?.active ?? true,
  });
  const price = parseRupiah(form.values.price);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (price === null) {
      form.fail({ price: t('validation.invalid') });
      return;
    }
    const input = { name: form.values.name, price, rateLimit: form.values.rateLimit, routerProfile: form.values.routerProfile, active: form.values.active };
    const saved = await form.submit(() => (pkg ? call('packages.update', { ...input, id: pkg.id }) : call('packages.create', input)));
    if (saved) onSaved(saved);
  }

  return (
    <Modal title={pkg ? t('packages.editTitle', { name: pkg.name }) : t('packages.createTitle')} onClose={onClose} testId="package-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.error} />
        <Field name="name" label={t('packages.name')} error={form.fieldError('name')}>
          <input {...form.text('name')} data-testid="input-name" autoComplete="off" />
        </Field>
        <Field
          name="price"
          label={t('packages.price')}
          hint={price !== null && form.values.price.trim() !== '' ? `= ${formatRupiah(price)}` : t('packages.priceHint')}
          error={form.fieldError('price')}
        >
          <input {...form.text('price')} data-testid="input-price" inputMode="numeric" placeholder="150.000" />
        </Field>
        <div className="form-grid">
          <Field name="rateLimit" label={t('packages.rateLimit')} hint={t('packages.rateLimitHint')} error={form.fieldError('rateLimit')} optional>
            <input {...form.text('rateLimit')} data-testid="input-rateLimit" placeholder="10M/10M" spellCheck={false} />
          </Field>
          <Field name="routerProfile" label={t('packages.routerProfile')} error={form.fieldError('routerProfile')} optional>
            <input {...form.text('routerProfile')} data-testid="input-routerProfile" spellCheck={false} />
          </Field>
        </div>
        <label className="check">
          <input {...form.checkbox('active')} data-testid="input-active" />
          <span>{t('packages.active')}</span>
        </label>
        <FormActions busy={form.busy} onCancel={onClose} testId="package-save" />
      </form>
    </Modal>
  );
}

/** "150.000", "Rp 150.000" and "150000" all mean the same to an Indonesian; null when it is not a whole amount. */
function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?\s*/i, '').replace(/[.\s]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : null;
}
