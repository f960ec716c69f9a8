import type { AlertNotice } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import type { Timers } from '../clock/timers';
import { createAlertIntake } from './alert-intake';
import type { PlayerDb } from './idb';
import { createOwnerScope } from './owner-scope';

const NOW = Date.parse('2026-12-06T04:00:00Z');

const notice = (id: string, minutes: number): AlertNotice => ({
  id,
  kind: 'alert',
  severity: 'Severe',
  exercise: false,
  texts: [{ language: 'id-ID', event: 'Gempa bumi' }],
  credit: 'Sumber · Source: BMKG',
  sentAt: new Date(NOW).toISOString(),
  expiresAt: new Date(NOW + minutes * 60_000).toISOString(),
  sound: false,
});

/** The intake with a link that is up or down, recording every acknowledgement it is asked to publish. */
function intake() {
  let now = NOW;
  const timers: Timers = { now: () => now, after: () => () => undefined, at: () => () => undefined };
  const db = { get: async () => undefined, put: async () => undefined } as unknown as PlayerDb;
  const link = { up: true, sent: [] as { id: string; shownAt: string }[] };
  const alerts = createAlertIntake({
    screenId: 'lobi',
    db,
    timers,
    scope: createOwnerScope(timers),
    onNotices: () => undefined,
    acknowledge(id, shownAt) {
      if (!link.up) return false;
      link.sent.push({ id, shownAt });
      return true;
    },
  });
  const receive = (...notices: AlertNotice[]) =>
    alerts.receive({ ok: true, value: { sentAt: new Date(now).toISOString(), alerts: notices } });
  return { alerts, link, receive, later: (ms: number) => (now += ms) };
}

describe('acknowledging emergency notices (sent at QoS 0)', () => {
  it('acknowledges a painted notice once, however often it is painted', () => {
    const { alerts, link, receive } = intake();
    receive(notice('gempa', 30));
    alerts.painted('gempa');
    alerts.painted('gempa');
    expect(link.sent.map((s) => s.id)).toEqual(['gempa']);
  });

  it('acknowledges every notice in force again on each reconnection, with the time it was first painted', () => {
    const { alerts, link, receive, later } = intake();
    receive(notice('gempa', 30), notice('banjir', 30));
    alerts.painted('gempa');
    alerts.painted('banjir');
    const first = link.sent.map((s) => s.shownAt);
    later(5_000);
    receive(notice('gempa', 30));
    alerts.reconnected();
    expect(link.sent.slice(2)).toEqual([{ id: 'gempa', shownAt: first[0] }]);
  });

  it('keeps an acknowledgement made offline and sends it once back online, even if the notice has ended', () => {
    const { alerts, link, receive } = intake();
    receive(notice('gempa', 30));
    link.up = false;
    alerts.painted('gempa');
    expect(link.sent).toEqual([]);
    receive();
    link.up = true;
    alerts.reconnected();
    alerts.reconnected();
    expect(link.sent.map((s) => s.id)).toEqual(['gempa']);
  });
});
