import { ANNOUNCEMENT_ID_PREFIX } from '@baruga/protocol';
import { NEW, hrefOf } from '../app/router';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';
import { Data, Empty, ErrorNote, Loading } from '../ui/feedback';

/** `1 mnt 30 dtk` style: one pass of a playlist, in seconds (minutes are read easily from seconds here). */
export function useDuration(): (ms: number) => string {
  const t = useT();
  const lang = useLang();
  return (ms) => t('seconds', { n: formatNumber(ms / 1000, lang, 1) });
}

/** Playlists (announcements' own playlists are on the announcements page, not here). */
export function PlaylistsPage() {
  const t = useT();
  const duration = useDuration();
  const { loaded, reload } = useLoad(() => api.playlists(), [], ['schedule']);
  const playlists = loaded.state === 'ok' ? loaded.value.filter((p) => !p.id.startsWith(ANNOUNCEMENT_ID_PREFIX)) : [];
  return (
    <section className="bc-page" aria-labelledby="playlists-title">
      <div className="bc-page__head">
        <h1 id="playlists-title" tabIndex={-1}>
          {t('playlistsTitle')}
        </h1>
        <a className="bc-button" href={hrefOf({ page: 'playlist', id: NEW })}>
          {t('newPlaylist')}
        </a>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' && playlists.length === 0 ? <Empty>{t('noPlaylists')}</Empty> : null}
      <ul className="bc-list bc-list--links">
        {playlists.map((p) => (
          <li key={p.id} data-playlist-id={p.id}>
            <a href={hrefOf({ page: 'playlist', id: p.id })}>
              <Data>{p.name}</Data>
            </a>
            <span className="bc-muted">
              {t('playlistSummary', { n: p.items.length, duration: duration(p.durationMs) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
