import type { SessionInfo } from '@baruga/protocol';
import { useEffect, useMemo } from 'react';
import { useLiveOnline } from '../api/live';
import { type TextKey, useT } from '../i18n/catalogue';
import { AlertsPage } from '../alerts/alerts-page';
import { AnnouncementsPage } from '../announcements/announcements-page';
import { ApprovalsPage } from '../approvals/approvals-page';
import { AuditPage } from '../audit/audit-page';
import { HomePage } from '../home/home-page';
import { LayoutEditorPage } from '../layouts/layout-editor-page';
import { LayoutsPage } from '../layouts/layouts-page';
import { LibraryPage } from '../library/library-page';
import { PlayersPage } from '../players/players-page';
import { PlaylistEditorPage } from '../playlists/playlist-editor-page';
import { PlaylistsPage } from '../playlists/playlists-page';
import { ReportsPage } from '../reports/reports-page';
import { SchedulePage } from '../schedule/schedule-page';
import { SourcesPage } from '../sources/sources-page';
import { ScreenPage } from '../screens/screen-page';
import { UsersPage } from '../users/users-page';
import { Data } from '../ui/feedback';
import { WallsPage } from '../walls/walls-page';
import { mayOpen } from './access';
import { LanguageSwitch } from './language-switch';
import { type Route, hrefOf, useRoute } from './router';

const NAV: { route: Route; label: TextKey; matches: Route['page'][] }[] = [
  { route: { page: 'home' }, label: 'navHome', matches: ['home', 'screen'] },
  { route: { page: 'announcements' }, label: 'navAnnouncements', matches: ['announcements'] },
  { route: { page: 'library' }, label: 'navLibrary', matches: ['library'] },
  { route: { page: 'playlists' }, label: 'navPlaylists', matches: ['playlists', 'playlist'] },
  { route: { page: 'layouts' }, label: 'navLayouts', matches: ['layouts', 'layout'] },
  { route: { page: 'schedule' }, label: 'navSchedule', matches: ['schedule'] },
  { route: { page: 'reports' }, label: 'navReports', matches: ['reports'] },
  { route: { page: 'players' }, label: 'navPlayers', matches: ['players'] },
  { route: { page: 'walls' }, label: 'navWalls', matches: ['walls'] },
  { route: { page: 'sources' }, label: 'navSources', matches: ['sources'] },
  { route: { page: 'alerts' }, label: 'navAlerts', matches: ['alerts'] },
  { route: { page: 'approvals' }, label: 'navApprovals', matches: ['approvals'] },
  { route: { page: 'users' }, label: 'navUsers', matches: ['users'] },
  { route: { page: 'audit' }, label: 'navAudit', matches: ['audit'] },
];

function Page({ route: asked, session }: { route: Route; session: SessionInfo }) {
  const t = useT();
  // A page the role may not use is answered as one that does not exist (app/access.ts).
  const route: Route = mayOpen(session.role, asked.page) ? asked : { page: 'not-found' };
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'screen':
      return <ScreenPage key={route.id} screenId={route.id} />;
    case 'library':
      return <LibraryPage />;
    case 'announcements':
      return <AnnouncementsPage />;
    case 'playlists':
      return <PlaylistsPage />;
    case 'playlist':
      return <PlaylistEditorPage key={route.id} id={route.id} />;
    case 'layouts':
      return <LayoutsPage />;
    case 'layout':
      return <LayoutEditorPage key={route.id} id={route.id} />;
    case 'schedule':
      return <SchedulePage />;
    case 'reports':
      return <ReportsPage />;
    case 'players':
      return <PlayersPage />;
    case 'walls':
      return <WallsPage />;
    case 'sources':
      return <SourcesPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'approvals':
      return <ApprovalsPage session={session} />;
    case 'users':
      return <UsersPage session={session} />;
    case 'audit':
      return <AuditPage />;
    case 'not-found':
      return (
        <section className="bc-page">
          <h1>{t('notFoundPage')}</h1>
          <a href={hrefOf({ page: 'home' })}>{t('backHome')}</a>
        </section>
      );
  }
}

/** The signed-in console: a header, the menu on the left, and the page. */
export function Shell({
  session,
  onToggleLanguage,
  onSignOut,
}: {
  session: SessionInfo;
  onToggleLanguage: () => void;
  onSignOut: () => void;
}) {
  const t = useT();
  const route = useRoute();
  const online = useLiveOnline();
  const nav = useMemo(() => NAV.filter((n) => mayOpen(session.role, n.route.page)), [session.role]);
  const current = nav.find((n) => n.matches.includes(route.page));
  useEffect(() => {
    document.title = current ? t('pageTitle', { page: t(current.label) }) : t('appTitle');
  }, [current, t]);
  // A new page starts at its top, with focus on its heading for keyboard and screen-reader users.
  useEffect(() => {
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#page h1')?.focus({ preventScroll: true });
  }, [route]);

  return (
    <>
      <a className="bc-skip" href="#page">
        {t('skipToContent')}
      </a>
      <header className="bc-header">
        <p className="bc-header__title">{t('appTitle')}</p>
        <div className="bc-header__tools">
          <LanguageSwitch onToggle={onToggleLanguage} />
          <span className="bc-header__user">
            {t('signedInAs')} <Data>{session.username}</Data>
          </span>
          <button type="button" className="bc-header__button" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <div className="bc-layout">
        <nav className="bc-nav" aria-label={t('mainNav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.label}>
                <a href={hrefOf(n.route)} aria-current={n === current ? 'page' : undefined}>
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="page" className="bc-main" tabIndex={-1}>
          {online ? null : (
            <p className="bc-banner bc-banner--warning" role="status">
              {t('liveOff')}
            </p>
          )}
          <Page route={route} session={session} />
        </main>
      </div>
    </>
  );
}
