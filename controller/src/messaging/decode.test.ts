import { PlayerStatus } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { decodePayload } from './decode';

describe('decodePayload', () => {
  const online = { playerId: 'p1', state: 'online', at: '2026-11-30T08:00:00.000Z' };

  it('reads a message that is JSON and fits its schema', () => {
    const decoded = decodePayload(PlayerStatus, Buffer.from(JSON.stringify(online)));
    expect(decoded.ok && decoded.value.state).toBe('online');
  });

  it('says which of the two a message failed', () => {
    expect(decodePayload(PlayerStatus, Buffer.from('{"state":'))).toEqual({
      ok: false,
      problem: 'is not JSON',
      issues: [],
    });
    const wrong = decodePayload(PlayerStatus, Buffer.from(JSON.stringify({ ...online, state: 'asleep' })));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problem).toBe('failed its schema');
    expect(!wrong.ok && wrong.issues.length).toBeGreaterThan(0);
  });
});
