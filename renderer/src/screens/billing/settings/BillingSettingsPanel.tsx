import { ActivePromiseList } from './ActivePromiseList.js';
import { BillingSettingsCard } from './BillingSettingsForm.js';
import { ExemptionList } from './ExemptionList.js';
import { LoopSettingsCard } from './LoopSettingsForm.js';

/** Tagihan > Pengaturan: what customers are charged and when, the reminders, and who the loop treats differently. */
export function BillingSettingsPanel() {
  return (
    <div className="settings-grid" data-testid="billing-settings-panel">
      <BillingSettingsCard />
      {/* The lists sit under the short loop form, so a 1366x768 screen shows them without scrolling. */}
      <div className="settings-stack">
        <LoopSettingsCard />
        <ExemptionList />
        <ActivePromiseList />
      </div>
    </div>
  );
}
