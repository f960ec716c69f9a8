import crypto from 'node:crypto';
import { MESSAGE_KINDS, type MessageKindName, messages, topicFor } from '@baruga/protocol';
import { PACKET_OVERHEAD_BYTES } from './broker-rules';

/** The controller's own account on an external broker. */
export const CONTROLLER_USERNAME = 'baruga-controller';

/**
 * A password as Mosquitto 2's password file keeps it: `$7$<iterations>$<salt>$<hash>`, PBKDF2-HMAC-SHA512 with a
 * 12-byte salt (what `mosquitto_passwd` writes). 101 iterations is Mosquitto's default; the secrets hashed here are
 * 256 random bits, which no iteration count would make easier or harder to guess.
 */
export function mosquittoHash(password: string, salt: Buffer = crypto.randomBytes(12), iterations = 101): string {
  const hash = crypto.pbkdf2Sync(password, salt, iterations, 64, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `hash` (a `$7$` line of a password file) is `password`'s, so an unchanged account keeps its line. */
export function mosquittoHashMatches(password: string, hash: string): boolean {
  const [, kind, iterations, salt, digest] = hash.split('$');
  if (kind !== '7' || !iterations || !salt || !digest) return false;
  const expected = Buffer.from(mosquittoHash(password, Buffer.from(salt, 'base64'), Number(iterations)));
  const given = Buffer.from(hash);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Messages Mosquitto may queue per client: enough for a herd of 20,000 players' statuses and heartbeats. */
export const MAX_QUEUED_MESSAGES = 100_000;

export interface AclInput {
  /** Whether anonymous browser players are allowed (BARUGA_ANONYMOUS_PLAYERS). */
  allowAnonymous: boolean;
  /** The controller's password hash (`mosquittoHash` of the password in BARUGA_MQTT_URL). */
  controllerHash: string;
  screens: readonly { id: string; public: boolean }[];
  /** Screens a player holds, revoked players included (players-repository.ts `isClaimed`). */
  claimed: readonly string[];
  /** Active players with their broker hash; others (pending, revoked, no hash yet) get no account. */
  players: readonly { id: string; state: string; brokerHash: string | null; screens: readonly string[] }[];
  /** The data sources' feeds a screen's published manifest shows; its players (and anonymous tabs) read them. */
  feedsOn?: (screenId: string) => readonly string[];
}

export interface MosquittoFiles {
  passwordFile: string;
  aclFile: string;
  /** The lines of mosquitto.conf that go with them (paths are the caller's). */
  conf: (paths: { passwordFile: string; aclFile: string }) => string;
}

const readsOf = (party: 'player' | 'controller') =>
  MESSAGE_KINDS.filter((k) => (messages[k].to as readonly string[]).includes(party));
const writesOf = (party: 'player' | 'controller') => MESSAGE_KINDS.filter((k) => messages[k].from === party);

/** `topic read|write|readwrite <topic>` for the kinds given, on one id. */
function lines(kinds: { read: MessageKindName[]; write: MessageKindName[] }, id: string): string[] {
  return MESSAGE_KINDS.flatMap((k) => {
    const read = kinds.read.includes(k);
    const write = kinds.write.includes(k);
    if (!read && !write) return [];
    return [`topic ${read && write ? 'readwrite' : read ? 'read' : 'write'} ${topicFor(k, id)}`];
  });
}

/**
 * The embedded broker's rules (broker-rules.ts) written as a Mosquitto password file and ACL, from the same
 * message table and the same database: the controller reads and writes what the table gives it (and may clear any
 * retained kind it reads); an active player reads and writes its kinds on its own screens and its player topic;
 * anonymous clients, when allowed, reach the anonymous kinds on each screen that is unclaimed and not public.
 * Mosquitto cannot say two things broker-rules.ts says: per-kind size limits (one `max_packet_size` applies to
 * everyone; the controller's decoder still refuses an oversized kind) and binding an anonymous connection to one
 * screen (docs/security.md).
 */
export function mosquittoFiles(input: AclInput): MosquittoFiles {
  const claimed = new Set(input.claimed);
  const feedsOn = input.feedsOn ?? (() => []);
  const accounts = input.players.filter(
    (p): p is typeof p & { brokerHash: string } => p.state === 'active' && p.brokerHash !== null,
  );

  const acl: string[] = [
    '# Baruga broker rules, generated from protocol/src/messages.ts and the controller database.',
    '# Do not edit: regenerate with `npm run mosquitto:acl` (docs/security.md).',
    '',
  ];
  // Lines before the first `user` apply to anonymous clients.
  if (input.allowAnonymous) {
    const anonymousKinds = (kinds: MessageKindName[]) =>
      kinds.filter((k) => messages[k].anonymous && messages[k].scope === 'screen');
    const kinds = { read: anonymousKinds(readsOf('player')), write: anonymousKinds(writesOf('player')) };
    const anonymousFeedKinds = {
      read: readsOf('player').filter((k) => messages[k].anonymous && messages[k].scope === 'feed'),
      write: [],
    };
    const anonymousFeeds = new Set<string>();
    for (const screen of input.screens) {
      if (screen.public || claimed.has(screen.id)) continue;
      acl.push(...lines(kinds, screen.id));
      for (const feed of feedsOn(screen.id)) anonymousFeeds.add(feed);
    }
    for (const feed of [...anonymousFeeds].sort()) acl.push(...lines(anonymousFeedKinds, feed));
    acl.push('');
  }

  // The controller: every screen and player, by wildcard; retained kinds it reads it may also clear.
  const retainedReads = readsOf('controller').filter((k) => messages[k].retained);
  const controllerKinds = { read: readsOf('controller'), write: [...writesOf('controller'), ...retainedReads] };
  acl.push(`user ${CONTROLLER_USERNAME}`, ...lines(controllerKinds, '+'), '');

  const playerKinds = { read: readsOf('player'), write: writesOf('player') };
  for (const player of accounts) {
    acl.push(`user ${player.id}`);
    for (const screenId of player.screens) {
      acl.push(
        ...lines(
          {
            read: playerKinds.read.filter((k) => messages[k].scope === 'screen'),
            write: playerKinds.write.filter((k) => messages[k].scope === 'screen'),
          },
          screenId,
        ),
      );
    }
    const feeds = new Set(player.screens.flatMap((screenId) => feedsOn(screenId)));
    for (const feed of [...feeds].sort()) {
      acl.push(
        ...lines(
          {
            read: playerKinds.read.filter((k) => messages[k].scope === 'feed'),
            write: playerKinds.write.filter((k) => messages[k].scope === 'feed'),
          },
          feed,
        ),
      );
    }
    acl.push(
      ...lines(
        {
          read: playerKinds.read.filter((k) => messages[k].scope === 'player'),
          write: playerKinds.write.filter((k) => messages[k].scope === 'player'),
        },
        player.id,
      ),
      '',
    );
  }

  const passwordFile = [
    `${CONTROLLER_USERNAME}:${input.controllerHash}`,
    ...accounts.map((p) => `${p.id}:${p.brokerHash}`),
    '',
  ].join('\n');
  const maxPacket = Math.max(...MESSAGE_KINDS.map((k) => messages[k].maxBytes)) + PACKET_OVERHEAD_BYTES;

  return {
    passwordFile,
    aclFile: acl.join('\n'),
    conf: (paths) =>
      [
        '# Baruga: accounts, topic rules and limits (docs/security.md, "Mosquitto").',
        `allow_anonymous ${input.allowAnonymous ? 'true' : 'false'}`,
        `password_file ${paths.passwordFile}`,
        `acl_file ${paths.aclFile}`,
        '# The largest packet the message table allows anyone (a signed manifest), with its header and topic.',
        `max_packet_size ${maxPacket}`,
        '# Retained messages only where the ACL lets a client write a retained kind.',
        'retain_available true',
        "# The controller's one connection receives every player's status, heartbeat and acknowledgements: in a herd",
        "# of thousands that is thousands at once, and Mosquitto's defaults (1,000 queued, 20 in flight per client)",
        '# silently drop the rest, leaving connected screens offline in the console (docs/deployment.md).',
        `max_queued_messages ${MAX_QUEUED_MESSAGES}`,
        'max_inflight_messages 0',
        '',
      ].join('\n'),
  };
}
