import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client.js';
import { useRouters } from '../../../stores/data-stores.js';

/**
 * "Dari router": the router's PPP secrets and hotspot users are read into an upload, which the
 * preview then takes like a file. What stands in the way (router unreachable, wrong password) is
 * said under the choice, in the words "Tes koneksi" uses.
 */
export function RouterImportSource({ busy, onRead }: { busy: boolean; onRead(uploadId: string): Promise<void> }) {
  const { t } = useTranslation();
  const routers = useRouters().data ?? [];
  const [routerId, setRouterId] = useState('');
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = routerId || routers[0]?.id || '';

  async function read() {
    setReading(true);
    setProblem(null);
    const result = await call('customers.import.readRouter', { routerId: chosen });
    setReading(false);
    if (!result.ok) return setProblem(result.error.fields?.routerId ?? result.error.message);
    await onRead(result.data.uploadId);
  }

  if (routers.length === 0) return <p className="muted">{t('customerImport.routerNone')}</p>;
  return (
    <div className="form-grid form-grid-3" data-testid="import-router-source">
      <label className="field">
        <span className="field-label">{t('customerImport.routerChoose')}</span>
        <select value={chosen} onChange={(e) => setRouterId(e.target.value)} disabled={busy || reading} data-testid="import-router">
          {routers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <span className="field-hint">{reading ? t('customerImport.routerReading') : t('customerImport.routerHint')}</span>
        {problem ? (
          <span className="field-error" role="alert" data-testid="import-router-problem">
            {problem}
          </span>
        ) : null}
      </label>
      <div className="field">
        <span className="field-label">&nbsp;</span>
        <button type="button" className="button" disabled={busy || reading || chosen === ''} onClick={() => void read()} data-testid="import-router-read">
          {t('customerImport.routerRead')}
        </button>
      </div>
    </div>
  );
}
