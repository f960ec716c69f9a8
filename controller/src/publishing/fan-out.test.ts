import { ErrorCode, type Manifest, err, ok } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { fanOut } from './fan-out';

/** Only the fields fan-out passes along; a manifest's body does not matter here. */
const manifestOf = (screenId: string) => ({ screenId, version: 1 }) as unknown as Manifest;

describe('fan-out publishing', () => {
  it('publishes every screen once, commits per batch, and keeps one batch of sends in flight while the next compiles', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `s-${String(i).padStart(2, '0')}`);
    let commits = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const sent: string[] = [];
    const outcomes = await fanOut(
      [...ids, ...ids.slice(0, 5)], // an id named twice is published once
      {
        prepare: async (id) =>
          id === 's-03' ? err({ code: ErrorCode.validation, message: 'bad item' }) : ok(manifestOf(id)),
        store: (id, manifest) => {
          if (id === 's-07') throw new Error('disk full');
          return { manifest, signed: `signed ${id}` };
        },
        send: async (id) => {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          if (id === 's-11') throw new Error('broker gone');
          sent.push(id);
        },
        transaction: (work) => {
          commits += 1;
          return work();
        },
      },
      10,
    );
    expect(outcomes.size).toBe(50);
    expect(sent.sort()).toEqual(ids.filter((id) => !['s-03', 's-07', 's-11'].includes(id)));
    expect(outcomes.get('s-03')).toMatchObject({ ok: false, error: { code: ErrorCode.validation } });
    expect(outcomes.get('s-07')).toMatchObject({ ok: false, error: { code: ErrorCode.brokerUnavailable } });
    expect(outcomes.get('s-11')).toMatchObject({ ok: false, error: { message: 'Error: broker gone' } });
    expect(outcomes.get('s-49')).toMatchObject({ ok: true });
    // 5 batches, each one commit around a savepoint per screen.
    expect(commits).toBe(5 + 49);
    expect(mostInFlight).toBe(10);
  });
});
