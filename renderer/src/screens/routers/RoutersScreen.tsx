import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Router } from '../../../../shared/domain/router.js';
import { call } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Icon } from '../../components/Icon.js';
import { usePermissions } from '../../components/use-permissions.js';
import { invalidateMethod } from '../../query/query-client.js';
import { toast } from '../../stores/toast-store.js';
import { RouterForm } from './RouterForm.js';
import { RouterHealthPanel } from './RouterHealthPanel.js';
import { RouterList } from './RouterList.js';

type Dialog = { kind: 'add' } | { kind: 'edit'; router: Router } | { kind: 'remove'; router: Router } | null;

/** The MikroTiks the ISP runs: technicians and admins add, test and change them; others see them. */
export function RoutersScreen() {
  const { t } = useTranslation();
  const { networkStaff, locked } = usePermissions();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [checking, setChecking] = useState<Router | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const onCheck = useCallback((router: Router) => setChecking(router), []);
  const onEdit = useCallback((router: Router) => setDialog({ kind: 'edit', router }), []);
  const onRemove = useCallback((router: Router) => setDialog({ kind: 'remove', router }), []);

  function saved(router: Router, message: string) {
    setDialog(null);
    // The event will also arrive; refreshing now keeps the list right if the event socket is down.
    invalidateMethod('routers.list');
    if (checking?.id === router.id) setChecking(router);
    toast(message);
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('routers.title')}</h1>
        {networkStaff ? (
          <button type="button" className="button primary" disabled={locked} onClick={() => setDialog({ kind: 'add' })} data-testid="router-add">
            <Icon name="plus" size={16} />
            {t('routers.add')}
          </button>
        ) : null}
      </div>
      {networkStaff ? null : <p className="muted" data-testid="routers-read-only">{t('routers.readOnly')}</p>}
      <RouterList onCheck={onCheck} onEdit={onEdit} onRemove={onRemove} />
      {checking ? <RouterHealthPanel key={checking.id} router={checking} onClose={() => setChecking(null)} /> : null}
      {dialog?.kind === 'add' ? <RouterForm onClose={close} onSaved={(r) => saved(r, t('routers.created', { name: r.name }))} /> : null}
      {dialog?.kind === 'edit' ? <RouterForm router={dialog.router} onClose={close} onSaved={(r) => saved(r, t('common.saved'))} /> : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('routers.removeTitle', { name: dialog.router.name })}
          message={t('routers.removeMessage')}
          confirmLabel={t('routers.removeConfirm')}
          dismissLabel={t('routers.keep')}
          danger
          run={() => call('routers.remove', { id: dialog.router.id })}
          onDone={() => {
            const { router } = dialog;
            setDialog(null);
            if (checking?.id === router.id) setChecking(null);
            invalidateMethod('routers.list');
            toast(t('routers.removed', { name: router.name }));
          }}
          onClose={close}
        />
      ) : null}
    </div>
  );
}
