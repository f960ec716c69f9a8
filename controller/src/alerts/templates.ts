import type { AlertTemplate } from '@baruga/protocol';

/**
 * Manual alerts operators start from (the console's alert panel): the words are ready in both languages, the
 * operator picks screens and may edit before sending.
 */
export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  {
    id: 'gempa',
    label: { id: 'Gempa bumi', en: 'Earthquake' },
    severity: 'Severe',
    event: 'Gempa bumi',
    headline: 'Gempa bumi dirasakan',
    instruction: 'Tetap tenang. Lindungi kepala, jauhi kaca, keluar gedung setelah guncangan berhenti.',
    en: {
      event: 'Earthquake',
      headline: 'Earthquake felt',
      instruction: 'Stay calm. Protect your head, keep away from glass, leave the building once the shaking stops.',
    },
  },
  {
    id: 'tsunami',
    label: { id: 'Peringatan tsunami', en: 'Tsunami warning' },
    severity: 'Extreme',
    event: 'Peringatan tsunami',
    headline: 'Potensi tsunami: segera menjauh dari pantai',
    instruction: 'Segera menuju tempat tinggi atau jalur evakuasi. Jangan kembali sebelum ada pernyataan aman.',
    en: {
      event: 'Tsunami warning',
      headline: 'Tsunami possible: move away from the coast now',
      instruction: 'Go to high ground or follow the evacuation route. Do not return until the all-clear.',
    },
  },
  {
    id: 'evakuasi',
    label: { id: 'Evakuasi gedung', en: 'Building evacuation' },
    severity: 'Severe',
    event: 'Evakuasi',
    headline: 'Harap tinggalkan gedung melalui jalur evakuasi',
    instruction: 'Ikuti petunjuk petugas, gunakan tangga, jangan gunakan lift. Berkumpul di titik kumpul.',
    en: {
      event: 'Evacuation',
      headline: 'Please leave the building by the evacuation route',
      instruction: 'Follow the wardens, use the stairs, not the lifts. Gather at the assembly point.',
    },
  },
  {
    id: 'kebakaran',
    label: { id: 'Kebakaran', en: 'Fire' },
    severity: 'Severe',
    event: 'Kebakaran',
    headline: 'Kebakaran di sekitar area ini',
    instruction: 'Tinggalkan area melalui jalur evakuasi terdekat. Jangan gunakan lift.',
    en: {
      event: 'Fire',
      headline: 'Fire nearby',
      instruction: 'Leave by the nearest evacuation route. Do not use the lifts.',
    },
  },
  {
    id: 'banjir',
    label: { id: 'Banjir', en: 'Flood' },
    severity: 'Moderate',
    event: 'Banjir',
    headline: 'Peringatan banjir di wilayah ini',
    instruction: 'Hindari jalan tergenang, amankan dokumen dan peralatan listrik, ikuti arahan petugas.',
    en: {
      event: 'Flood',
      headline: 'Flood warning for this area',
      instruction: 'Avoid flooded roads, keep documents and electrical equipment safe, follow official advice.',
    },
  },
  {
    id: 'latihan',
    label: { id: 'Latihan evakuasi', en: 'Evacuation drill' },
    severity: 'Minor',
    event: 'Latihan evakuasi',
    headline: 'Ini adalah latihan',
    instruction: 'Ikuti jalur evakuasi dengan tertib.',
    en: {
      event: 'Evacuation drill',
      headline: 'This is a drill',
      instruction: 'Follow the evacuation route in good order.',
    },
  },
];
