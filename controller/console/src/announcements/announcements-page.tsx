import type { AnnouncementView, Overview } from '@baruga/protocol';
import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { formatDateTime, formatTime, instantOfLocal as instantOf, zoneLabel } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { Data, Empty, ErrorNote, Loading } from '../ui/feedback';
import { CheckField } from '../ui/fields';
import { AnnouncementForm } from './announcement-form';
import './announcements.css';

const STATE: Record<AnnouncementView['state'], TextKey> = {
  scheduled: 'stateScheduled',
  on: 'stateOn',
  ended: 'stateEnded',
};

function Where({ a, overview }: { a: AnnouncementView; overview: Overview }) {
  const t = useT();
  if (a.targets.all) return <>{t('targetAll')}</>;
  const names = [
    ...overview.walls.filter((w) => a.targets.walls.includes(w.id)).map((w) => w.name),
    ...a.targets.groups,
    ...overview.screens.filter((s) => a.targets.screens.includes(s.screenId)).map((s) => s.name),
  ];
  return <Data>{names.join(', ')}</Data>;
}

function AnnouncementList({ overview }: { overview: Overview }) {
  const t = useT();
  const lang = useLang();
  const { loaded, reload } = useLoad(() => api.announcements(), [], ['schedule']);
  const [showEnded, setShowEnded] = useState(false);
  const [ending, setEnding] = useState<AnnouncementView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const end = async (a: AnnouncementView) => {
    setEnding(null);
    try {
      await api.endAnnouncement(a.id);
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const list = loaded.state === 'ok' ? loaded.value.filter((a) => showEnded || a.state !== 'ended') : [];
  const when = (a: AnnouncementView) => {
    const start = instantOf(a.start, a.timezone);
    const startText = formatDateTime(start, a.timezone, lang);
    if (a.end === null) {
      return (
        <>
          <Data>{startText}</Data> – {t('untilEnded')}
        </>
      );
    }
    const end = instantOf(a.end, a.timezone);
    return (
      <Data>
        {startText} – {`${formatTime(end, a.timezone, lang)} ${zoneLabel(a.timezone)}`}
      </Data>
    );
  };
  return (
    <section className="bc-card" aria-labelledby="announcements-list-title">
      <h2 id="announcements-list-title">{t('activeAnnouncements')}</h2>
      <CheckField label={t('showEnded')} checked={showEnded} onChange={setShowEnded} />
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {failure ? <ErrorNote error={failure} /> : null}
      {loaded.state === 'ok' && list.length === 0 ? <Empty>{t('noAnnouncements')}</Empty> : null}
      <ul className="bc-list bc-list--announcements">
        {list.map((a) => (
          <li key={a.id} data-announcement={a.id} data-state={a.state}>
            <div className="bc-list__main">
              <p>
                <Data>{a.title ?? a.text}</Data>
              </p>
              <p className="bc-muted">
                <Where a={a} overview={overview} /> · {when(a)}
              </p>
            </div>
            <span className={`bc-tag bc-tag--${a.state}`}>{t(STATE[a.state])}</span>
            {a.state !== 'ended' ? (
              <button type="button" className="bc-button bc-button--quiet" onClick={() => setEnding(a)}>
                {t('endNow')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {ending ? (
        <ConfirmDialog
          title={t('confirmEndTitle')}
          body={<p>{t('confirmEnd', { text: ending.title ?? ending.text })}</p>}
          confirm={t('endNow')}
          onConfirm={() => void end(ending)}
          onCancel={() => setEnding(null)}
        />
      ) : null}
    </section>
  );
}

/** Announcements: send one in a minute, see which are on, end one early. */
export function AnnouncementsPage() {
  const t = useT();
  const { loaded, reload } = useLoad(() => Promise.all([api.overview(), api.dayparts()]), [], ['screens', 'schedule']);
  return (
    <section className="bc-page" aria-labelledby="announcements-title">
      <div className="bc-page__head">
        <h1 id="announcements-title" tabIndex={-1}>
          {t('announcementsTitle')}
        </h1>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        <>
          <AnnouncementForm overview={loaded.value[0]} dayparts={loaded.value[1]} onSent={reload} />
          <AnnouncementList overview={loaded.value[0]} />
        </>
      ) : null}
    </section>
  );
}
