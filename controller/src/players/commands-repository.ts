import type { CommandName, CommandParams, CommandState, CommandView } from '@baruga/protocol';
import type { Db } from '../db/database';

interface RawCommand {
  id: string;
  name: string;
  params: string;
  target_kind: string;
  target_id: string;
  issued_by: string;
  issued_at: string;
  expires_at: string;
  state: string;
  acked_at: string | null;
  code: string | null;
  message: string | null;
  screen_id: string | null;
  screenshot_sha256: string | null;
}

export interface NewCommand {
  id: string;
  name: CommandName;
  params: CommandParams;
  target: { kind: 'screen' | 'player'; id: string };
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  /**
   * `sent`: for a screen no enrolled player drives; its anonymous tabs may not acknowledge, so none is awaited
   * (and the message says why). Otherwise pending until an acknowledgement or expiry.
   */
  unacknowledged?: { message: string };
}

const toView = (r: RawCommand): CommandView => ({
  id: r.id,
  name: r.name as CommandName, // written only through IssueCommand
  params: JSON.parse(r.params) as CommandParams,
  target: { kind: r.target_kind as 'screen' | 'player', id: r.target_id },
  state: r.state as CommandState,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  ackedAt: r.acked_at,
  code: r.code,
  message: r.message,
  screenId: r.screen_id,
  screenshot: r.screenshot_sha256 ? { sha256: r.screenshot_sha256, url: `/content/${r.screenshot_sha256}` } : null,
});

export function createCommandsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO commands (id, name, params, target_kind, target_id, issued_by, issued_at, expires_at, state, message)
     VALUES (@id, @name, @params, @targetKind, @targetId, @issuedBy, @issuedAt, @expiresAt, @state, @message)`,
  );
  const one = db.prepare<[string], RawCommand>('SELECT * FROM commands WHERE id = ?');
  const forTarget = db.prepare<[string, string, number], RawCommand>(
    'SELECT * FROM commands WHERE target_kind = ? AND target_id = ? ORDER BY issued_at DESC LIMIT ?',
  );
  const forScreen = db.prepare<[string, string, number], RawCommand>(
    `SELECT * FROM commands WHERE (target_kind = 'screen' AND target_id = ?) OR screen_id = ?
     ORDER BY issued_at DESC LIMIT ?`,
  );
  const pendingFor = db.prepare<[string, string, string], RawCommand>(
    "SELECT * FROM commands WHERE state = 'pending' AND target_kind = ? AND target_id = ? AND expires_at > ? ORDER BY issued_at",
  );
  // The first acknowledgement decides; later ones (another window of the same player) change nothing.
  const ack = db.prepare(
    `UPDATE commands SET state = @state, acked_at = @ackedAt, code = @code, message = @message, screen_id = @screenId
     WHERE id = @id AND state = 'pending'`,
  );
  const expire = db.prepare(
    `UPDATE commands SET state = 'expired', code = 'BARUGA_ERR_COMMAND_EXPIRED',
       message = 'no player answered before the command expired'
     WHERE state = 'pending' AND expires_at <= ?`,
  );
  const setScreenshot = db.prepare(
    'UPDATE commands SET screenshot_sha256 = ?, screen_id = coalesce(screen_id, ?) WHERE id = ? AND screenshot_sha256 IS NULL',
  );
  const latestShot = db.prepare<[string], { screenshot_sha256: string; acked_at: string | null; issued_at: string }>(
    `SELECT screenshot_sha256, acked_at, issued_at FROM commands
     WHERE screen_id = ? AND screenshot_sha256 IS NOT NULL ORDER BY issued_at DESC LIMIT 1`,
  );
  const latestShots = db.prepare<[], { sha256: string }>(
    `SELECT c.screenshot_sha256 AS sha256 FROM commands c
     WHERE c.screenshot_sha256 IS NOT NULL AND c.issued_at = (
       SELECT max(issued_at) FROM commands WHERE screen_id = c.screen_id AND screenshot_sha256 IS NOT NULL)`,
  );

  return {
    create(command: NewCommand): CommandView {
      insert.run({
        id: command.id,
        name: command.name,
        params: JSON.stringify(command.params),
        targetKind: command.target.kind,
        targetId: command.target.id,
        issuedBy: command.issuedBy,
        issuedAt: command.issuedAt,
        expiresAt: command.expiresAt,
        state: command.unacknowledged ? 'sent' : 'pending',
        message: command.unacknowledged?.message ?? null,
      });
      const created = one.get(command.id);
      if (!created) throw new Error(`command ${command.id} vanished after insert`);
      return toView(created);
    },
    get: (id: string): CommandView | null => {
      const r = one.get(id);
      return r ? toView(r) : null;
    },
    forTarget: (kind: 'screen' | 'player', id: string, limit = 20): CommandView[] =>
      forTarget.all(kind, id, limit).map(toView),
    /** Commands aimed at a screen or answered by it (player commands), newest first. */
    forScreen: (screenId: string, limit = 20): CommandView[] => forScreen.all(screenId, screenId, limit).map(toView),
    pendingFor: (kind: 'screen' | 'player', id: string, now = new Date()): CommandView[] =>
      pendingFor.all(kind, id, now.toISOString()).map(toView),
    /** True when this acknowledgement was the first for a pending command. */
    acknowledge(a: { id: string; ok: boolean; code: string; message: string; screenId: string; at: Date }): boolean {
      return (
        ack.run({
          id: a.id,
          state: a.ok ? 'ok' : 'failed',
          ackedAt: a.at.toISOString(),
          code: a.code,
          message: a.message,
          screenId: a.screenId,
        }).changes > 0
      );
    },
    expireDue: (now = new Date()): number => expire.run(now.toISOString()).changes,
    attachScreenshot: (id: string, screenId: string, sha256: string): boolean =>
      setScreenshot.run(sha256, screenId, id).changes > 0,
    /** Each screen's newest screenshot: what the console shows for it, so the garbage collector keeps them. */
    latestScreenshots: (): string[] => latestShots.all().map((r) => r.sha256),
    latestScreenshot(screenId: string): { sha256: string; takenAt: string } | null {
      const r = latestShot.get(screenId);
      return r ? { sha256: r.screenshot_sha256, takenAt: r.acked_at ?? r.issued_at } : null;
    },
  };
}
export type CommandsRepository = ReturnType<typeof createCommandsRepository>;
