import type { ResolutionView, TimelineView } from '@baruga/protocol';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useLiveReload } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { explanationIn } from '../i18n/schedule-sentences';
import { Data, ErrorNote } from '../ui/feedback';
import { DayBar, DayRows, PlaylistName, ScheduleWarnings, SourceLabel } from './schedule-day';
import { type PlaylistNames, playlistLabels } from './schedule-names';
import { DAY_MS, knownZone, localDate, localDayRange, zoneLabel, zonedFormat } from './zoned-day';
import './schedule.css';

/** An answer for one request `key`; a panel whose key moved on shows "loading" rather than another day's answer. */
type Loaded<T, K> = { key: K; ok: true; value: T } | { key: K; ok: false; error: unknown };

/** Ask again at least this often, so an edit made elsewhere reaches an open panel. */
const REFRESH_MS = 60_000;

/** "since 09.00 until 11.30", "all day today", or dates where the run starts or ends on another day. */
function RunSpan({ now, zone }: { now: ResolutionView; zone: string }) {
  const t = useT();
  const lang = useLang();
  const format = zonedFormat(zone, lang);
  const at = Date.parse(now.at);
  const { start: dayStart, end: dayEnd } = localDayRange(zone, localDate(zone, at));
  const since = Date.parse(now.start);
  const until = Date.parse(now.end);
  if (since <= dayStart && until >= dayEnd) return <span className="bc-muted">{t('allDayToday')}</span>;
  const when = (ms: number, isEnd: boolean) =>
    ms >= dayStart && ms < dayEnd
      ? format.time(ms)
      : isEnd && ms === dayEnd
        ? format.end(ms, dayEnd)
        : format.dateTime(ms);
  return <span className="bc-muted">{t('sinceUntil', { since: when(since, false), until: when(until, true) })}</span>;
}

/**
 * A screen's schedule, read-only: what plays now and why, and one local day of its timeline as a bar and as
 * rows, with the engine's warnings. Everything comes from the previews API (docs/api.md, "Previews"), which runs
 * the same engine on the same input as the player.
 */
export function SchedulePanel({ screenId, timezone }: { screenId: string; timezone: string }) {
  const t = useT();
  const lang = useLang();
  const zone = knownZone(timezone);
  const [firstDay] = useState(() => localDate(zone, Date.now()));
  const [date, setDate] = useState(firstDay);
  const { start, end } = localDayRange(zone, date);
  const [tick, setTick] = useState(0);
  useLiveReload(['schedule', 'screens'], () => setTick((n) => n + 1));

  const [names, setNames] = useState<PlaylistNames | null>(null);
  const [now, setNow] = useState<Loaded<ResolutionView, number> | null>(null);
  const [timeline, setTimeline] = useState<Loaded<TimelineView, string> | null>(null);
  const timelineKey = `${screenId} ${start} ${end}`;

  useEffect(() => {
    let live = true;
    Promise.all([api.playlists(), api.layouts()]).then(
      ([playlists, layouts]) => live && setNames({ playlists, layouts }),
      () => undefined,
    );
    api.now(screenId).then(
      (value) => live && setNow({ key: tick, ok: true, value }),
      (error: unknown) => live && setNow({ key: tick, ok: false, error }),
    );
    return () => {
      live = false;
    };
  }, [screenId, tick]);

  useEffect(() => {
    let live = true;
    api.timeline(screenId, start, end).then(
      (value) => live && setTimeline({ key: timelineKey, ok: true, value }),
      (error: unknown) => live && setTimeline({ key: timelineKey, ok: false, error }),
    );
    return () => {
      live = false;
    };
    // `tick` refreshes the day in place: the previous answer stays on screen until the new one arrives.
  }, [screenId, start, end, timelineKey, tick]);

  // Ask again when what plays now ends (an interrupt slot lasts minutes), and at least once a minute.
  useEffect(() => {
    if (!now) return;
    const left = now.ok ? Date.parse(now.value.end) - Date.parse(now.value.at) : REFRESH_MS;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(Math.max(left + 250, 1000), REFRESH_MS));
    return () => clearTimeout(timer);
  }, [now]);

  const nowAt = now?.ok ? Date.parse(now.value.at) : null;
  const today = nowAt === null ? firstDay : localDate(zone, nowAt);
  const day = timeline?.key === timelineKey ? timeline : null;
  const shownZone = day?.ok ? knownZone(day.value.timezone) : zone;
  const format = zonedFormat(shownZone, lang);
  const labelOf = playlistLabels(names);
  const zoneTag = (
    <span className="bc-tag bc-tag--zone" translate="no">
      {zoneLabel(shownZone)}
    </span>
  );

  return (
    <section className="bc-card bc-sched" aria-label={t('schedule')}>
      <h2>
        {t('playingNow')} {zoneTag}
      </h2>
      <div className="bc-sched__now" data-testid="playing-now" aria-live="polite">
        {now === null ? (
          <p className="bc-muted">{t('loadingNow')}</p>
        ) : !now.ok ? (
          <>
            <p>{t('nowFailed')}</p>
            <ErrorNote error={now.error} />
          </>
        ) : (
          <>
            <p className="bc-sched__now-what">
              <PlaylistName label={labelOf(now.value.playlistId)} playlistId={now.value.playlistId} />{' '}
              <SourceLabel source={now.value.source} /> <RunSpan now={now.value} zone={shownZone} />
            </p>
            <p className="bc-muted bc-sched__explanation">{explanationIn(lang, now.value)}</p>
          </>
        )}
      </div>

      <div className="bc-sched__head">
        <h2>{date === today ? t('scheduleToday') : t('scheduleOfDay', { day: format.day(start) })}</h2>
        <div className="bc-sched__nav">
          <button type="button" className="bc-button bc-button--quiet" onClick={() => setDate(date - DAY_MS)}>
            <span aria-hidden="true">‹ </span>
            {t('yesterday')}
          </button>
          <button
            type="button"
            className="bc-button bc-button--quiet"
            onClick={() => setDate(today)}
            disabled={date === today}
          >
            {t('today')}
          </button>
          <button type="button" className="bc-button bc-button--quiet" onClick={() => setDate(date + DAY_MS)}>
            {t('tomorrow')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      <p className="bc-muted" data-testid="schedule-day">
        <Data>
          {format.day(start)} ·{' '}
          {zoneLabel(shownZone) === shownZone ? shownZone : `${zoneLabel(shownZone)} (${shownZone})`}
        </Data>
      </p>
      <div aria-live="polite" aria-busy={day === null}>
        {day === null ? (
          <p className="bc-muted" data-testid="schedule-loading">
            {t('loadingSchedule')}
          </p>
        ) : !day.ok ? (
          <>
            <p>{t('timelineFailed')}</p>
            <ErrorNote error={day.error} />
          </>
        ) : (
          <>
            <DayBar timeline={day.value} labelOf={labelOf} format={format} nowAt={nowAt} />
            <DayRows timeline={day.value} labelOf={labelOf} format={format} />
            <ScheduleWarnings warnings={day.value.warnings} />
          </>
        )}
      </div>
    </section>
  );
}
