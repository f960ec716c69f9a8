import { messages, parseTopic } from '@baruga/protocol';
import type { PlayersRepository } from '../players/players-repository';

/** Who may connect to the embedded broker as a player, and which topics each may reach. */
export interface PlayerAccess {
  /** Whether clients without credentials may connect (they reach only unclaimed screens). */
  readonly allowAnonymous: boolean;
  authenticate(username: string, password: string): { ok: true; playerId: string } | { ok: false; revoked: boolean };
  /** `playerId` null: an anonymous client. */
  mayPublish(playerId: string | null, packet: { topic: string; bytes: number; retain: boolean }): boolean;
  maySubscribe(playerId: string | null, topic: string): boolean;
}

/**
 * The broker's rules for players (DESIGN.md, "Trust nothing on the wire"), derived from the message table
 * (protocol/src/messages.ts): a player publishes only the kinds players write, no bigger than the kind allows and
 * retained only where the kind is retained, and subscribes only to the kinds players read. An enrolled player
 * reaches the topics of the screens assigned to it, its own player topics and the feeds its screens show, checked on
 * every packet so a reassignment or revocation applies at once; an anonymous client (a browser opened at /player/?screen=…, when
 * allowed) reaches only the kinds open to anonymous players, on screens no player has claimed. Exact topics only.
 */
export function createBrokerRules(
  players: PlayersRepository,
  options: {
    allowAnonymous: boolean;
    /**
     * The screens whose published manifest shows a data source's feed: a player reads a feed only when one of its
     * screens shows it (an anonymous client, when one of the unclaimed screens does). None when absent.
     */
    screensShowing?: (feedId: string) => readonly string[];
  },
): PlayerAccess {
  const showing = options.screensShowing ?? (() => []);
  const reaches = (playerId: string | null, topic: string, direction: 'publish' | 'subscribe'): boolean => {
    const parsed = parseTopic(topic);
    if (!parsed) return false;
    const row = messages[parsed.kind];
    const allowed = direction === 'publish' ? row.from === 'player' : (row.to as readonly string[]).includes('player');
    if (!allowed) return false;
    if (playerId === null) {
      if (!row.anonymous || !options.allowAnonymous) return false;
      if (row.scope === 'feed') return showing(parsed.id).some((screen) => !players.isClaimed(screen));
      return row.scope === 'screen' && !players.isClaimed(parsed.id);
    }
    const player = players.get(playerId);
    if (player?.state !== 'active') return false;
    switch (row.scope) {
      case 'screen':
        return player.screens.includes(parsed.id);
      case 'player':
        return parsed.id === playerId;
      case 'feed':
        return showing(parsed.id).some((screen) => player.screens.includes(screen));
    }
  };
  return {
    allowAnonymous: options.allowAnonymous,
    authenticate(username, password) {
      const player = players.authenticate(username, password);
      if (player?.state === 'active') return { ok: true, playerId: player.id };
      return { ok: false, revoked: player?.state === 'revoked' };
    },
    mayPublish(playerId, packet) {
      const parsed = parseTopic(packet.topic);
      if (!parsed) return false;
      const row = messages[parsed.kind];
      if (packet.bytes > row.maxBytes || (packet.retain && !row.retained)) return false;
      return reaches(playerId, packet.topic, 'publish');
    },
    maySubscribe: (playerId, topic) => reaches(playerId, topic, 'subscribe'),
  };
}
