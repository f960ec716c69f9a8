import { useContext } from 'react';
import { LangContext } from './i18n';

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
