import { useEffect, useState } from 'react';

/** The console's pages, addressed by the URL's fragment so every page can be bookmarked and opened in a tab. */
export type Route =
  | { page: 'home' }
  | { page: 'screen'; id: string }
  | { page: 'library' }
  | { page: 'announcements' }
  | { page: 'playlists' }
  | { page: 'playlist'; id: string }
  | { page: 'layouts' }
  | { page: 'layout'; id: string }
  | { page: 'schedule' }
  | { page: 'reports' }
  | { page: 'players' }
  | { page: 'walls' }
  | { page: 'sources' }
  | { page: 'alerts' }
  | { page: 'approvals' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'not-found' };

/** `new` in a playlist's or layout's place opens an empty editor. */
export const NEW = 'new';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [page, id] = parts;
  const withId = (make: (id: string) => Route) =>
    id !== undefined && SLUG.test(id) ? make(id) : { page: 'not-found' as const };
  switch (page) {
    case undefined:
      return { page: 'home' };
    case 'screens':
      return withId((id) => ({ page: 'screen', id }));
    case 'library':
    case 'announcements':
    case 'schedule':
    case 'reports':
    case 'players':
    case 'walls':
    case 'sources':
    case 'alerts':
    case 'approvals':
    case 'users':
    case 'audit':
      return parts.length === 1 ? { page } : { page: 'not-found' };
    case 'playlists':
      return id === undefined ? { page: 'playlists' } : withId((id) => ({ page: 'playlist', id }));
    case 'layouts':
      return id === undefined ? { page: 'layouts' } : withId((id) => ({ page: 'layout', id }));
    default:
      return { page: 'not-found' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'screen':
      return `#/screens/${route.id}`;
    case 'playlist':
      return `#/playlists/${route.id}`;
    case 'layout':
      return `#/layouts/${route.id}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}
