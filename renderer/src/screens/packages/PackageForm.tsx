import { useTranslation } from 'react-i18next';
import { packageInputSchema, type Package } from '../../../../shared/domain/package.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { call } from '../../api/client.js';
import { Field } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { parseRupiah, rupiahTextSchema } from '../../components/rupiah-text.js';
import { FormError } from '../../components/FormError.js';
import { Modal } from '../../components/Modal.js';
import { useContractForm } from '../../components/use-contract-form.js';
import { useNumberFormat } from '../../components/use-number-format.js';

interface PackageFormProps {
  pkg?: Package;
  onSaved(pkg: Package): void;
  onClose(): void;
}

const contract = packageInputSchema.shape;

/** The package form as typed on its way to the contract's schema: only the price needs reading. */
const packageFormSchema = packageInputSchema.extend({
  price: rupiahTextSchema,
  routerProfile: contract.routerProfile.unwrap(),
  rateLimit: contract.rateLimit.unwrap(),
  active: contract.active.unwrap(),
});

export function PackageForm({ pkg, onSaved, onClose }: PackageFormProps) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const form = useContractForm(packageFormSchema, {
    name: pkg?.name ?? '',
    price: pkg ? String(pkg.price) : '',
    rateLimit: pkg?.rateLimit ?? '',
    routerProfile: pkg?.routerProfile ?? '',
    active: pkg?.active ?? true,
  });
  const typedPrice = form.watch('price');
  const price = parseRupiah(typedPrice);
  // Every customer on the package pays the new price from their next bill: say how many before saving.
  const priceChange =
    pkg && price !== null && price !== pkg.price && pkg.customerCount !== null
      ? t('packages.priceChangeAffects', { count: pkg.customerCount, customers: formatNumber(pkg.customerCount), from: formatRupiah(pkg.price), to: formatRupiah(price) })
      : undefined;
  const onSubmit = form.onSubmit((input) => (pkg ? call('packages.update', { ...input, id: pkg.id }) : call('packages.create', input)), onSaved);

  return (
    <Modal title={pkg ? t('packages.editTitle', { name: pkg.name }) : t('packages.createTitle')} onClose={onClose} testId="package-form">
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormError error={form.formError} />
        <Field name="name" label={t('packages.name')} error={form.errorOf('name')}>
          <input {...form.register('name')} data-testid="input-name" autoComplete="off" />
        </Field>
        <Field
          name="price"
          label={t('packages.price')}
          hint={price !== null && typedPrice.trim() !== '' ? `= ${formatRupiah(price)}` : t('packages.priceHint')}
          warning={priceChange}
          error={form.errorOf('price')}
        >
          <input {...form.register('price')} data-testid="input-price" inputMode="numeric" placeholder="150.000" />
        </Field>
        <div className="form-grid">
          <Field name="rateLimit" label={t('packages.rateLimit')} hint={t('packages.rateLimitHint')} error={form.errorOf('rateLimit')} optional>
            <input {...form.register('rateLimit')} data-testid="input-rateLimit" placeholder="10M/10M" spellCheck={false} />
          </Field>
          <Field name="routerProfile" label={t('packages.routerProfile')} error={form.errorOf('routerProfile')} optional>
            <input {...form.register('routerProfile')} data-testid="input-routerProfile" spellCheck={false} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" {...form.register('active')} data-testid="input-active" />
          <span>{t('packages.active')}</span>
        </label>
        <FormActions busy={form.busy} onCancel={onClose} testId="package-save" />
      </form>
    </Modal>
  );
}
