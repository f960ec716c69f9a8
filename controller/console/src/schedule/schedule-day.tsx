import { type HiddenEvent, type SegmentSource, type TimelineView, missingCase } from '@baruga/protocol';
import { Fragment } from 'react';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { explanationIn, warningTitle } from '../i18n/schedule-sentences';
import { Data } from '../ui/feedback';
import type { PlaylistLabel } from './schedule-names';
import { type ScheduleRow, scheduleRows } from './schedule-rows';
import type { zonedFormat } from './zoned-day';

type Format = ReturnType<typeof zonedFormat>;
type LabelOf = (playlistId: string) => PlaylistLabel;

/** A playlist's name with its colour, as both the bar and the rows show it. */
export function PlaylistName({ label, playlistId }: { label: PlaylistLabel; playlistId: string }) {
  const t = useT();
  return (
    <span className="bc-sched__name">
      <span className="bc-swatch" style={{ background: label.colour }} aria-hidden="true" />
      {label.kind === 'default' ? (
        <strong>{t('screenLoop')}</strong>
      ) : (
        <strong translate="no">{label.name ?? playlistId}</strong>
      )}
      {label.kind === 'layout' ? <span className="bc-muted"> ({t('layout')})</span> : null}
      {label.kind === 'unknown' ? <span className="bc-muted"> ({t('unknownPlaylist')})</span> : null}
    </span>
  );
}

/** Why it plays, in a word and a name: default, event "…", or interrupt "…" with its slot. */
export function SourceLabel({ source }: { source: SegmentSource }) {
  const t = useT();
  switch (source.kind) {
    case 'default':
      return <span className="bc-tag bc-tag--default">{t('sourceDefault')}</span>;
    case 'event':
      return (
        <span className="bc-sched__source">
          <span className="bc-tag bc-tag--event">{t('sourceEvent')}</span> <Data>{source.name}</Data>
        </span>
      );
    case 'interrupt':
      return (
        <span className="bc-sched__source">
          <span className="bc-tag bc-tag--interrupt">{t('sourceInterrupt')}</span> <Data>{source.name}</Data>{' '}
          <span className="bc-muted">{t('slotOf', { slot: source.slot + 1, slots: source.slotsPerHour })}</span>
        </span>
      );
    default:
      return missingCase(source);
  }
}

const REASON: Record<HiddenEvent['reason'], TextKey> = {
  priority: 'reasonPriority',
  tie: 'reasonTie',
  interrupted: 'reasonInterrupted',
};

function Hides({ hides }: { hides: readonly HiddenEvent[] }) {
  const t = useT();
  if (hides.length === 0) return null;
  return (
    <span className="bc-sched__hides">
      {t('hides')}:{' '}
      {hides.map((h, i) => (
        <Fragment key={h.eventId}>
          {i > 0 ? ', ' : ''}
          <Data>{h.name}</Data> <span className="bc-muted">({t(REASON[h.reason])})</span>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * The day at a glance: every segment the API gave, placed by its instants. A two-minute slot is a sliver of
 * a day, so each is at least 2 px wide, and interrupts are drawn above what they interrupt.
 */
export function DayBar({
  timeline,
  labelOf,
  format,
  nowAt,
}: {
  timeline: TimelineView;
  labelOf: LabelOf;
  format: Format;
  nowAt: number | null;
}) {
  const t = useT();
  const from = Date.parse(timeline.from);
  const to = Date.parse(timeline.to);
  const pct = (ms: number) => `${((ms / (to - from)) * 100).toFixed(4)}%`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => from + f * (to - from));
  return (
    <div className="bc-daybar__wrap">
      <div
        className="bc-daybar"
        data-testid="day-bar"
        role="img"
        aria-label={t('segmentsCount', { n: timeline.segments.length })}
      >
        {timeline.segments.map((s) => {
          const start = Date.parse(s.start);
          const end = Date.parse(s.end);
          const label = labelOf(s.playlistId);
          return (
            <span
              key={s.start}
              className={`bc-daybar__seg bc-daybar__seg--${s.source.kind}`}
              data-segment={s.playlistId}
              style={{ left: pct(start - from), width: `max(2px, ${pct(end - start)})`, background: label.colour }}
              title={`${format.span(start, end, to)} · ${label.name ?? (label.kind === 'default' ? t('screenLoop') : s.playlistId)}`}
            />
          );
        })}
        {nowAt !== null && nowAt >= from && nowAt < to ? (
          <span className="bc-daybar__now" style={{ left: pct(nowAt - from) }} data-testid="day-bar-now" />
        ) : null}
      </div>
      <div className="bc-daybar__ticks" aria-hidden="true">
        {ticks.map((at, i) => (
          <span
            key={at}
            translate="no"
            style={{ left: pct(at - from) }}
            data-edge={i === 0 ? 'start' : i === 4 ? 'end' : undefined}
          >
            {format.end(at, to)}
          </span>
        ))}
      </div>
    </div>
  );
}

function SegmentRow({
  segment,
  labelOf,
  format,
  dayEnd,
}: {
  segment: TimelineView['segments'][number];
  labelOf: LabelOf;
  format: Format;
  dayEnd: number;
}) {
  const lang = useLang();
  return (
    <li data-row="segment" title={explanationIn(lang, segment)}>
      <Data className="bc-sched__time">{format.span(Date.parse(segment.start), Date.parse(segment.end), dayEnd)}</Data>
      <PlaylistName label={labelOf(segment.playlistId)} playlistId={segment.playlistId} />
      <SourceLabel source={segment.source} />
      <Hides hides={segment.hides} />
    </li>
  );
}

function RunRow({
  row,
  labelOf,
  format,
  dayEnd,
}: {
  row: Extract<ScheduleRow, { kind: 'interrupt-run' }>;
  labelOf: LabelOf;
  format: Format;
  dayEnd: number;
}) {
  const t = useT();
  return (
    <li data-row="interrupt-run" className="bc-sched__run">
      <details>
        <summary>
          <Data className="bc-sched__time">{format.span(Date.parse(row.start), Date.parse(row.end), dayEnd)}</Data>
          <PlaylistName label={labelOf(row.between.playlistId)} playlistId={row.between.playlistId} />
          <SourceLabel source={row.between.source} />
          <span className="bc-sched__source">
            · {t('interruptedBy')} <span className="bc-tag bc-tag--interrupt">{t('sourceInterrupt')}</span>{' '}
            <Data>{row.interrupt.name}</Data> <strong>{t('timesPerHour', { n: row.interrupt.slotsPerHour })}</strong>{' '}
            <span className="bc-muted">
              {t('slotsAndSegments', { slots: row.slots, segments: row.segments.length })}
            </span>
          </span>
        </summary>
        <ol className="bc-sched__rows bc-sched__rows--inner">
          {row.segments.map((s) => (
            <SegmentRow key={s.start} segment={s} labelOf={labelOf} format={format} dayEnd={dayEnd} />
          ))}
        </ol>
      </details>
    </li>
  );
}

/** The day as rows: every segment, with one interrupt's runs of slots folded into a row that opens. */
export function DayRows({ timeline, labelOf, format }: { timeline: TimelineView; labelOf: LabelOf; format: Format }) {
  const dayEnd = Date.parse(timeline.to);
  return (
    <ol className="bc-sched__rows" data-testid="day-rows">
      {scheduleRows(timeline.segments).map((row) =>
        row.kind === 'segment' ? (
          <SegmentRow key={row.segment.start} segment={row.segment} labelOf={labelOf} format={format} dayEnd={dayEnd} />
        ) : (
          <RunRow key={row.start} row={row} labelOf={labelOf} format={format} dayEnd={dayEnd} />
        ),
      )}
    </ol>
  );
}

/**
 * What the engine wants an operator to know about this day: what each warning means in the console's language, the
 * events it is about by name, and the engine's own message folded away as a technical detail for support.
 */
export function ScheduleWarnings({
  warnings,
  eventName,
}: {
  warnings: TimelineView['warnings'];
  eventName?: (id: string) => string | null;
}) {
  const t = useT();
  const lang = useLang();
  if (warnings.length === 0) return null;
  return (
    <div className="bc-sched__warnings" data-testid="schedule-warnings">
      <h3>{t('warnings')}</h3>
      <ul>
        {warnings.map((w) => {
          const names = w.eventIds.flatMap((id) => eventName?.(id) ?? []);
          return (
            <li key={`${w.code}:${w.eventIds.join(',')}:${w.message}`} data-warning={w.code}>
              {warningTitle(lang, w.code)}
              {names.length > 0 ? (
                <>
                  {' '}
                  <span className="bc-muted">{t('warningEvents', { names: names.join(', ') })}</span>
                </>
              ) : null}
              <details className="bc-details">
                <summary>{t('warningDetails')}</summary>
                <code translate="no">
                  {w.code}: {w.message}
                </code>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
