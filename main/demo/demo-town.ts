/**
 * Purwokerto, Banyumas (Central Java): a real town of the size a small RT/RW Net serves. Streets and
 * kelurahan are real; the people are made up.
 */
export const TOWN = {
  name: 'Purwokerto',
  center: { latitude: -7.4245, longitude: 109.2302 },
  /** Customers are spread over roughly this many degrees around the centre (~2.5 km). */
  spread: 0.022,
};

export const STREETS = [
  'Jl. Jend. Sudirman',
  'Jl. Overste Isdiman',
  'Jl. Gerilya',
  'Jl. DI Panjaitan',
  'Jl. Kampus',
  'Jl. HR Bunyamin',
  'Jl. Jend. Ahmad Yani',
  'Jl. Pramuka',
  'Jl. S. Parman',
  'Jl. Martadireja',
  'Jl. Riyanto',
  'Jl. Dr. Soeparno',
];

export const KELURAHAN = ['Grendeng', 'Karangwangkal', 'Sumampir', 'Pabuaran', 'Purwanegara', 'Bobosan', 'Berkoh', 'Teluk', 'Tanjung', 'Arcawinangun'];

export const FIRST_NAMES = [
  'Budi', 'Siti', 'Agus', 'Dewi', 'Eko', 'Sri', 'Joko', 'Rina', 'Wahyu', 'Ani', 'Bambang', 'Yuni', 'Hendra', 'Lestari',
  'Slamet', 'Tri', 'Dian', 'Fitri', 'Rudi', 'Nur', 'Andi', 'Putri', 'Bayu', 'Ratna', 'Dimas', 'Indah', 'Arif', 'Wulan',
  'Teguh', 'Maya', 'Heru', 'Endang', 'Yoga', 'Nining', 'Fajar', 'Ayu', 'Rizky', 'Sari', 'Imam', 'Tutik',
];

export const FAMILY_NAMES = [
  'Santoso', 'Wibowo', 'Susanto', 'Prasetyo', 'Hidayat', 'Saputra', 'Nugroho', 'Kurniawan', 'Setiawan', 'Purnomo', 'Rahayu',
  'Handayani', 'Wijaya', 'Utomo', 'Pratama', 'Hartono', 'Sulistyo', 'Gunawan', 'Firmansyah', 'Suharto', 'Yulianto', 'Mulyadi',
];

/** Telkomsel, Indosat, XL, Tri and Smartfren prefixes, so demo numbers pass the same validation as real ones. */
export const MOBILE_PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '857', '858', '877', '878', '881', '895', '896', '898'];

export const DEMO_PACKAGES = [
  { name: 'Hemat 10 Mbps', price: 150_000, routerProfile: 'hemat-10m', rateLimit: '10M/10M' },
  { name: 'Keluarga 20 Mbps', price: 200_000, routerProfile: 'keluarga-20m', rateLimit: '20M/20M' },
  { name: 'Gamer 50 Mbps', price: 350_000, routerProfile: 'gamer-50m', rateLimit: '50M/50M' },
];

/** mulberry32: the same demo every time, so screenshots and tests can rely on it. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
