import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';
import { createChangeFeed, topicOfAction } from './change-feed';

describe('the change feed', () => {
  it('names the page each audit action changes', () => {
    expect(topicOfAction('screen.create')).toBe('screens');
    expect(topicOfAction('screen.locate')).toBe('screens');
    expect(topicOfAction('screen.groups')).toBe('schedule');
    expect(topicOfAction('source.create')).toBe('sources');
    expect(topicOfAction('source.refresh')).toBe('sources');
    expect(topicOfAction('source.delete')).toBe('sources');
    expect(topicOfAction('source.test')).toBeNull();
    expect(topicOfAction('alert.create')).toBe('alerts');
    expect(topicOfAction('alert.cap')).toBe('alerts');
    expect(topicOfAction('alert.clear')).toBe('alerts');
    expect(topicOfAction('alert.settings')).toBe('alerts');
    expect(topicOfAction('session.create')).toBeNull();
  });

  it('tells a client what changed since it last asked, once per topic', async () => {
    const feed = createChangeFeed();
    // 1. The console asks where the counter is.
    const first = await feed.wait(0, 0);
    // 2. An operator sends an alert; a screen acknowledges it; a source is fetched.
    feed.bump('alerts');
    feed.bump('alerts');
    feed.bump('sources');
    // 3. The next answer names both pages, each once.
    const next = await feed.wait(first.seq, 1000);
    expect(next).toEqual({ seq: first.seq + 3, topics: ['sources', 'alerts'] });
  });
});

describe('which page an action changes', () => {
  it('sends approval decisions and settings to the approval queue, users and tokens to the accounts page', () => {
    expect(topicOfAction('approval.approve')).toBe('approvals');
    expect(topicOfAction('approval.reject')).toBe('approvals');
    expect(topicOfAction('settings.approval')).toBe('approvals');
    expect(topicOfAction('user.create')).toBe('accounts');
    expect(topicOfAction('user.update')).toBe('accounts');
    expect(topicOfAction('token.create')).toBe('accounts');
    expect(topicOfAction('token.revoke')).toBe('accounts');
  });

  it('moves nothing for signing in and out, which no page lists', () => {
    expect(topicOfAction('session.sign-in')).toBeNull();
    expect(topicOfAction('session.sign-out')).toBeNull();
  });
});

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

describe('the live feed and the approval queue', () => {
  it('tells an open queue that a publish to a public screen is waiting, though the publish itself was refused', async () => {
    const { app } = t.controller;
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
    // 1. A public screen with one text on it.
    await call('POST', '/api/screens', { id: 'alun-alun', name: 'Alun-alun', width: 640, height: 360, public: true });
    await call('POST', '/api/screens/alun-alun/items', { type: 'text', props: { body: 'Halo' } });
    const before = (await call('GET', '/api/changes')).json<{ seq: number }>().seq;

    // 2. Publishing it is refused: it waits for a second person.
    const publish = await call('POST', '/api/screens/alun-alun/publish');
    expect(publish.json()).toMatchObject({ error: { code: 'BARUGA_ERR_APPROVAL_REQUIRED' } });

    // 3. A console that follows the queue is told to ask again.
    const changes = (await call('GET', `/api/changes?after=${before}`)).json<{ topics: string[] }>();
    expect(changes.topics).toEqual(['approvals']);
  });
});
