import { type EventSummary, type ResolutionView, matchesTarget } from './schedule-targets';
import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { wallsOf } from '../api/walls';
import { useLang, useT } from '../i18n/catalogue';
import { formatDateTime, localDateTime, zoneLabel } from '../i18n/format';
import { explanationIn } from '../i18n/schedule-sentences';
import { Data, ErrorNote, Loading } from '../ui/feedback';
import { SelectField } from '../ui/fields';
import { DaypartsEditor } from './dayparts-editor';
import { type EventDraft, draftOf, emptyEvent } from './event-draft';
import { EventForm, type ScheduleData } from './event-form';
import { EventList } from './event-list';
import { playlistLabels } from './schedule-names';
import { WeekView } from './week-view';
import { DAY_MS, knownZone, localDate, localDayRange } from './zoned-day';
import './schedule.css';

/** What the calendar shows: a screen, or a group or wall through its first screen. */
function targetOptions(data: ScheduleData, t: ReturnType<typeof useT>) {
  return [
    ...data.overview.screens.map((s) => ({
      value: `screen:${s.screenId}`,
      label: t('targetScreen', { name: s.name }),
    })),
    ...wallsOf(data.overview).map((w) => ({ value: `wall:${w.id}`, label: t('targetWall', { name: w.name }) })),
    ...data.overview.groups.map((g) => ({ value: `group:${g}`, label: t('targetGroup', { name: g }) })),
  ];
}

function screenOf(target: string, data: ScheduleData) {
  const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
  const screens = data.overview.screens;
  if (kind === 'screen') return screens.find((s) => s.screenId === id) ?? null;
  if (kind === 'wall') return screens.find((s) => s.wallId === id) ?? null;
  return screens.find((s) => s.groups.includes(id)) ?? null;
}

function Calendar({ data, onEdit }: { data: ScheduleData; onEdit: (draft: EventDraft, id: string | null) => void }) {
  const t = useT();
  const lang = useLang();
  const [target, setTarget] = useState(() => targetOptions(data, t)[0]?.value ?? '');
  const [view, setView] = useState<'week' | 'day'>('week');
  const screen = screenOf(target, data);
  const zone = knownZone(screen?.timezone ?? 'Asia/Makassar');
  const [first, setFirst] = useState(() => localDate(zone, Date.now()));
  const count = view === 'week' ? 7 : 1;
  const days = Array.from({ length: count }, (_, i) => first + i * DAY_MS);
  const from = localDayRange(zone, first).start;
  const to = localDayRange(zone, first + (count - 1) * DAY_MS).end;
  const { loaded, reload } = useLoad(
    () => (screen ? api.timeline(screen.screenId, from, to) : Promise.resolve(null)),
    [screen?.screenId, from, to],
    ['schedule', 'screens'],
  );
  const [picked, setPicked] = useState<ResolutionView | null>(null);
  const labelOf = playlistLabels({ playlists: data.playlists, layouts: data.layouts });
  const pick = (at: number) => {
    if (!screen) return;
    api.now(screen.screenId, at).then(setPicked, () => setPicked(null));
  };
  const targets = target.startsWith('screen:')
    ? { screens: [target.slice(7)], groups: [], walls: [], all: false }
    : target.startsWith('wall:')
      ? { screens: [], groups: [], walls: [target.slice(5)], all: false }
      : { screens: [], groups: [target.slice(6)], walls: [], all: false };
  return (
    <section className="bc-card" aria-labelledby="calendar-title">
      <h2 id="calendar-title" className="bc-sr">
        {t('calendarHeading')}
      </h2>
      <div className="bc-filters">
        <SelectField
          label={t('calendarFor')}
          name="calendar-target"
          value={target}
          onChange={setTarget}
          options={targetOptions(data, t).map((o) => ({ ...o }))}
        />
        <SelectField
          label={t('viewLabel')}
          name="calendar-view"
          value={view}
          onChange={setView}
          options={[
            { value: 'week', label: t('viewWeek') },
            { value: 'day', label: t('viewDay') },
          ]}
        />
        <div className="bc-sched__nav">
          <button type="button" className="bc-button bc-button--quiet" onClick={() => setFirst(first - count * DAY_MS)}>
            {t('previousPeriod')}
          </button>
          <button
            type="button"
            className="bc-button bc-button--quiet"
            onClick={() => setFirst(localDate(zone, Date.now()))}
          >
            {t('today')}
          </button>
          <button type="button" className="bc-button bc-button--quiet" onClick={() => setFirst(first + count * DAY_MS)}>
            {t('nextPeriod')}
          </button>
        </div>
        <button
          type="button"
          className="bc-button"
          onClick={() => onEdit(emptyEvent(new Date(first).toISOString().slice(0, 10), '08:00', targets), null)}
        >
          {t('newEvent')}
        </button>
      </div>
      {screen ? (
        <p className="bc-muted">{t('shownFor', { name: screen.name, zone: zoneLabel(zone) })}</p>
      ) : (
        <p>{t('noScreenInTarget')}</p>
      )}
      <p className="bc-muted">{t('calendarHelp')}</p>
      {loaded.state === 'loading' ? <Loading label={t('loadingSchedule')} /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' && loaded.value ? (
        <WeekView zone={zone} days={days} timeline={loaded.value} labelOf={labelOf} onPick={pick} />
      ) : null}
      {picked ? (
        <div className="bc-picked" aria-live="polite" data-testid="what-plays">
          <h3>{t('whatPlaysAt', { when: formatDateTime(Date.parse(picked.at), zone, lang) })}</h3>
          <p>
            <strong>
              {labelOf(picked.playlistId).kind === 'default' ? (
                t('screenLoop')
              ) : (
                <Data>{labelOf(picked.playlistId).name ?? picked.playlistId}</Data>
              )}
            </strong>
          </p>
          <p className="bc-muted">{explanationIn(lang, picked)}</p>
          <button
            type="button"
            className="bc-button bc-button--quiet"
            onClick={() => {
              const local = localDateTime(Date.parse(picked.at), zone);
              onEdit(emptyEvent(local.slice(0, 10), `${local.slice(11, 13)}:00`, targets), null);
            }}
          >
            {t('newEventHere')}
          </button>
        </div>
      ) : null}
      <EventList
        data={data}
        onEdit={(e: EventSummary) => onEdit(draftOf(e.event), e.event.id)}
        filter={(e) => (screen ? matchesTarget(e.event, screen) : true)}
      />
    </section>
  );
}

/** The schedule: a week or a day per screen, group or wall; events made and changed with a preview first. */
export function SchedulePage() {
  const t = useT();
  const { loaded, reload } = useLoad(
    async (): Promise<ScheduleData> => {
      const [overview, playlists, layouts, dayparts, events] = await Promise.all([
        api.overview(),
        api.playlists(),
        api.layouts(),
        api.dayparts(),
        api.events(),
      ]);
      return { overview, playlists, layouts, dayparts, events };
    },
    [],
    ['schedule', 'screens'],
  );
  const [editing, setEditing] = useState<{ draft: EventDraft; id: string | null } | null>(null);
  return (
    <section className="bc-page" aria-labelledby="schedule-title">
      <div className="bc-page__head">
        <h1 id="schedule-title" tabIndex={-1}>
          {t('calendarTitle')}
        </h1>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        <>
          <Calendar data={loaded.value} onEdit={(draft, id) => setEditing({ draft, id })} />
          <DaypartsEditor dayparts={loaded.value.dayparts} onSaved={reload} />
          {editing ? (
            <EventForm
              data={loaded.value}
              initial={editing.draft}
              editing={editing.id}
              onClose={() => setEditing(null)}
              onLive={reload}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
