import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BroadcastFilter } from '../../../../shared/domain/wa.js';
import { useOdps, usePackages } from '../../stores/data-stores.js';

/** Who a broadcast goes to, in words: "pelanggan paket Rumah 20 Mbps", "pelanggan ODP …". */
export function useAudienceLabel(): (filter: BroadcastFilter) => string {
  const { t } = useTranslation();
  const packages = usePackages().data;
  const odps = useOdps().data;
  // Stable while its inputs are: list columns built from it stay memoised.
  return useCallback(
    (filter: BroadcastFilter) => {
      switch (filter.kind) {
        // Never the raw id: a name, or what became of it (still loading, or deleted since).
        case 'package': {
          const name = packages ? packages.find((p) => p.id === filter.packageId)?.name ?? t('whatsapp.audienceGone') : '…';
          return t('whatsapp.audienceOfPackage', { name });
        }
        case 'odp': {
          const name = odps ? odps.find((o) => o.id === filter.odpId)?.name ?? t('whatsapp.audienceGone') : '…';
          return t('whatsapp.audienceOfOdp', { name });
        }
        default:
          return t(`whatsapp.audiences.${filter.kind}`);
      }
    },
    [t, packages, odps],
  );
}
