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
        case 'package':
          return t('whatsapp.audienceOfPackage', { name: packages?.find((p) => p.id === filter.packageId)?.name ?? filter.packageId });
        case 'odp':
          return t('whatsapp.audienceOfOdp', { id: odps?.find((o) => o.id === filter.odpId)?.name ?? filter.odpId });
        default:
          return t(`whatsapp.audiences.${filter.kind}`);
      }
    },
    [t, packages, odps],
  );
}
