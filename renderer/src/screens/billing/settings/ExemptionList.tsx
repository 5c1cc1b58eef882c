import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exemption } from '../../../../../shared/domain/billing-loop.js';
import { DataTable, type Column } from '../../../components/DataTable.js';
import { usePermissions } from '../../../components/use-permissions.js';
import { useMethodQuery } from '../../../query/use-method-query.js';
import { go, paths } from '../../../stores/nav-store.js';
import { useFormatTime } from '../../whatsapp/use-wa-format.js';
import { ExemptionClearDialog } from '../ExemptionClearDialog.js';

/** Every customer auto-isolir leaves alone, with who decided it, when and why. */
export function ExemptionList() {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const { manager, locked } = usePermissions();
  const { data, error, loading } = useMethodQuery('billing.exemptions.list', {});
  const [clearing, setClearing] = useState<Exemption | null>(null);

  const columns = useMemo<Column<Exemption>[]>(
    () => [
      {
        id: 'customer',
        header: t('billing.colCustomer'),
        cell: (e) => (
          <button type="button" className="link-button inline" onClick={() => go(paths.customer(e.customerId))}>
            {e.customerName ?? t('common.none')}
          </button>
        ),
      },
      { id: 'reason', header: t('billingSettings.colReason'), className: 'cell-wrap', cell: (e) => e.reason },
      { id: 'by', header: t('billingSettings.colSetBy'), className: 'cell-wrap', cell: (e) => t('billingSettings.byWhen', { by: e.setBy, when: formatTime(e.setAt) }) },
      ...(manager
        ? [
            {
              id: 'action',
              header: <span className="visually-hidden">{t('billingSettings.exemptClear')}</span>,
              className: 'col-actions',
              cell: (e: Exemption) => (
                <button type="button" className="button small danger-outline" disabled={locked} onClick={() => setClearing(e)} data-testid="exemption-clear">
                  {t('billingSettings.exemptClear')}
                </button>
              ),
            },
          ]
        : []),
    ],
    [t, formatTime, manager, locked],
  );

  return (
    <section className="card" data-testid="exemption-list">
      <h2>{t('billingSettings.exemptionsTitle')}</h2>
      <p className="muted">{t('billingSettings.exemptionsIntro')}</p>
      <DataTable
        label={t('billingSettings.exemptionsTitle')}
        columns={columns}
        rows={data ?? NONE}
        rowKey={rowKey}
        loading={loading}
        error={error}
        empty={<span>{t('billingSettings.exemptionsEmpty')}</span>}
        testId="exemption-table"
        rowTestId="exemption-row"
      />
      {clearing ? <ExemptionClearDialog exemption={clearing} onClose={() => setClearing(null)} /> : null}
    </section>
  );
}

// Stable across renders: the table re-measures its rows when these change.
const NONE: readonly Exemption[] = [];
const rowKey = (e: Exemption) => e.customerId;
