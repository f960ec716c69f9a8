import { ANNOUNCEMENT_ID_PREFIX, type EventSummary } from '@baruga/protocol';
import { useState } from 'react';
import { api } from '../api/client';
import { useLang, useT } from '../i18n/catalogue';
import { formatWallClock } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { Data, Empty, ErrorNote } from '../ui/feedback';
import type { ScheduleData } from './event-form';
import { fromRrule } from './recurrence';

/** The events that reach what the calendar shows (announcements have their own page), each to edit or delete. */
export function EventList({
  data,
  onEdit,
  filter,
}: {
  data: ScheduleData;
  onEdit: (event: EventSummary) => void;
  filter: (event: EventSummary) => boolean;
}) {
  const t = useT();
  const lang = useLang();
  const [deleting, setDeleting] = useState<EventSummary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const events = data.events.filter((e) => !e.event.id.startsWith(ANNOUNCEMENT_ID_PREFIX) && filter(e));
  const what = (id: string) =>
    id === 'default'
      ? t('screenLoop')
      : (data.playlists.find((p) => p.id === id)?.name ?? data.layouts.find((l) => l.id === id)?.name ?? id);
  const repeatText = (e: EventSummary) => {
    const kind = fromRrule(e.event.rrule).repeat.kind;
    return t(
      kind === 'once'
        ? 'repeatOnce'
        : kind === 'daily'
          ? 'repeatDaily'
          : kind === 'weekdays'
            ? 'repeatWeekdays'
            : kind === 'weekly'
              ? 'repeatWeekly'
              : kind === 'custom'
                ? 'repeat'
                : 'repeatMonthlyDate',
    );
  };
  return (
    <div className="bc-events">
      <h3>{t('events')}</h3>
      {failure ? <ErrorNote error={failure} /> : null}
      {events.length === 0 ? <Empty>{t('noEvents')}</Empty> : null}
      <ul className="bc-list">
        {events.map((e) => (
          <li key={e.event.id} data-event={e.event.name}>
            <div className="bc-list__main">
              <p>
                <Data>{e.event.name}</Data> · <Data>{what(e.event.playlistId)}</Data>
              </p>
              <p className="bc-muted">
                <Data>{formatWallClock(e.event.start, lang)}</Data> · {repeatText(e)} ·{' '}
                {t('eventPriorityShort', { n: e.event.priority })}
              </p>
            </div>
            <button type="button" className="bc-button bc-button--quiet" onClick={() => onEdit(e)}>
              {t('edit')}
            </button>
            <button
              type="button"
              className="bc-button bc-button--quiet bc-button--danger-text"
              onClick={() => setDeleting(e)}
            >
              {t('deleteEvent')}
            </button>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title={t('confirmTitle')}
          body={<p>{t('confirmDeleteEvent', { name: deleting.event.name })}</p>}
          confirm={t('deleteEvent')}
          danger
          onConfirm={() => {
            const e = deleting;
            setDeleting(null);
            api.deleteEvent(e.event.id).catch(setFailure);
          }}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
