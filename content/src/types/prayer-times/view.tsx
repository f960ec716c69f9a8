import { useEffect, useMemo, useState } from 'react';
import type { ContentViewProps } from '../../browser/view-props';
import { ZONE_LABELS } from '../../data/format';
import {
  PRAYER_NAMES,
  type PrayerName,
  civilDate,
  hijriDate,
  nextPrayer,
  prayerTimes,
} from '../../prayer/prayer-times';
import type { PrayerTimesProps } from './index';

const NAMES: Record<PrayerName, { id: string; en: string }> = {
  imsak: { id: 'Imsak', en: 'Imsak' },
  subuh: { id: 'Subuh', en: 'Fajr' },
  terbit: { id: 'Terbit', en: 'Sunrise' },
  dhuha: { id: 'Duha', en: 'Duha' },
  dzuhur: { id: 'Zuhur', en: 'Dhuhr' },
  ashar: { id: 'Asar', en: 'Asr' },
  maghrib: { id: 'Magrib', en: 'Maghrib' },
  isya: { id: 'Isya', en: 'Isha' },
};

/** The countdown's steps: "02.05.09" (h.mm.ss), as Indonesian clocks print times. */
function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}.${pad(Math.floor((s % 3600) / 60))}.${pad(s % 60)}`;
}

/**
 * The day's times with the next one highlighted and counted down to, ticking on the shared clock's second. Without a
 * location (neither the screen's nor the props') it reports an error instead of showing some other city's times.
 */
export function PrayerTimesView({ props, screen, onReady, onError, now: clock }: ContentViewProps<PrayerTimesProps>) {
  const location = props.location ?? screen.location;
  const read = clock ?? Date.now;
  const [now, setNow] = useState(() => read());
  useEffect(() => {
    if (!location) {
      onError('no location: set the screen’s location, or the item’s');
      return;
    }
    onReady?.();
  }, [location, onReady, onError]);
  useEffect(() => {
    let timer = setTimeout(
      function tick() {
        setNow(read());
        timer = setTimeout(tick, 1000 - (read() % 1000) + 5);
      },
      1000 - (read() % 1000) + 5,
    );
    return () => clearTimeout(timer);
  }, [read]);

  const tz = screen.timezone;
  const date = civilDate(now, tz);
  const times = useMemo(() => (location ? prayerTimes(location, date) : null), [location, date]);
  if (!location || !times) return <div className="bg-prayer" data-content-type="prayer-times" />;
  const names = PRAYER_NAMES.filter((n) => props.showImsak || n !== 'imsak');
  const next = nextPrayer(location, now, tz, names);
  const clockText = (d: Date) =>
    new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }).format(d);
  const gregorian = new Intl.DateTimeFormat(screen.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: tz,
  }).format(now);

  return (
    <div
      className="bg-prayer"
      data-content-type="prayer-times"
      data-next={next.name}
      style={{
        position: 'absolute',
        inset: 0,
        background: props.background,
        color: '#f8fafc',
        padding: '3cqmin 4cqmin',
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        gap: '2cqmin',
      }}
    >
      <header>
        <div style={{ fontSize: '5cqmin', fontWeight: 700 }}>
          <span lang="id">{props.title}</span>
          {props.place ? <span style={{ opacity: 0.8, fontWeight: 400 }}> · {props.place}</span> : null}
        </div>
        <div lang="en" style={{ fontSize: '3cqmin', opacity: 0.8 }}>
          {props.titleEn}
        </div>
        <div className="bg-prayer__dates" style={{ fontSize: '3cqmin', marginTop: '1cqmin' }}>
          {gregorian} · <span className="bg-prayer__hijri">{hijriDate(now, tz, props.hijriOffsetDays)}</span>
        </div>
      </header>
      <div className="bg-prayer__next" style={{ fontSize: '4.5cqmin', color: props.accent, fontWeight: 700 }}>
        Menuju {NAMES[next.name].id} · Next: {NAMES[next.name].en}{' '}
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{countdown(next.at.getTime() - now)}</span>
      </div>
      <ol
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gridTemplateColumns: `repeat(${names.length > 6 ? 4 : 3}, 1fr)`,
          gap: '1.5cqmin',
          flex: 1,
        }}
      >
        {names.map((name) => (
          <li
            key={name}
            className="bg-prayer__time"
            data-prayer={name}
            style={{
              padding: '1.5cqmin',
              background: name === next.name ? props.accent : 'rgba(255,255,255,0.07)',
              color: name === next.name ? '#111827' : undefined,
            }}
          >
            <div style={{ fontSize: '3cqmin' }}>
              {NAMES[name].id} <span style={{ opacity: 0.7, fontSize: '0.8em' }}>{NAMES[name].en}</span>
            </div>
            <div style={{ fontSize: '6cqmin', fontWeight: 800, fontVariantNumeric: 'tabular-nums' }}>
              {clockText(times[name])}
            </div>
          </li>
        ))}
      </ol>
      <footer style={{ fontSize: '2.4cqmin', opacity: 0.8 }}>
        {ZONE_LABELS[tz] ?? tz} · Kemenag RI (Subuh 20°, Isya 18°, ihtiyat 2 menit)
      </footer>
    </div>
  );
}
