import type { HiddenEvent, ScheduleWarningCode, SegmentSource } from '@baruga/protocol';
import { useContext } from 'react';
import { type Lang, LangContext } from './i18n';

/** Console texts for a screen's schedule: Indonesian first, English second. */
export const scheduleDictionary = {
  schedule: { id: 'Jadwal', en: 'Schedule' },
  playingNow: { id: 'Sekarang tayang', en: 'Playing now' },
  scheduleToday: { id: 'Jadwal hari ini', en: "Today's schedule" },
  scheduleOfDay: { id: 'Jadwal', en: 'Schedule for' },
  yesterday: { id: 'Kemarin', en: 'Yesterday' },
  today: { id: 'Hari ini', en: 'Today' },
  tomorrow: { id: 'Besok', en: 'Tomorrow' },
  screenLoop: { id: 'Putaran layar', en: 'Screen loop' },
  layout: { id: 'tata letak', en: 'layout' },
  unknownPlaylist: { id: 'tidak dikenal', en: 'unknown' },
  since: { id: 'sejak', en: 'since' },
  until: { id: 'sampai', en: 'until' },
  sourceDefault: { id: 'bawaan', en: 'default' },
  sourceEvent: { id: 'acara', en: 'event' },
  sourceInterrupt: { id: 'sela', en: 'interrupt' },
  slot: { id: 'slot', en: 'slot' },
  hides: { id: 'menyembunyikan', en: 'hides' },
  reasonPriority: { id: 'prioritas lebih rendah', en: 'lower priority' },
  reasonTie: { id: 'prioritas sama', en: 'same priority' },
  reasonInterrupted: { id: 'disela', en: 'interrupted' },
  interruptedBy: { id: 'disela', en: 'interrupted by' },
  perHour: { id: 'per jam', en: 'per hour' },
  slots: { id: 'sela hari ini', en: 'slots this day' },
  segments: { id: 'segmen', en: 'segments' },
  warnings: { id: 'Peringatan jadwal', en: 'Schedule warnings' },
  loading: { id: 'Memuat jadwal…', en: 'Loading the schedule…' },
  loadingNow: { id: 'Memuat yang sedang tayang…', en: 'Loading what plays now…' },
  timelineFailed: { id: 'Jadwal gagal dimuat', en: 'The schedule could not be loaded' },
  nowFailed: { id: 'Yang sedang tayang gagal dimuat', en: 'What plays now could not be loaded' },
  namesFailed: { id: 'Nama daftar putar gagal dimuat', en: 'Playlist names could not be loaded' },
} as const;

export type ScheduleTextKey = keyof typeof scheduleDictionary;

export function useST(): (key: ScheduleTextKey) => string {
  const lang = useContext(LangContext);
  return (key) => scheduleDictionary[key][lang];
}

/** What each warning code means, in Indonesian (docs/schedules.md, "Feasibility warnings"). */
const WARNING_TITLES: Record<ScheduleWarningCode, string> = {
  'never-fires': 'Acara tidak pernah tayang',
  'share-over-100': 'Sela dalam satu jam meminta lebih dari satu jam penuh',
  'plays-per-hour-cannot-fit': 'Jumlah tayang per jam tidak muat',
  'share-shorter-than-playlist': 'Jatah sela lebih pendek dari satu putaran daftar putarnya',
  'same-priority-overlap': 'Dua acara berprioritas sama tayang bersamaan; id terkecil yang tayang',
  'hidden-throughout': 'Acara aktif tetapi tertutup sepanjang rentang ini',
  'unknown-playlist': 'Daftar putar tidak ada; acara dilewati',
  'empty-playlist': 'Daftar putar kosong; acara dilewati',
  'unknown-daypart': 'Bagian hari tidak ada; acara dilewati',
  'unknown-timezone': 'Zona waktu layar tidak dikenal; dipakai Asia/Makassar',
  'invalid-event': 'Aturan acara tidak valid; acara dilewati',
  'count-not-reached': 'COUNT tidak tercapai dalam jangkauan pindai; aturan berakhir di sana',
  'layout-size-mismatch': 'Ukuran tata letak berbeda dari layar; digambar tanpa skala',
};

export const warningTitle = (code: ScheduleWarningCode): string => WARNING_TITLES[code];

const HIDDEN_REASON: Record<HiddenEvent['reason'], string> = {
  priority: 'prioritas lebih rendah',
  tie: 'prioritas sama, id lebih besar',
  interrupted: 'disela',
};

/**
 * Why this plays, as a sentence in the console's language. The API's `explanation` is the engine's English
 * sentence; the Indonesian one is built from the same structured `source` and `hides`.
 */
export function explanationIn(
  lang: Lang,
  r: { source: SegmentSource; hides: readonly HiddenEvent[]; explanation: string },
): string {
  if (lang === 'en') return r.explanation;
  const hidden = r.hides.map(
    (h) => `${h.kind === 'interrupt' ? 'sela ' : ''}"${h.name}" (prioritas ${h.priority}, ${HIDDEN_REASON[h.reason]})`,
  );
  const hides = hidden.length > 0 ? `; menyembunyikan ${hidden.join(', ')}` : '';
  const s = r.source;
  switch (s.kind) {
    case 'default':
      return 'Tidak ada yang dijadwalkan: putaran bawaan layar yang tayang.';
    case 'event':
      return `Acara "${s.name}" (prioritas ${s.priority}) tayang${hides}.`;
    case 'interrupt':
      return `Sela "${s.name}" (prioritas ${s.priority}) tayang, slot ${s.slot + 1} dari ${s.slotsPerHour} dalam jam ini${hides}.`;
  }
}
