import { MESSAGE_KINDS, type MessageKindName, messages, parseTopic } from '@baruga/protocol';
import type { PlayerRow, PlayersRepository } from '../players/players-repository';

/** What the rules need to know of a screen: that it exists, and whether it is public (a videotron). */
export interface ScreenLookup {
  get(id: string): { public: boolean } | null;
}

/**
 * Who is asking: an enrolled player by its id, or an anonymous client, which is bound to the first screen it
 * reaches (a browser tab plays one screen; a second screen on the same connection is someone probing).
 */
export type BrokerClient = { playerId: string } | { anonymous: true; screen: string | null };

export interface Decision {
  allowed: boolean;
  /** For an anonymous client not yet bound: the screen this grant binds it to. */
  bind?: string;
}

/** Who may connect to the embedded broker as a player, and which topics each may reach. */
export interface PlayerAccess {
  /** Whether clients without credentials may connect (they reach only unclaimed screens). */
  readonly allowAnonymous: boolean;
  authenticate(username: string, password: string): { ok: true; playerId: string } | { ok: false; revoked: boolean };
  mayPublish(client: BrokerClient, packet: { topic: string; bytes: number; retain: boolean }): Decision;
  maySubscribe(client: BrokerClient, topic: string): Decision;
  /** The largest packet a client may send: what the kinds it may publish allow, plus the topic and header. */
  maxPacketBytes(client: BrokerClient | 'controller' | 'unauthenticated'): number;
}

/** Room for the fixed header, the topic (five short levels) and a packet id around a payload. */
export const PACKET_OVERHEAD_BYTES = 1024;
/** CONNECT carries the client id, credentials and a will (a status message at most). */
const CONNECT_MAX_BYTES = messages.status.maxBytes + PACKET_OVERHEAD_BYTES;

/** Kinds an anonymous client may use: the table's `anonymous` column, screen topics, in the player's role. */
const anonymousKinds = (direction: 'publish' | 'subscribe'): MessageKindName[] =>
  MESSAGE_KINDS.filter((k) => {
    const row = messages[k];
    if (!row.anonymous || row.scope !== 'screen') return false;
    return direction === 'publish' ? row.from === 'player' : (row.to as readonly string[]).includes('player');
  });

const largest = (kinds: readonly MessageKindName[]) => Math.max(0, ...kinds.map((k) => messages[k].maxBytes));

/**
 * The broker's rules for players (DESIGN.md, "Trust nothing on the wire"), derived from the message table
 * (protocol/src/messages.ts): a player publishes only the kinds players write, no bigger than the kind allows and
 * retained only where the kind is retained, and subscribes only to the kinds players read. An enrolled player
 * reaches the topics of the screens assigned to it, its own player topics and the feeds its screens show, checked
 * on every packet so a reassignment or revocation applies at once. An anonymous client (a browser opened at
 * /player/?screen=…, when allowed) reaches only the kinds open to anonymous players, on one screen that exists, that
 * no player has claimed and that is not public (a videotron shows only what an enrolled, accountable player
 * fetched), and the feeds that screen shows. Exact topics only. The same rules, written for Mosquitto, come from mosquitto-acl.ts.
 */
export function createBrokerRules(
  players: PlayersRepository,
  screens: ScreenLookup,
  options: {
    allowAnonymous: boolean;
    /**
     * The screens whose published manifest shows a data source's feed: a player reads a feed only when one of its
     * screens shows it (an anonymous client, when the screen it is bound to does). None when absent.
     */
    screensShowing?: (feedId: string) => readonly string[];
  },
): PlayerAccess {
  const showing = options.screensShowing ?? (() => []);
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
  // Whether a screen is public is fixed when it is created and screens are not deleted, so a screen once found is
  // remembered (an acknowledgement per screen in a thousand-screen alert asked the database a thousand times).
  const publicScreens = new Map<string, boolean>();
  const openToAnonymous = (screenId: string): boolean => {
    if (!options.allowAnonymous || claimed(screenId)) return false;
    let isPublic = publicScreens.get(screenId);
    if (isPublic === undefined) {
      const screen = screens.get(screenId);
      if (screen === null) return false;
      isPublic = screen.public;
      publicScreens.set(screenId, isPublic);
    }
    return !isPublic;
  };

  const reaches = (
    client: BrokerClient,
    parsed: ReturnType<typeof parseTopic>,
    direction: 'publish' | 'subscribe',
  ): Decision => {
    if (!parsed) return { allowed: false };
    const row = messages[parsed.kind];
    const allowed = direction === 'publish' ? row.from === 'player' : (row.to as readonly string[]).includes('player');
    if (!allowed) return { allowed: false };
    if ('anonymous' in client) {
      if (!row.anonymous) return { allowed: false };
      if (row.scope === 'feed') {
        // Only after the client is bound to its screen (it follows feeds its manifest shows), and only that screen's.
        const screen = client.screen;
        return { allowed: screen !== null && openToAnonymous(screen) && showing(parsed.id).includes(screen) };
      }
      if (row.scope !== 'screen') return { allowed: false };
      if (client.screen !== null && client.screen !== parsed.id) return { allowed: false };
      if (!openToAnonymous(parsed.id)) return { allowed: false };
      return client.screen === null ? { allowed: true, bind: parsed.id } : { allowed: true };
    }
    const found = player(client.playerId);
    if (found?.state !== 'active') return { allowed: false };
    switch (row.scope) {
      case 'screen':
        return { allowed: found.screens.includes(parsed.id) };
      case 'player':
        return { allowed: parsed.id === client.playerId };
      case 'feed':
        return { allowed: showing(parsed.id).some((screen) => found.screens.includes(screen)) };
    }
  };

  const playerPublishes = MESSAGE_KINDS.filter((k) => messages[k].from === 'player');
  return {
    allowAnonymous: options.allowAnonymous,
    authenticate(username, password) {
      const player = players.authenticate(username, password);
      if (player?.state === 'active') return { ok: true, playerId: player.id };
      return { ok: false, revoked: player?.state === 'revoked' };
    },
    mayPublish(client, packet) {
      const parsed = parseTopic(packet.topic);
      if (!parsed) return { allowed: false };
      const row = messages[parsed.kind];
      // Retained only where the kind is (for players: their screen's status, nothing else), and within size.
      if (packet.bytes > row.maxBytes || (packet.retain && !row.retained)) return { allowed: false };
      return reaches(client, parsed, 'publish');
    },
    maySubscribe: (client, topic) => reaches(client, parseTopic(topic), 'subscribe'),
    maxPacketBytes(client) {
      if (client === 'controller') return largest(MESSAGE_KINDS) + PACKET_OVERHEAD_BYTES;
      if (client === 'unauthenticated') return CONNECT_MAX_BYTES;
      const kinds = 'anonymous' in client ? anonymousKinds('publish') : playerPublishes;
      return Math.max(CONNECT_MAX_BYTES, largest(kinds) + PACKET_OVERHEAD_BYTES);
    },
  };
}
