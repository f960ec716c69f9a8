import { ErrorCode } from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

describe('an enrollment flood from one client', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startTestController();
  });
  afterAll(async () => {
    await t.controller.close();
  });

  const enroll = (remoteAddress: string) =>
    t.controller.app.inject({
      method: 'POST',
      url: '/api/players/enroll',
      payload: { host: 'browser' },
      remoteAddress,
    });
  const pending = () =>
    (t.controller.db.prepare("SELECT count(*) AS n FROM players WHERE state = 'pending'").get() as { n: number }).n;

  it('is cut off after a burst with 429 and Retry-After, and leaves the other 190 places to everyone else', async () => {
    // 1. One address asks 200 times at once, as the attacker did.
    const answers = await Promise.all(Array.from({ length: 200 }, () => enroll('203.0.113.7')));
    const created = answers.filter((a) => a.statusCode === 201);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(created).toHaveLength(10);
    expect(refused).toHaveLength(190);
    expect(refused[0]?.json().error.code).toBe(ErrorCode.tooManyRequests);
    expect(Number(refused[0]?.headers['retry-after'])).toBeGreaterThan(0);
    expect(pending()).toBe(10);

    // 2. A new kiosk elsewhere still gets its pairing code.
    const kiosk = await enroll('198.51.100.20');
    expect(kiosk.statusCode).toBe(201);
    expect(kiosk.json()).toMatchObject({ pairingCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/) });
    expect(pending()).toBe(11);
  });
});
