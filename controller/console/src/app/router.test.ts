import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './router';

describe('the console’s addresses', () => {
  it('reads every page from the fragment and writes it back the same', () => {
    const pages = [
      '#/',
      '#/screens/videotron-1',
      '#/library',
      '#/announcements',
      '#/playlists',
      '#/playlists/pagi',
      '#/layouts',
      '#/layouts/new',
      '#/schedule',
      '#/reports',
      '#/players',
      '#/walls',
      '#/sources',
      '#/alerts',
      '#/approvals',
      '#/users',
      '#/audit',
    ];
    for (const hash of pages) expect(hrefOf(parseRoute(hash))).toBe(hash);
    expect(parseRoute('')).toEqual({ page: 'home' });
  });

  it('answers "not found" for what names no page, rather than guessing', () => {
    expect(parseRoute('#/screens')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/screens/Bad%20Id')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/library/extra')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/alerts/extra')).toEqual({ page: 'not-found' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'not-found' });
  });
});
