import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, decodeMessage, kindsReadBy, kindsWrittenBy, messages } from './messages';
import { filterFor, parseTopic, topicFor, topicMatches, topics } from './topics';

describe('the message table', () => {
  it('gives every kind its own topic, which parses back to the kind and id', () => {
    const seen = new Set<string>();
    for (const kind of MESSAGE_KINDS) {
      const topic = topicFor(kind, 'lobi-1');
      expect(seen.has(topic), topic).toBe(false);
      seen.add(topic);
      expect(parseTopic(topic)).toEqual({ kind, id: 'lobi-1' });
    }
    expect(topics.heartbeat('lobi-1')).toBe('baruga/v1/screens/lobi-1/heartbeat');
    expect(topics.playerCommands('p-abc')).toBe('baruga/v1/players/p-abc/commands');
    expect(parseTopic(topics.commands('lobi-1'))).toEqual({ kind: 'commands', id: 'lobi-1' });
    expect(parseTopic(topics.playerCommands('p-abc'))).toEqual({ kind: 'playerCommands', id: 'p-abc' });
    expect(topics.feed('apbd-2025')).toBe('baruga/v1/feeds/apbd-2025/data');
    expect(topics.alert('lobi-1')).toBe('baruga/v1/screens/lobi-1/alert');
    expect(parseTopic('baruga/v1/feeds/apbd-2025/update')).toEqual({ kind: 'feedUpdate', id: 'apbd-2025' });
  });

  it('parses nothing outside the table, and no wildcard as an id', () => {
    for (const topic of [
      'baruga/v1/screens/x',
      'other/v1/screens/x/status',
      'baruga/v1/screens/x/unknown',
      'baruga/v1/players/p/status',
      'baruga/v1/screens/+/status',
      'baruga/v1/screens/#',
      'baruga/v1/screens/x/status/extra',
    ]) {
      expect(parseTopic(topic), topic).toBeNull();
    }
    expect(filterFor('status')).toBe('baruga/v1/screens/+/status');
  });

  it('has one writer per kind, and every kind is read by the other side', () => {
    for (const kind of MESSAGE_KINDS) {
      const row = messages[kind];
      expect(row.to, kind).not.toContain(row.from);
      expect(row.to.length, kind).toBeGreaterThan(0);
    }
    expect(kindsWrittenBy('player').sort()).toEqual(['acks', 'alertAck', 'heartbeat', 'pop', 'status']);
    expect(kindsReadBy('controller').sort()).toEqual(['acks', 'alertAck', 'heartbeat', 'pop', 'status']);
    expect(kindsReadBy('player').sort()).toEqual([
      'alert',
      'commands',
      'feed',
      'feedUpdate',
      'manifest',
      'playerCommands',
      'popAck',
    ]);
  });
});

describe('decodeMessage', () => {
  const online = { playerId: 'p1', state: 'online', at: '2026-11-30T08:00:00.000Z' };

  it('reads a message that is JSON and fits its kind, from bytes or text', () => {
    const bytes = decodeMessage(
      'status',
      Uint8Array.from(JSON.stringify(online), (c) => c.charCodeAt(0)),
    );
    expect(bytes.ok && bytes.value.state).toBe('online');
    const text = decodeMessage('status', JSON.stringify(online));
    expect(text.ok && text.value.playerId).toBe('p1');
  });

  it('says which check a message failed', () => {
    expect(decodeMessage('status', '{"state":')).toEqual({ ok: false, problem: 'is not JSON', issues: [] });
    expect(decodeMessage('status', '')).toEqual({ ok: false, problem: 'is empty', issues: [] });
    const wrong = decodeMessage('status', JSON.stringify({ ...online, state: 'asleep' }));
    expect(!wrong.ok && wrong.problem).toBe('failed its schema');
    expect(!wrong.ok && wrong.issues.length).toBeGreaterThan(0);
    const huge = decodeMessage(
      'status',
      JSON.stringify({ ...online, userAgent: 'x'.repeat(messages.status.maxBytes) }),
    );
    expect(!huge.ok && huge.problem).toBe('is too large');
  });
});

describe('topicMatches', () => {
  it('matches + as one level and # as the rest, and keeps wildcards off $-topics', () => {
    expect(topicMatches('baruga/v1/screens/+/status', 'baruga/v1/screens/lounge-1/status')).toBe(true);
    expect(topicMatches('baruga/v1/screens/+/status', 'baruga/v1/screens/lounge-1/manifest')).toBe(false);
    expect(topicMatches('baruga/v1/screens/+/status', 'baruga/v1/screens/a/b/status')).toBe(false);
    expect(topicMatches('baruga/#', 'baruga/v1/screens/a/status')).toBe(true);
    expect(topicMatches('baruga/v1', 'baruga/v1/screens')).toBe(false);
    expect(topicMatches('#', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('+/broker/uptime', '$SYS/broker/uptime')).toBe(false);
    expect(topicMatches('$SYS/#', '$SYS/broker/uptime')).toBe(true);
  });
});
