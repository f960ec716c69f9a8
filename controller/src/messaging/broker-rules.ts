import { messages, parseTopic } from '@baruga/protocol';
import type { PlayerRow, PlayersRepository } from '../players/players-repository';

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
 * reaches the topics of the screens assigned to it and its own player topics, checked on every packet so a
 * reassignment or revocation applies at once; an anonymous client (a browser opened at /player/?screen=…, when
 * allowed) reaches only the kinds open to anonymous players, on screens no player has claimed. Exact topics only.
 */
export function createBrokerRules(players: PlayersRepository, options: { allowAnonymous: boolean }): PlayerAccess {
  // Every packet asks who a player is and whether a screen is claimed: answered from memory until the players
  // change (pairing, reassignment, revocation bump the generation), instead of three queries a packet in a herd.
  let seen = -1;
  let rows = new Map<string, PlayerRow | null>();
  let claims = new Map<string, boolean>();
  const fresh = () => {
    if (players.generation() === seen) return;
    seen = players.generation();
    rows = new Map();
    claims = new Map();
  };
  const player = (id: string): PlayerRow | null => {
    fresh();
    let row = rows.get(id);
    if (row === undefined) {
      row = players.get(id);
      rows.set(id, row);
    }
    return row;
  };
  const claimed = (screenId: string): boolean => {
    fresh();
    let known = claims.get(screenId);
    if (known === undefined) {
      known = players.isClaimed(screenId);
      claims.set(screenId, known);
    }
    return known;
  };
  const reaches = (playerId: string | null, topic: string, direction: 'publish' | 'subscribe'): boolean => {
    const parsed = parseTopic(topic);
    if (!parsed) return false;
    const row = messages[parsed.kind];
    const allowed = direction === 'publish' ? row.from === 'player' : (row.to as readonly string[]).includes('player');
    if (!allowed) return false;
    if (playerId === null) {
      return row.anonymous && row.scope === 'screen' && options.allowAnonymous && !claimed(parsed.id);
    }
    const found = player(playerId);
    if (found?.state !== 'active') return false;
    return row.scope === 'screen' ? found.screens.includes(parsed.id) : parsed.id === playerId;
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
