import { describe, expect, it } from 'vitest';
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
