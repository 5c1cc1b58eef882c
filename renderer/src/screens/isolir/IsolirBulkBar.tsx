import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLIR_MAX_PER_REQUEST, type IsolirKind } from '../../../../shared/domain/isolir.js';
import { useNumberFormat } from '../../components/use-number-format.js';
import { IsolirRequestDialog, type IsolirTarget } from './IsolirRequestDialog.js';

interface Props {
  chosen: readonly IsolirTarget[];
  /** The actions this list offers (the customers list both, the Isolir screen's "isolated" tab reconnect). */
  kinds: readonly IsolirKind[];
  /** Also after a request went: the rows are the router's now. */
  onClear(): void;
  locked: boolean;
}

const ACTION = { isolate: 'isolir.bulkIsolate', reconnect: 'isolir.bulkReconnect' } as const satisfies Record<IsolirKind, string>;

/** What is chosen, and one request for all of it (one reason, confirmed with how many and on which routers). */
export function IsolirBulkBar({ chosen, kinds, onClear, locked }: Props) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const [asking, setAsking] = useState<IsolirKind | null>(null);
  if (chosen.length === 0) return null;
  const tooMany = chosen.length > ISOLIR_MAX_PER_REQUEST;
  return (
    <div className="bulk-bar" role="region" aria-label={t('isolir.bulkLabel')} data-testid="isolir-bulk-bar">
      <strong data-testid="selected-count">{t('isolir.selectedCount', { count: chosen.length, shown: formatNumber(chosen.length) })}</strong>
      {tooMany ? <span className="field-error">{t('isolir.tooManySelected', { max: formatNumber(ISOLIR_MAX_PER_REQUEST) })}</span> : null}
      <span className="bulk-actions">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button small ${kind === 'isolate' ? 'danger' : 'primary'}`}
            disabled={locked || tooMany}
            onClick={() => setAsking(kind)}
            data-testid={`bulk-${kind}`}
          >
            {t(ACTION[kind])}
          </button>
        ))}
        <button type="button" className="button small" onClick={onClear} data-testid="bulk-clear">
          {t('isolir.clearSelection')}
        </button>
      </span>
      {asking ? (
        <IsolirRequestDialog
          kind={asking}
          customers={chosen}
          onClose={(sent) => {
            setAsking(null);
            if (sent) onClear();
          }}
        />
      ) : null}
    </div>
  );
}
