import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError.js';
import { useWaSettings } from '../../stores/wa-stores.js';
import { OptOutPanel } from './OptOutPanel.js';
import { WaPairing } from './WaPairing.js';
import { WaSettingsForm } from './WaSettingsForm.js';
import { WaTestSend } from './WaTestSend.js';

export function WaSettingsPanel() {
  const { t } = useTranslation();
  const { data: settings, error } = useWaSettings();


  if (!settings) return error ? <FormError error={error} /> : <p className="muted">{t('common.loading')}</p>;
  // Pairing is shown for the saved settings: a session starts with what the core has, not the draft.
  const wwebjs = settings.provider === 'wwebjs' || settings.fallbackProvider === 'wwebjs';
  return (
    <div className="settings-grid wa-settings-grid">
      <WaSettingsForm settings={settings} />
      <div className="wa-side">
        {wwebjs ? <WaPairing /> : null}
        <WaTestSend />
        <OptOutPanel />
      </div>
    </div>
  );
}
