import crypto from 'node:crypto';
import {
  type AlertAccepted,
  type AlertAck,
  type AlertEndReason,
  type AlertNotice,
  type AlertView,
  type CapMessage,
  type CreateAlert,
  MAX_ALERTS_PER_SCREEN,
  type ScreenAlerts,
} from '@baruga/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { Messaging } from '../messaging/messaging';
import { type Timers, realTimers } from '../sources/source-runner';
import type { AlertAckRecord, AlertsRepository, NewAlert, StoredAlert } from './alerts-repository';
import type { AlertSettingsStore } from './alert-settings';
import { allClearNotice, noticeOfCap, noticeOfManual } from './notices';
import { type ScreenFacts, audienceReason, capTargets } from './targeting';

/** How long acknowledgements wait in memory to be written in one transaction. */
const ACK_WRITE_DELAY_MS = 50;

/** How long the all-clear notice stays up. */
export const ALL_CLEAR_SECONDS = 20;

interface Live {
  alert: StoredAlert;
  screens: Set<string>;
  /** `performance.now()` when the alert arrived: acknowledgements are timed against it. */
  arrived: number;
}

/**
 * The life of alerts (docs/alerts.md): a message arrives (CAP pushed or polled, a BMKG quake, an operator), is
 * stored with the screens it reaches, and each of those screens gets its whole set of active notices at once,
 * retained (QoS 1) so a player that reconnects shows it; an Update or Cancel, an expiry or an operator ends one, and
 * the screens get their new set (none: the retained message is cleared). Players acknowledge each notice they paint;
 * the time from arrival to acknowledgement is kept per screen.
 */
export function createAlertService(deps: {
  repos: Repositories;
  alerts: AlertsRepository;
  settings: AlertSettingsStore;
  messaging: Messaging;
  log: FastifyBaseLogger;
  timers?: Timers;
  /** Told whenever the stored alerts change on their own (a feed, an expiry), for the console's live updates. */
  onChange?: () => void;
}) {
  const { repos, alerts, messaging, log } = deps;
  const changed = deps.onChange ?? (() => undefined);
  const timers = deps.timers ?? realTimers;
  const live = new Map<string, Live>();
  let expiryTimer: { cancel(): void } | null = null;
  /**
   * Acknowledgements timed on arrival and written together ACK_WRITE_DELAY_MS after the first of a burst, so the
   * writing waits until the burst has been heard instead of slowing the rest of it; the console hears of each batch
   * once. Whatever reads them (`view`) writes them first. One a crash loses comes again: a player acknowledges the
   * notices in force whenever it reconnects.
   */
  let unwritten: AlertAckRecord[] = [];
  let ackTimer: ReturnType<typeof setTimeout> | null = null;
  const writeAcks = () => {
    if (ackTimer) clearTimeout(ackTimer);
    ackTimer = null;
    if (unwritten.length === 0) return;
    const batch = unwritten;
    unwritten = [];
    alerts.acknowledge(batch);
    changed();
  };

  const screenFacts = (): ScreenFacts[] => repos.screens.facts();

  /** Each screen's active notices, newest first; screens with the same set share one encoding. */
  async function publish(screenIds: Iterable<string>): Promise<void> {
    const sentAt = new Date().toISOString();
    const ordered = [...live.values()].sort((a, b) => b.arrived - a.arrived);
    const encodings = new Map<string, string>();
    const sends: Promise<void>[] = [];
    for (const screen of new Set(screenIds)) {
      const notices: AlertNotice[] = [];
      for (const l of ordered) {
        if (l.screens.has(screen)) notices.push(l.alert.notice);
        if (notices.length === MAX_ALERTS_PER_SCREEN) break;
      }
      const key = notices.map((n) => n.id).join(',');
      let payload = encodings.get(key);
      if (payload === undefined) {
        const message: ScreenAlerts = { sentAt, alerts: notices };
        payload = JSON.stringify(message);
        encodings.set(key, payload);
      }
      const send = messaging.sendEncoded('alert', screen, payload);
      // None left: current players hear the empty set, and the retained message goes so new ones hear nothing.
      sends.push(notices.length > 0 ? send : send.then(() => messaging.clearRetained('alert', screen)));
    }
    const results = await Promise.allSettled(sends);
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed > 0) log.error({ failed }, 'alert not sent to every screen (broker unavailable?)');
  }

  function scheduleExpiry(): void {
    expiryTimer?.cancel();
    expiryTimer = null;
    let first = Infinity;
    for (const l of live.values()) first = Math.min(first, Date.parse(l.alert.expiresAt));
    if (!Number.isFinite(first)) return;
    expiryTimer = timers.set(() => void expireDue(), Math.max(0, first - Date.now()) + 5);
  }

  async function expireDue(): Promise<void> {
    const now = Date.now();
    const affected = new Set<string>();
    for (const [id, l] of live) {
      if (Date.parse(l.alert.expiresAt) > now) continue;
      alerts.end(id, 'expired', new Date(now).toISOString());
      live.delete(id);
      for (const s of l.screens) affected.add(s);
    }
    scheduleExpiry();
    if (affected.size > 0) changed();
    await publish(affected);
  }

  /** Ends alerts and tells their screens; returns the ids that were still active. */
  async function end(ids: readonly string[], reason: AlertEndReason): Promise<string[]> {
    const at = new Date().toISOString();
    const ended: string[] = [];
    const affected = new Set<string>();
    for (const id of ids) {
      if (!alerts.end(id, reason, at)) continue;
      ended.push(id);
      for (const s of live.get(id)?.screens ?? []) affected.add(s);
      live.delete(id);
    }
    if (ended.length) {
      scheduleExpiry();
      changed();
      await publish(affected);
    }
    return ended;
  }

  /**
   * Stores a new alert and puts it on its screens. One that reaches no screen stays active (the console shows why)
   * until it expires; one already expired on arrival is recorded as ended.
   */
  async function start(alert: NewAlert, screens: readonly string[], arrived: number): Promise<void> {
    const over = !alert.endedReason && Date.parse(alert.expiresAt) <= Date.now();
    const record: NewAlert = over
      ? { ...alert, endedReason: 'expired', notShownBecause: 'it had already expired when it arrived' }
      : alert;
    const shown = !record.endedReason;
    alerts.create(record, shown ? screens : []);
    changed();
    if (!shown) return;
    live.set(alert.id, { alert: { ...record, endedAt: null, endedReason: null }, screens: new Set(screens), arrived });
    scheduleExpiry();
    if (screens.length > 0) await publish(screens);
  }

  function view(a: StoredAlert): AlertView {
    writeAcks();
    const screens = alerts.screens(a.id);
    return {
      id: a.id,
      origin: a.origin,
      identifier: a.identifier,
      sender: a.sender,
      sentAt: a.sentAt,
      status: a.status,
      msgType: a.msgType,
      scope: a.scope,
      references: a.references,
      state: a.endedAt ? 'ended' : 'active',
      endedReason: a.endedReason,
      notShownBecause: a.notShownBecause,
      receivedAt: a.receivedAt,
      expiresAt: a.expiresAt,
      endedAt: a.endedAt,
      notice: a.notice,
      screens,
      acknowledged: screens.filter((s) => s.ackAt !== null).length,
    };
  }

  /** The alerts a CAP Update or Cancel names that are still on screens. */
  function referenced(message: CapMessage): string[] {
    return message.references.flatMap((r) =>
      alerts
        .byIdentity(r.sender, r.identifier)
        .filter((a) => !a.endedAt && (!r.sent || Date.parse(a.sentAt) === Date.parse(r.sent)))
        .map((a) => a.id),
    );
  }

  return {
    view,
    get: (id: string) => alerts.get(id),

    /** A CAP message, pushed or polled; idempotent by (sender, identifier, sent). */
    async receiveCap(
      message: CapMessage,
      origin: 'cap' | 'cap-feed',
      document: string,
      arrived: number,
    ): Promise<AlertAccepted> {
      const sent = new Date(Date.parse(message.sent)).toISOString();
      const known = alerts.byMessage(message.sender, message.identifier, sent);
      if (known) {
        return {
          id: known.id,
          identifier: known.identifier,
          msgType: known.msgType,
          screens: 0,
          ended: [],
          duplicate: true,
        };
      }
      const receivedAt = Date.now();
      const settings = deps.settings.get();
      const { notice, expiresAt } = noticeOfCap(message, receivedAt, {
        durationMinutes: settings.defaultDurationMinutes,
        sound: settings.sound,
      });
      const targets = capTargets(message, screenFacts());
      const id = crypto.randomUUID();
      const cancels = message.msgType === 'Cancel';
      await start(
        {
          id,
          origin,
          identifier: message.identifier,
          sender: message.sender,
          sentAt: sent,
          status: message.status,
          msgType: message.msgType,
          scope: message.scope,
          references: message.references.map((r) => `${r.sender},${r.identifier},${r.sent}`),
          notice: { ...notice, id },
          notShownBecause: targets.none,
          receivedAt: new Date(receivedAt).toISOString(),
          expiresAt,
          document: document.slice(0, 256 * 1024),
          ...(cancels ? { endedReason: 'cancelled' as const } : {}),
        },
        targets.screens,
        arrived,
      );
      const ended =
        message.msgType === 'Update' || cancels
          ? await end(referenced(message), cancels ? 'cancelled' : 'superseded')
          : [];
      return {
        id,
        identifier: message.identifier,
        msgType: message.msgType,
        screens: targets.screens.length,
        ended,
        duplicate: false,
      };
    },

    /** An operator's alert to screens, groups or every screen. */
    async createManual(body: CreateAlert, arrived: number): Promise<AlertAccepted> {
      const now = Date.now();
      const id = crypto.randomUUID();
      const notice = { ...noticeOfManual(body, now), id };
      const status = body.exercise ? 'Exercise' : 'Actual';
      const named = new Set(repos.schedules.screensTargeted({ ...body.targets, walls: [] }));
      const screens = screenFacts().filter((s) => named.has(s.id) && audienceReason(status, 'Public', s) === null);
      await start(
        {
          id,
          origin: 'manual',
          identifier: `baruga-${id}`,
          sender: 'baruga',
          sentAt: notice.sentAt,
          status,
          msgType: 'Alert',
          scope: 'Public',
          references: [],
          notice,
          notShownBecause: screens.length ? null : 'none of the screens named can show it',
          receivedAt: new Date(now).toISOString(),
          expiresAt: notice.expiresAt,
        },
        screens.map((s) => s.id),
        arrived,
      );
      return { id, identifier: `baruga-${id}`, msgType: 'Alert', screens: screens.length, ended: [], duplicate: false };
    },

    /** Any other origin's alert (BMKG), already built, to the screens it reaches. */
    raise: (alert: NewAlert, screens: readonly string[]) => start(alert, screens, performance.now()),

    /** An operator ends an alert; with `allClear` the same screens get a short all-clear notice. */
    async clear(id: string, allClear: boolean): Promise<boolean> {
      const screens = [...(live.get(id)?.screens ?? [])];
      const ended = await end([id], 'cleared');
      if (ended.length === 0) return false;
      if (allClear && screens.length > 0) {
        const now = Date.now();
        const notice = allClearNotice(now, ALL_CLEAR_SECONDS);
        await start(
          {
            id: notice.id,
            origin: 'manual',
            identifier: `baruga-${notice.id}`,
            sender: 'baruga',
            sentAt: notice.sentAt,
            status: 'Actual',
            msgType: 'Alert',
            scope: 'Public',
            references: [id],
            notice,
            notShownBecause: null,
            receivedAt: new Date(now).toISOString(),
            expiresAt: notice.expiresAt,
          },
          screens,
          performance.now(),
        );
      }
      return true;
    },

    /** A player painted a notice on one of its screens; the first acknowledgement per screen counts. */
    acknowledge(ack: AlertAck, topicScreen: string): void {
      if (ack.screenId !== topicScreen) return;
      const entry = live.get(ack.alertId);
      const stored = entry?.alert ?? alerts.get(ack.alertId);
      if (!stored) return;
      const latencyMs = entry ? performance.now() - entry.arrived : Date.now() - Date.parse(stored.receivedAt);
      if (unwritten.length === 0) ackTimer = setTimeout(writeAcks, ACK_WRITE_DELAY_MS);
      unwritten.push({
        alertId: ack.alertId,
        screenId: topicScreen,
        ackAt: new Date().toISOString(),
        shownAt: ack.shownAt,
        latencyMs: Math.round(latencyMs * 100) / 100,
        playerId: ack.playerId,
      });
    },

    /** After a restart: active alerts back in memory, and on their screens again (expired ones end now). */
    async resume(): Promise<void> {
      const affected = new Set<string>();
      for (const a of alerts.active()) {
        const screens = alerts.screens(a.id).map((s) => s.screenId);
        live.set(a.id, { alert: a, screens: new Set(screens), arrived: performance.now() });
        for (const s of screens) affected.add(s);
      }
      await expireDue();
      await publish(affected);
    },

    stop(): void {
      writeAcks();
      expiryTimer?.cancel();
      expiryTimer = null;
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
