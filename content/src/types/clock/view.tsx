import { useEffect, useState } from 'react';
import { useReadyOnMount } from '../../browser/use-ready';
import type { ContentViewProps } from '../../browser/view-props';
import type { ClockProps } from './index';

/** Short zone labels people in Indonesia read; other zones fall back to Intl's own name. */
const ZONE_LABELS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function ClockView({ props, screen, onReady, now: clock }: ContentViewProps<ClockProps>) {
  useReadyOnMount(onReady);
  const read = clock ?? Date.now;
  const [now, setNow] = useState(() => read());
  useEffect(() => {
    // Tick on the wall-clock boundary so every screen flips its digits together.
    const period = props.showSeconds ? 1000 : 60_000;
    let timer = setTimeout(
      function tick() {
        setNow(read());
        timer = setTimeout(tick, period - (read() % period) + 5);
      },
      period - (read() % period) + 5,
    );
    return () => clearTimeout(timer);
  }, [props.showSeconds, read]);

  const time = new Intl.DateTimeFormat(screen.locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(props.showSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone: screen.timezone,
  }).format(now);
  const date = new Intl.DateTimeFormat(screen.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: screen.timezone,
  }).format(now);
  const zone = ZONE_LABELS[screen.timezone] ?? screen.timezone;

  return (
    <div className="bg-clock" data-content-type="clock">
      {props.caption ? <div className="bg-clock__caption">{props.caption}</div> : null}
      <div className="bg-clock__time">
        {time} <span className="bg-clock__zone">{zone}</span>
      </div>
      {props.showDate ? <div className="bg-clock__date">{date}</div> : null}
    </div>
  );
}
