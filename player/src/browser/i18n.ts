/** Every text the player shows: Indonesian first, English second. */
const strings = {
  waiting: { id: 'Menunggu jadwal tayang…', en: 'Waiting for content…' },
  connecting: { id: 'Menghubungkan ke pengendali…', en: 'Connecting to the controller…' },
  noScreen: {
    id: 'Layar belum dipilih. Buka /player/?screen=<id>',
    en: 'No screen selected. Open /player/?screen=<id>',
  },
  unknownScreen: { id: 'Layar tidak dikenal', en: 'Unknown screen' },
  sample: { id: 'CONTOH', en: 'SAMPLE' },
  emptyLoop: { id: 'Belum ada konten untuk layar ini', en: 'No content for this screen yet' },
  // Delivery: secure context, enrollment, a stale schedule.
  insecure: {
    id: 'Koneksi tidak aman: pemutar tidak dapat memverifikasi konten. Gunakan HTTPS atau host pemutar Baruga.',
    en: 'Not a secure context: the player cannot verify content. Use HTTPS or a Baruga player host.',
  },
  claimed: {
    id: 'Layar ini hanya diputar oleh pemutar terdaftar (milik pemutar lain, atau layar publik).',
    en: 'This screen plays on an enrolled player only (another player’s, or a public screen).',
  },
  revoked: {
    id: 'Pemutar ini telah dicabut. Memulai pemasangan ulang…',
    en: 'This player was revoked. Pairing again…',
  },
  pairTitle: { id: 'Pasangkan pemutar ini', en: 'Pair this player' },
  pairHelp: {
    id: 'Masukkan kode ini di konsol operator: Pemutar → Pasangkan',
    en: 'Enter this code in the operator console: Players → Pair',
  },
  pairWaiting: { id: 'Menghubungi pengendali…', en: 'Contacting the controller…' },
  pairDone: { id: 'Terpasang. Membuka layar…', en: 'Paired. Opening screens…' },
  pairNoScreens: {
    id: 'Terpasang, tetapi belum ada layar yang ditetapkan.',
    en: 'Paired, but no screen is assigned yet.',
  },
  pairPick: { id: 'Pilih layar:', en: 'Pick a screen:' },
  stale: { id: 'Jadwal kedaluwarsa (luring)', en: 'Schedule expired (offline)' },
  version: { id: 'Versi', en: 'Version' },
} as const;

export type StringKey = keyof typeof strings;

export function bilingual(key: StringKey): { id: string; en: string } {
  return strings[key];
}
