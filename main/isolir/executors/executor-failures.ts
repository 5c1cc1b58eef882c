import type { ExecutorFailure, Meaning } from './executor.js';

/**
 * Why an isolir step did not happen, as stable codes with the operator's words. The words say what
 * to check on the router, never the protocol's jargon; the technical particulars go in `detail`.
 */
export const EXECUTOR_FAILURES = {
  NAS_UNREACHABLE: {
    retryable: true,
    meaning: {
      id: 'Router tidak bisa dihubungi dari komputer ini. Periksa alamat router dan jaringannya; aplikasi akan mencoba lagi.',
      en: 'The router cannot be reached from this computer. Check the router address and its network; the app will try again.',
    },
  },
  NAS_NOT_LISTENING: {
    retryable: true,
    meaning: {
      id: 'Router tidak menerima perintah putus sesi dari RADIUS. Aktifkan "RADIUS > Incoming" (port 3799) di router, lalu coba lagi.',
      en: 'The router does not take disconnect requests from RADIUS. Turn on "RADIUS > Incoming" (port 3799) on the router, then try again.',
    },
  },
  NAS_NO_ANSWER: {
    retryable: true,
    meaning: {
      id: 'Router tidak menjawab perintah putus sesi. Periksa bahwa router menyala, "RADIUS > Incoming" aktif, dan secret RADIUS di router sama dengan di aplikasi (router membuang perintah dengan secret yang salah tanpa menjawab).',
      en: 'The router did not answer the disconnect request. Check that the router is on, "RADIUS > Incoming" is turned on, and the RADIUS secret on the router matches the one in the app (a router drops requests with a wrong secret without answering).',
    },
  },
  NAS_WRONG_SECRET: {
    retryable: false,
    meaning: {
      id: 'Router menjawab dengan secret RADIUS yang berbeda. Samakan secret RADIUS di router dan di aplikasi.',
      en: 'The router answered with a different RADIUS secret. Make the RADIUS secret the same on the router and in the app.',
    },
  },
  NAS_REFUSED: {
    retryable: false,
    meaning: {
      id: 'Router menolak memutus sesi pelanggan. Alasan dari router ada di rincian.',
      en: "The router refused to end the customer's session. The router's reason is in the details.",
    },
  },
  NAS_BUSY: {
    retryable: true,
    meaning: {
      id: 'Router sedang sibuk dan belum bisa memutus sesi. Aplikasi akan mencoba lagi.',
      en: 'The router is busy and could not end the session yet. The app will try again.',
    },
  },
  RADIUS_GROUP_MISSING: {
    retryable: false,
    meaning: {
      id: 'Grup ini belum disiapkan di RADIUS (belum ada atribut balasan), jadi pelanggan tidak dipindahkan. Siapkan grupnya dulu: pool, address list dan batas kecepatan.',
      en: 'This group is not set up in RADIUS yet (it has no reply attributes), so the customer was not moved. Set the group up first: pool, address list and rate limit.',
    },
  },
  RADIUS_DB_UNAVAILABLE: {
    retryable: true,
    meaning: {
      id: 'Database RADIUS tidak bisa dibuka atau diubah. Periksa server RADIUS dan lokasi databasenya.',
      en: 'The RADIUS database could not be opened or changed. Check the RADIUS server and where its database is.',
    },
  },
} as const satisfies Record<string, { retryable: boolean; meaning: Meaning }>;

export type ExecutorFailureCode = keyof typeof EXECUTOR_FAILURES;

export function executorFailure(code: ExecutorFailureCode, detail: string): ExecutorFailure {
  const { retryable, meaning } = EXECUTOR_FAILURES[code];
  return { code, meaning, retryable, detail };
}
