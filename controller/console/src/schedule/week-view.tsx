import type { TimelineView } from '@baruga/protocol';
import { type MouseEvent } from 'react';
import { useLang, useT } from '../i18n/catalogue';
import { formatShortDay } from '../i18n/format';
import { showTime } from '../ui/date-input';
import type { PlaylistLabel } from './schedule-names';
import { localDayRange, zonedFormat } from './zoned-day';

const HOUR_PX = 20;
const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

/**
 * Days side by side, midnight at the top: each stretch of the timeline as a block in its playlist's colour (the
 * screen's own loop stays pale, so what was scheduled stands out). Clicking a moment asks what plays then, and why.
 */
export function WeekView({
  zone,
  days,
  timeline,
  labelOf,
  onPick,
}: {
  zone: string;
  /** Floating dates (local midnights encoded as UTC) of the days shown. */
  days: readonly number[];
  timeline: TimelineView;
  labelOf: (playlistId: string) => PlaylistLabel;
  onPick: (at: number) => void;
}) {
  const t = useT();
  const lang = useLang();
  const format = zonedFormat(zone, lang);
  const segments = timeline.segments.map((s) => ({ ...s, from: Date.parse(s.start), to: Date.parse(s.end) }));
  return (
    <div
      className="bc-week"
      data-testid="calendar"
      style={{ gridTemplateColumns: `3rem repeat(${days.length}, minmax(0, 1fr))` }}
    >
      <div className="bc-week__corner" />
      {days.map((d) => {
        const { start } = localDayRange(zone, d);
        return (
          <div key={d} className="bc-week__day-head" translate="no">
            {formatShortDay(start, zone, lang)}
          </div>
        );
      })}
      <div className="bc-week__hours" aria-hidden="true" style={{ height: 24 * HOUR_PX }}>
        {HOURS.map((h) => (
          <span key={h} style={{ top: h * HOUR_PX }} translate="no">
            {showTime(`${String(h).padStart(2, '0')}:00`, lang)}
          </span>
        ))}
      </div>
      {days.map((d) => {
        const { start, end } = localDayRange(zone, d);
        const length = end - start;
        const click = (e: MouseEvent<HTMLDivElement>) => {
          const box = e.currentTarget.getBoundingClientRect();
          onPick(start + Math.floor(((e.clientY - box.top) / box.height) * (length / 60_000)) * 60_000);
        };
        return (
          <div
            key={d}
            className="bc-week__day"
            style={{ height: 24 * HOUR_PX }}
            onClick={click}
            data-day={new Date(d).toISOString().slice(0, 10)}
          >
            {segments
              .filter((s) => s.to > start && s.from < end)
              .map((s) => {
                const from = Math.max(s.from, start);
                const to = Math.min(s.to, end);
                const label = labelOf(s.playlistId);
                const top = ((from - start) / length) * 24 * HOUR_PX;
                const height = Math.max(2, ((to - from) / length) * 24 * HOUR_PX);
                const name = label.kind === 'default' ? t('screenLoop') : (label.name ?? s.playlistId);
                return (
                  <div
                    key={`${s.start}-${d}`}
                    className={`bc-week__block bc-week__block--${label.kind === 'default' ? 'default' : s.source.kind}`}
                    style={{ top, height, background: label.kind === 'default' ? undefined : label.colour }}
                    title={`${format.span(from, to, end)} · ${name}`}
                    data-playlist={s.playlistId}
                  >
                    {height >= 16 && label.kind !== 'default' ? (
                      <span translate="no">{label.name ?? s.playlistId}</span>
                    ) : null}
                  </div>
                );
              })}
          </div>
        );
      })}
    </div>
  );
}
