import type { Migration } from './migration';

/**
 * Alerts (docs/alerts.md). One row per message received (CAP pushed or polled, a BMKG quake, an operator's alert),
 * unique by CAP's (sender, identifier, sent) so a message heard twice is one alert. `notice` is what screens show.
 * `alert_screens` is who it was sent to, and when each screen's player said it painted it: no foreign key to
 * screens, so the record of an alert outlives a screen. `bmkg_quakes` remembers every quake seen, so a poll that
 * sees it again changes nothing.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'alerts',
  up: `
    CREATE TABLE alerts (
      id TEXT PRIMARY KEY,
      origin TEXT NOT NULL CHECK (origin IN ('cap', 'cap-feed', 'bmkg', 'manual')),
      identifier TEXT NOT NULL,
      sender TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('Actual', 'Exercise', 'System', 'Test', 'Draft')),
      msg_type TEXT NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel', 'Ack', 'Error')),
      scope TEXT NOT NULL CHECK (scope IN ('Public', 'Restricted', 'Private')),
      refs TEXT NOT NULL CHECK (json_valid(refs)),
      notice TEXT NOT NULL CHECK (json_valid(notice)),
      not_shown_because TEXT,
      received_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      ended_at TEXT,
      ended_reason TEXT CHECK (ended_reason IN ('expired', 'cancelled', 'cleared', 'superseded')),
      document TEXT,
      CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX alerts_by_message ON alerts(sender, identifier, sent_at);
    CREATE INDEX alerts_by_received ON alerts(received_at);
    CREATE INDEX alerts_active ON alerts(expires_at) WHERE ended_at IS NULL;

    CREATE TABLE alert_screens (
      alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
      screen_id TEXT NOT NULL,
      ack_at TEXT,
      shown_at TEXT,
      latency_ms REAL,
      player_id TEXT,
      PRIMARY KEY (alert_id, screen_id)
    ) STRICT;
    CREATE INDEX alert_screens_by_screen ON alert_screens(screen_id);

    CREATE TABLE bmkg_quakes (
      key TEXT PRIMARY KEY,
      seen_at TEXT NOT NULL,
      alert_id TEXT REFERENCES alerts(id) ON DELETE SET NULL
    ) STRICT;
  `,
};
