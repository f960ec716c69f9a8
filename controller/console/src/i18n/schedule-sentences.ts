import type { HiddenEvent, ScheduleWarningCode, SegmentSource } from '@baruga/protocol';
import type { Lang } from './catalogue';

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
