import { parsePlayerTopic, parseScreenTopic } from '@baruga/protocol';
import type { PlayersRepository } from '../players/players-repository';

/** Who may connect to the embedded broker as a player, and which topics each may reach. */
export interface PlayerAccess {
  /** Whether clients without credentials may connect (they reach only unclaimed screens). */
  readonly allowAnonymous: boolean;
  authenticate(username: string, password: string): { ok: true; playerId: string } | { ok: false; revoked: boolean };
  /** `playerId` null: an anonymous client. */
  mayPublish(playerId: string | null, topic: string): boolean;
  maySubscribe(playerId: string | null, topic: string): boolean;
}

/** What a player sends about a screen it drives, and what it reads. */
const PUBLISH_KINDS = new Set(['status', 'heartbeat', 'pop', 'acks']);
const SUBSCRIBE_KINDS = new Set(['manifest', 'status', 'commands', 'pop-ack']);

/**
 * The broker's rules for players (DESIGN.md, "Trust nothing on the wire"): an enrolled player reaches
 * the topics of the screens assigned to it and its own player topic, checked on every packet so a
 * reassignment or revocation applies at once; an anonymous client (a browser opened at
 * /player/?screen=…, when allowed) reaches only screens no player has claimed. Exact topics only.
 */
export function createPlayerAccess(players: PlayersRepository, options: { allowAnonymous: boolean }): PlayerAccess {
  const screenAllowed = (playerId: string | null, screenId: string): boolean => {
    if (playerId === null) return options.allowAnonymous && !players.isClaimed(screenId);
    const player = players.get(playerId);
    return player?.state === 'active' && player.screens.includes(screenId);
  };
  const check = (playerId: string | null, topic: string, kinds: Set<string>, playerKinds: Set<string>) => {
    if (/[+#]/.test(topic)) return false;
    const screen = parseScreenTopic(topic);
    if (screen) return kinds.has(screen.kind) && screenAllowed(playerId, screen.screenId);
    const player = parsePlayerTopic(topic);
    if (player && playerId !== null && player.playerId === playerId && playerKinds.has(player.kind)) {
      return players.get(playerId)?.state === 'active';
    }
    return false;
  };
  return {
    allowAnonymous: options.allowAnonymous,
    authenticate(username, password) {
      const player = players.authenticate(username, password);
      if (player?.state === 'active') return { ok: true, playerId: player.id };
      return { ok: false, revoked: player?.state === 'revoked' };
    },
    mayPublish: (playerId, topic) => check(playerId, topic, PUBLISH_KINDS, new Set()),
    maySubscribe: (playerId, topic) => check(playerId, topic, SUBSCRIBE_KINDS, new Set(['commands'])),
  };
}
