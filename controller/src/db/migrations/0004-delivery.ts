import type { Migration } from './migration';

/** Player delivery (docs/delivery.md): enrolled players, heartbeats, proof of play, remote commands. */
export const migration0004: Migration = {
  version: 4,
  name: 'delivery',
  up: `
    -- An enrolled (or enrolling) player. Its secret is kept only as a SHA-256 hash: 32 random bytes
    -- need no slow hash, and a copy of the database connects no one to the broker.
    CREATE TABLE players (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'revoked')),
      pairing_code TEXT,
      code_expires_at TEXT,
      host TEXT NOT NULL,
      host_version TEXT NOT NULL,
      platform TEXT NOT NULL,
      created_at TEXT NOT NULL,
      approved_at TEXT,
      revoked_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX players_by_pairing_code ON players(pairing_code) WHERE pairing_code IS NOT NULL;

    -- Which screens a player drives. A screen with a row here is claimed: anonymous players may no
    -- longer reach its topics (a revoked player's rows stay, so revoking does not reopen its screens).
    CREATE TABLE player_screens (
      player_id TEXT NOT NULL REFERENCES players(id) ON DELETE CASCADE,
      screen_id TEXT NOT NULL REFERENCES screens(id) ON DELETE CASCADE,
      PRIMARY KEY (player_id, screen_id)
    ) STRICT;
    CREATE INDEX player_screens_by_screen ON player_screens(screen_id);

    -- The newest heartbeat of each screen, as received.
    CREATE TABLE screen_heartbeats (
      screen_id TEXT PRIMARY KEY REFERENCES screens(id) ON DELETE CASCADE,
      player_id TEXT NOT NULL,
      received_at TEXT NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body))
    ) STRICT;

    -- Proof of play, one row per item shown, in UTC. The id is made by the player: a batch delivered
    -- twice (an acknowledgement lost on the way) is stored once. No foreign keys: reports outlive screens.
    CREATE TABLE proof_of_play (
      id TEXT NOT NULL,
      player_id TEXT NOT NULL,
      screen_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      item_type TEXT NOT NULL,
      zone_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      manifest_version INTEGER NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX proof_of_play_by_id ON proof_of_play(id);
    CREATE INDEX proof_of_play_by_screen ON proof_of_play(screen_id, started_at);
    CREATE INDEX proof_of_play_by_item ON proof_of_play(item_id, started_at);
    CREATE INDEX proof_of_play_by_start ON proof_of_play(started_at);

    -- Remote commands and their outcome (the first acknowledgement wins).
    CREATE TABLE commands (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      params TEXT NOT NULL CHECK (json_valid(params)),
      target_kind TEXT NOT NULL CHECK (target_kind IN ('screen', 'player')),
      target_id TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'ok', 'failed', 'expired')),
      acked_at TEXT,
      code TEXT,
      message TEXT,
      screen_id TEXT,
      screenshot_sha256 TEXT
    ) STRICT;
    CREATE INDEX commands_by_target ON commands(target_kind, target_id, issued_at);
    CREATE INDEX commands_pending ON commands(state, expires_at) WHERE state = 'pending';
  `,
};
