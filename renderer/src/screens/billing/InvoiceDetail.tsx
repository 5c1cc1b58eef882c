import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail as Invoice } from '../../../../shared/domain/billing.js';
import { formatRupiah } from '../../../../shared/util/money.js';
import { call } from '../../api/client.js';
import { Fact } from '../../components/Fact.js';
import { FormError } from '../../components/FormError.js';
import { Icon } from '../../components/Icon.js';
import { dayText } from '../../components/day-text.js';
import { usePermissions } from '../../components/use-permissions.js';
import { setMethodData } from '../../query/query-client.js';
import { useMethodQuery } from '../../query/use-method-query.js';
import { payCustomer } from '../../stores/billing-filters-store.js';
import { go, paths } from '../../stores/nav-store.js';
import { toast } from '../../stores/toast-store.js';
import { useFormatTime } from '../whatsapp/use-wa-format.js';
import { InvoiceLineActions } from './InvoiceLineActions.js';
import { InvoiceStatusBadge } from './InvoiceStatusBadge.js';
import { PrintInvoice } from './PrintButtons.js';
import { ReasonDialog } from './ReasonDialog.js';
import { usePeriodLabel } from './billing-format.js';
import { formatSignedRupiah } from './billing-values.js';

const closeInvoice = () => go(paths.billingTab('invoices'));

/** PPN is kept in basis points (1100 = 11 %); shown as the office writes it, "11" or "11,5". */
function ppnRate(bps: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(bps / 100);
}

export function InvoiceDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data: invoice, error } = useMethodQuery('billing.invoices.get', { id });
  const [voiding, setVoiding] = useState(false);

  // Esc goes back to the list, unless it is closing a dialog on top of the invoice.
  useEffect(() => {
    if (voiding) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) closeInvoice();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [voiding]);

  return (
    <div className="page" data-testid="invoice-detail">
      <button type="button" className="link-button" onClick={closeInvoice} data-testid="back-to-invoices">
        <Icon name="back" size={16} />
        {t('billing.backToList')}
        <kbd>Esc</kbd>
      </button>
      <FormError error={error} />
      {invoice ? (
        <InvoiceView invoice={invoice} locale={i18n.language === 'en' ? 'en-US' : 'id-ID'} onVoid={() => setVoiding(true)} />
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
      {invoice && voiding ? (
        <ReasonDialog
          title={t('billing.voidTitle', { number: invoice.number })}
          question={t('billing.voidQuestion', { number: invoice.number, name: invoice.customerName ?? '', amount: formatRupiah(invoice.total) })}
          reasonLabel={t('billing.voidReason')}
          reasonHint={t('billing.voidReasonHint')}
          confirmLabel={t('billing.void')}
          run={(reason) => call('billing.invoices.void', { invoiceId: invoice.id, reason })}
          onDone={(voided) => {
            // The answer has no lines or payments: the detail keeps its own and takes the new state.
            setMethodData('billing.invoices.get', { id: invoice.id }, { ...invoice, ...voided });
            setVoiding(false);
            toast(t('billing.voidDone', { number: invoice.number }));
          }}
          onClose={() => setVoiding(false)}
          testId="void-dialog"
        />
      ) : null}
    </div>
  );
}

function InvoiceView({ invoice, locale, onVoid }: { invoice: Invoice; locale: string; onVoid(): void }) {
  const { t } = useTranslation();
  const { locked } = usePermissions();
  const periodLabel = usePeriodLabel();
  const formatTime = useFormatTime();
  const open = invoice.status === 'unpaid' || invoice.status === 'partial';

  return (
    <>
      <div className="page-header">
        <div>
          <h1 data-testid="invoice-number">
            <span className="mono">{invoice.number}</span> <InvoiceStatusBadge status={invoice.status} label={t(`billing.status_${invoice.status}`)} />
          </h1>
          <p className="muted">{invoice.kind === 'one_off' ? t('billing.oneOff') : periodLabel(invoice.period)}</p>
        </div>
        <div className="page-actions">
          {invoice.status !== 'void' ? <PrintInvoice invoice={invoice} /> : null}
          {open ? <InvoiceLineActions invoice={invoice} /> : null}
          {open ? (
            <button type="button" className="button primary" disabled={locked} onClick={() => payCustomer(invoice.customerId)} data-testid="invoice-pay">
              {t('billing.payThis')}
            </button>
          ) : null}
          {invoice.status !== 'void' && invoice.paid === 0 ? (
            <button type="button" className="button danger-outline" disabled={locked} onClick={onVoid} data-testid="invoice-void">
              {t('billing.void')}
            </button>
          ) : null}
        </div>
      </div>
      {invoice.status === 'void' ? (
        <p className="form-notice" data-testid="invoice-voided">
          {t('billing.voided', { when: invoice.voidedAt ? formatTime(invoice.voidedAt) : '', by: invoice.voidedBy ?? t('common.none'), reason: invoice.voidReason ?? '' })}
        </p>
      ) : null}
      <div className="detail-grid">
        <section className="card">
          <dl className="facts">
            <Fact label={t('billing.detailCustomer')}>
              <button type="button" className="link-button inline" onClick={() => go(paths.customer(invoice.customerId))} data-testid="invoice-customer">
                {invoice.customerName ?? t('common.none')}
              </button>{' '}
              <span className="muted mono">{invoice.customerCode}</span>
            </Fact>
            <Fact label={t('billing.detailPeriod')}>{periodLabel(invoice.period)}</Fact>
            <Fact label={t('billing.detailIssued')}>{dayText(invoice.issueDate)}</Fact>
            <Fact label={t('billing.detailDue')} testId="invoice-due">
              {dayText(invoice.dueDate)}
            </Fact>
            {invoice.paymentUrl ? (
              <Fact label={t('billing.detailPaymentUrl')}>
                <span className="mono">{invoice.paymentUrl}</span>
              </Fact>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>{t('billing.linesTitle')}</h2>
          <table className="table compact invoice-lines" data-testid="invoice-lines">
            <thead>
              <tr>
                <th>{t('billing.colDescription')}</th>
                <th className="num">{t('billing.colAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.id} data-testid="invoice-line">
                  <td>
                    {line.description} <span className="muted">· {t(`billing.line_${line.kind}`)}</span>
                  </td>
                  <td className="num">{formatSignedRupiah(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <Sum label={t('billing.subtotal')} amount={invoice.subtotal} />
              <Sum label={invoice.ppnBps > 0 ? t('billing.ppn', { rate: ppnRate(invoice.ppnBps, locale) }) : t('billing.noPpn')} amount={invoice.ppnAmount} testId="invoice-ppn" />
              <Sum label={t('billing.total')} amount={invoice.total} strong testId="invoice-total" />
              <Sum label={t('billing.paid')} amount={invoice.paid} />
              <Sum label={t('billing.balance')} amount={invoice.balance} strong testId="invoice-balance" />
            </tfoot>
          </table>
        </section>
      </div>
      <section className="card">
        <h2>{t('billing.paymentsTitle')}</h2>
        {invoice.allocations.length === 0 ? (
          <p className="muted">{t('billing.paymentsEmpty')}</p>
        ) : (
          <table className="table compact" data-testid="invoice-payments">
            <thead>
              <tr>
                <th>{t('billing.colDate')}</th>
                <th>{t('billing.colMethod')}</th>
                <th className="num">{t('billing.colAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {invoice.allocations.map((a) => (
                <tr key={`${a.paymentId}-${a.invoiceId}`} data-testid="invoice-payment">
                  <td>{formatTime(a.receivedAt)}</td>
                  <td>
                    {t(`billing.method_${a.method}`)}
                    {a.paymentKind === 'reversal' ? <span className="muted"> · {t('billing.reversal')}</span> : null}
                  </td>
                  <td className="num">{formatSignedRupiah(a.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function Sum({ label, amount, strong, testId }: { label: string; amount: number; strong?: boolean; testId?: string }) {
  return (
    <tr className={strong ? 'strong' : undefined}>
      <td>{label}</td>
      <td className="num" data-testid={testId}>
        {formatRupiah(amount)}
      </td>
    </tr>
  );
}
