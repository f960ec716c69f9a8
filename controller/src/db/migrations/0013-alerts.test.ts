import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../database';
import { migration0013 } from './0013-alerts';
import { migrations } from './index';

const previous = migrations[migrations.indexOf(migration0013) - 1]?.version ?? 0;

const insert = `INSERT INTO alerts (id, origin, identifier, sender, sent_at, status, msg_type, scope, refs, notice,
  received_at, expires_at) VALUES (?, 'cap', ?, 'bmkg@bmkg.go.id', '2025-03-01T08:00:00+08:00', 'Actual', 'Alert',
  'Public', '[]', '{}', 'x', 'y')`;

describe('migration 0013: alerts', () => {
  it('holds one alert per CAP message, with its screens, and ends only with a reason', () => {
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-m12-')), 'b.sqlite'), {
      upTo: previous,
    });
    migrate(db, migrations, 13);
    db.prepare(insert).run('a1', 'BMKG-1');
    // The same sender, identifier and sent time is the same message.
    expect(() => db.prepare(insert).run('a2', 'BMKG-1')).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO alert_screens (alert_id, screen_id) VALUES ('a1', 'lobi')").run();
    expect(() => db.prepare("UPDATE alerts SET ended_at = 'z' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE alerts SET ended_at = 'z', ended_reason = 'cancelled' WHERE id = 'a1'").run();
    db.prepare("INSERT INTO bmkg_quakes (key, seen_at, alert_id) VALUES ('q1', 'x', 'a1')").run();
    db.prepare("DELETE FROM alerts WHERE id = 'a1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM alert_screens').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT alert_id FROM bmkg_quakes').get()).toEqual({ alert_id: null });
    db.close();
  });
});
