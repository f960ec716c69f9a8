import {
  AlertNotice,
  type AlertEndReason,
  type AlertOrigin,
  type AlertScreenState,
  type CapMsgType,
  type CapScope,
  type CapStatus,
} from '@baruga/protocol';
import type { Db } from '../db/database';

export interface StoredAlert {
  id: string;
  origin: AlertOrigin;
  identifier: string;
  sender: string;
  sentAt: string;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
  references: string[];
  notice: AlertNotice;
  notShownBecause: string | null;
  receivedAt: string;
  expiresAt: string;
  endedAt: string | null;
  endedReason: AlertEndReason | null;
}

interface RawAlert {
  id: string;
  origin: string;
  identifier: string;
  sender: string;
  sent_at: string;
  status: string;
  msg_type: string;
  scope: string;
  refs: string;
  notice: string;
  not_shown_because: string | null;
  received_at: string;
  expires_at: string;
  ended_at: string | null;
  ended_reason: string | null;
}

function toAlert(r: RawAlert): StoredAlert {
  // Columns are CHECKed against these vocabularies, and written only from parsed messages.
  return {
    id: r.id,
    origin: r.origin as AlertOrigin,
    identifier: r.identifier,
    sender: r.sender,
    sentAt: r.sent_at,
    status: r.status as CapStatus,
    msgType: r.msg_type as CapMsgType,
    scope: r.scope as CapScope,
    references: JSON.parse(r.refs) as string[],
    notice: AlertNotice.parse(JSON.parse(r.notice)),
    notShownBecause: r.not_shown_because,
    receivedAt: r.received_at,
    expiresAt: r.expires_at,
    endedAt: r.ended_at,
    endedReason: r.ended_reason as AlertEndReason | null,
  };
}

export interface AlertAckRecord {
  alertId: string;
  screenId: string;
  ackAt: string;
  shownAt: string;
  latencyMs: number;
  playerId: string | null;
}

export type NewAlert = Omit<StoredAlert, 'endedAt' | 'endedReason'> & {
  endedReason?: AlertEndReason;
  document?: string | null;
};

/** Alerts, the screens each went to and their acknowledgements, and the BMKG quakes seen. */
export function createAlertsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO alerts (id, origin, identifier, sender, sent_at, status, msg_type, scope, refs, notice,
       not_shown_because, received_at, expires_at, ended_at, ended_reason, document)
     VALUES (@id, @origin, @identifier, @sender, @sentAt, @status, @msgType, @scope, @refs, @notice,
       @notShownBecause, @receivedAt, @expiresAt, @endedAt, @endedReason, @document)`,
  );
  const target = db.prepare('INSERT OR IGNORE INTO alert_screens (alert_id, screen_id) VALUES (?, ?)');
  const one = db.prepare<[string], RawAlert>('SELECT * FROM alerts WHERE id = ?');
  const byMessage = db.prepare<[string, string, string], RawAlert>(
    'SELECT * FROM alerts WHERE sender = ? AND identifier = ? AND sent_at = ?',
  );
  const byIdentity = db.prepare<[string, string], RawAlert>(
    'SELECT * FROM alerts WHERE sender = ? AND identifier = ? ORDER BY received_at',
  );
  const active = db.prepare<[], RawAlert>('SELECT * FROM alerts WHERE ended_at IS NULL ORDER BY received_at DESC');
  const recent = db.prepare<[number], RawAlert>('SELECT * FROM alerts ORDER BY received_at DESC, rowid DESC LIMIT ?');
  const end = db.prepare(
    'UPDATE alerts SET ended_at = @at, ended_reason = @reason WHERE id = @id AND ended_at IS NULL',
  );
  const screens = db.prepare<
    [string],
    { screen_id: string; ack_at: string | null; shown_at: string | null; latency_ms: number | null }
  >('SELECT screen_id, ack_at, shown_at, latency_ms FROM alert_screens WHERE alert_id = ? ORDER BY screen_id');
  const ack = db.prepare(
    `UPDATE alert_screens SET ack_at = @ackAt, shown_at = @shownAt, latency_ms = @latencyMs, player_id = @playerId
     WHERE alert_id = @alertId AND screen_id = @screenId AND ack_at IS NULL`,
  );
  const quakeSeen = db.prepare<[string], { key: string }>('SELECT key FROM bmkg_quakes WHERE key = ?');
  const quakeInsert = db.prepare('INSERT OR IGNORE INTO bmkg_quakes (key, seen_at, alert_id) VALUES (?, ?, ?)');

  return {
    /** The alert and the screens it goes to, in one transaction. */
    create(alert: NewAlert, screenIds: readonly string[]): void {
      db.transaction(() => {
        insert.run({
          ...alert,
          refs: JSON.stringify(alert.references),
          notice: JSON.stringify(alert.notice),
          endedAt: alert.endedReason ? alert.receivedAt : null,
          endedReason: alert.endedReason ?? null,
          document: alert.document ?? null,
        });
        for (const s of screenIds) target.run(alert.id, s);
      })();
    },
    get(id: string): StoredAlert | null {
      const row = one.get(id);
      return row ? toAlert(row) : null;
    },
    byMessage(sender: string, identifier: string, sent: string): StoredAlert | null {
      const row = byMessage.get(sender, identifier, sent);
      return row ? toAlert(row) : null;
    },
    /** Every message with this sender and identifier (what a CAP reference names). */
    byIdentity: (sender: string, identifier: string): StoredAlert[] => byIdentity.all(sender, identifier).map(toAlert),
    active: (): StoredAlert[] => active.all().map(toAlert),
    recent: (limit: number): StoredAlert[] => recent.all(limit).map(toAlert),
    /** False when it had already ended. */
    end: (id: string, reason: AlertEndReason, at: string): boolean => end.run({ id, reason, at }).changes > 0,
    screens(id: string): AlertScreenState[] {
      return screens.all(id).map((r) => ({
        screenId: r.screen_id,
        ackAt: r.ack_at,
        shownAt: r.shown_at,
        latencyMs: r.latency_ms,
      }));
    },
    /**
     * Acknowledgements, in one transaction: a fan-out to ten thousand screens comes back as ten thousand of them
     * within a second, and one commit each would cost more than everything else the controller does for them. The
     * first acknowledgement of each screen counts; repeats (a reconnect repainting it) change nothing.
     */
    acknowledge(acks: readonly AlertAckRecord[]): void {
      db.transaction(() => {
        for (const a of acks) ack.run(a);
      })();
    },
    quakeSeen: (key: string): boolean => quakeSeen.get(key) !== undefined,
    rememberQuake: (key: string, at: string, alertId: string | null): void => {
      quakeInsert.run(key, at, alertId);
    },
  };
}
export type AlertsRepository = ReturnType<typeof createAlertsRepository>;
