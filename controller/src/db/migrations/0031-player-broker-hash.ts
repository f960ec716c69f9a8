import type { Migration } from './migration';

/**
 * Each player's secret also kept as Mosquitto hashes it (`$7$`, PBKDF2-SHA512), so an external Mosquitto can be
 * given a password file for the same credentials (messaging/mosquitto-acl.ts). The secret itself is never kept;
 * a player enrolled before this gets its hash the next time it proves its secret.
 */
export const migration0031: Migration = {
  version: 31,
  name: 'player-broker-hash',
  up: `
    ALTER TABLE players ADD COLUMN broker_hash TEXT CHECK (broker_hash IS NULL OR broker_hash LIKE '$7$%');
  `,
};
