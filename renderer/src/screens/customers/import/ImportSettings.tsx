import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField, type ImportOptions, type ImportPreview, type PackageDecision } from '../../../../../shared/domain/customer-import.js';
import { SERVICE_TYPES } from '../../../../../shared/domain/customer.js';
import type { Package } from '../../../../../shared/domain/package.js';

/** What the operator may change before applying: sheet, column mapping, packages for rows without or with an unknown one, the service. */
export type ImportChoices = Omit<ImportOptions, 'uploadId'>;

interface Props {
  preview: ImportPreview;
  choices: ImportChoices;
  /** Package names the file has and the console had not, as first shown (they stay listed once decided). */
  unknownPackages: readonly { name: string; rows: number }[];
  packages: readonly Package[];
  onChange(next: ImportChoices): void;
}

export function ImportSettings({ preview, choices, unknownPackages, packages, onChange }: Props) {
  const { t } = useTranslation();
  const mapping = choices.mapping ?? preview.mapping;
  const setColumn = (field: ImportField, column: string) => {
    const next = { ...mapping };
    if (column === '') delete next[field];
    else next[field] = Number(column);
    onChange({ ...choices, mapping: next });
  };
  const setDecision = (name: string, decision: PackageDecision | null) => {
    const next = { ...choices.packages };
    if (decision === null) delete next[name.toLowerCase()];
    else next[name.toLowerCase()] = decision;
    onChange({ ...choices, packages: next });
  };
  const active = packages.filter((p) => p.active);

  return (
    <div className="import-settings">
      <p className="muted" data-testid="import-source">
        {t(`customerImport.source_${preview.source}`)}
      </p>
      <details className="import-mapping" data-testid="import-mapping">
        <summary>
          {t('customerImport.mapping')} · <span className="muted">{t('customerImport.mappingHint')}</span>
        </summary>
        <div className="form-grid form-grid-3">
          {IMPORT_FIELDS.map((field) => (
            <label className="field" key={field}>
              <span className="field-label">{t(`importFields.${field}`)}</span>
              <select value={mapping[field] ?? ''} onChange={(e) => setColumn(field, e.target.value)} data-testid={`import-map-${field}`}>
                <option value="">{t('customerImport.notImported')}</option>
                {preview.headers.map((h, i) => (
                  <option key={i} value={i}>
                    {h === '' ? `#${i + 1}` : h}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </details>
      <div className="form-grid form-grid-3">
        {preview.sheets.length > 1 ? (
          <label className="field">
            <span className="field-label">{t('customerImport.sheet')}</span>
            <select value={preview.sheet ?? ''} onChange={(e) => onChange({ ...choices, sheet: e.target.value, mapping: null })} data-testid="import-sheet">
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span className="field-label">{t('customerImport.defaultPackage')}</span>
          <select value={choices.defaultPackageId ?? ''} onChange={(e) => onChange({ ...choices, defaultPackageId: e.target.value || null })} data-testid="import-default-package">
            <option value="">{t('customerImport.noDefaultPackage')}</option>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('customerImport.serviceType')}</span>
          <select
            value={choices.defaultServiceType ?? preview.serviceType}
            onChange={(e) => onChange({ ...choices, defaultServiceType: e.target.value === 'hotspot' ? 'hotspot' : 'pppoe' })}
            data-testid="import-service-type"
          >
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {s === 'pppoe' ? 'PPPoE' : 'Hotspot'}
              </option>
            ))}
          </select>
        </label>
      </div>
      {unknownPackages.length > 0 ? (
        <section className="form-section" data-testid="import-packages">
          <h3>{t('customerImport.packagesTitle')}</h3>
          <p className="muted">{t('customerImport.packagesHint')}</p>
          {unknownPackages.map(({ name, rows }) => {
            const decision = choices.packages[name.toLowerCase()];
            const value = decision === undefined ? '' : decision.action === 'create' ? 'create' : decision.packageId;
            return (
              <div className="form-grid form-grid-3" key={name}>
                <label className="field">
                  <span className="field-label">
                    {name} · {t('customerImport.packageRows', { count: rows })}
                  </span>
                  <select
                    value={value}
                    onChange={(e) => {
                      const v = e.target.value;
                      setDecision(name, v === '' ? null : v === 'create' ? { action: 'create', price: 0 } : { action: 'map', packageId: v });
                    }}
                    data-testid="import-package-decision"
                    data-package={name}
                  >
                    <option value="">{t('customerImport.packageChoose')}</option>
                    <option value="create">{t('customerImport.packageCreate')}</option>
                    {active.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </label>
                {decision?.action === 'create' ? (
                  <label className="field">
                    <span className="field-label">{t('customerImport.packagePrice', { name })}</span>
                    <input
                      type="number"
                      min={0}
                      step={1000}
                      value={decision.price}
                      onChange={(e) => setDecision(name, { action: 'create', price: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
                      data-testid="import-package-price"
                    />
                  </label>
                ) : null}
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
