/** Player texts: Indonesian first, English second. */
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
} as const;

export type StringKey = keyof typeof strings;

export function bilingual(key: StringKey): { id: string; en: string } {
  return strings[key];
}
