import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MESSAGE_KINDS, type MessageKindName, messages, topicFor } from '@baruga/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { type BrokerClient, PACKET_OVERHEAD_BYTES, createBrokerRules } from './broker-rules';

const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-rules-')), 'baruga.sqlite'));
afterAll(() => db.close());
const repos = createRepositories(db);
for (const [id, isPublic] of [
  ['own', false],
  ['other', false],
  ['free', false],
  ['also-free', false],
  ['videotron', true],
] as const) {
  repos.screens.create({
    id,
    name: id,
    width: 640,
    height: 360,
    timezone: 'Asia/Makassar',
    locale: 'id-ID',
    public: isPublic,
  });
}
// An enrolled player drives "own"; another drives "other"; nobody has claimed "free", "also-free" or the public
// "videotron"; "ghost" is no screen at all.
const me = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(me.playerId, 'Kiosk', ['own']);
const them = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(them.playerId, 'Lain', ['other']);
// Each data source's feed is shown on one screen ("apbd-own" on "own"…), and one is shown nowhere.
const showing: Record<string, string[]> = { 'apbd-own': ['own'], 'apbd-other': ['other'], 'apbd-free': ['free'] };
const screensShowing = (feedId: string) => showing[feedId] ?? [];
const rules = createBrokerRules(repos.players, repos.screens, { allowAnonymous: true, screensShowing });

const idsOf = {
  screen: ['own', 'other', 'free', 'videotron', 'ghost'],
  player: [me.playerId, them.playerId],
  feed: ['apbd-own', 'apbd-other', 'apbd-free', 'nowhere'],
} as const;
/** Every topic a client could name: each kind, for each screen, player or feed id here. */
function* everyTopic(): Generator<{ kind: MessageKindName; id: string; topic: string }> {
  for (const kind of MESSAGE_KINDS) {
    for (const id of idsOf[messages[kind].scope]) yield { kind, id, topic: topicFor(kind, id) };
  }
}
/** Whether an id is the asking party's own: its screen, itself, or a feed its screen shows. */
const isMine = (scope: 'screen' | 'player' | 'feed', id: string, screen: string, playerId: string | null) =>
  scope === 'screen'
    ? id === screen
    : scope === 'player'
      ? playerId !== null && id === playerId
      : screensShowing(id).includes(screen);

const small = (topic: string, retain = false) => ({ topic, bytes: 100, retain });
const player: BrokerClient = { playerId: me.playerId };
/** A fresh anonymous connection, not yet bound to a screen. */
const stranger = (): BrokerClient => ({ anonymous: true, screen: null });
const writes = (kind: MessageKindName) => messages[kind].from === 'player';
const reads = (kind: MessageKindName) => (messages[kind].to as readonly string[]).includes('player');

describe('broker rules, derived from the message table', () => {
  it('an enrolled player publishes exactly the kinds players write, on its own screens', () => {
    for (const { kind, id, topic } of everyTopic()) {
      const expected = writes(kind) && messages[kind].scope === 'screen' && id === 'own';
      const retain = messages[kind].retained;
      expect(rules.mayPublish(player, small(topic, retain)).allowed, `publish ${topic}`).toBe(expected);
    }
  });

  it('an enrolled player subscribes exactly to the kinds players read, on its own screens, its own id and the feeds its screens show', () => {
    for (const { kind, id, topic } of everyTopic()) {
      const mine = isMine(messages[kind].scope, id, 'own', me.playerId);
      expect(rules.maySubscribe(player, topic).allowed, `subscribe ${topic}`).toBe(reads(kind) && mine);
    }
  });

  it('an anonymous client reaches the anonymous kinds on an existing, unclaimed, non-public screen only', () => {
    for (const { kind, id, topic } of everyTopic()) {
      const open = messages[kind].anonymous && messages[kind].scope === 'screen' && id === 'free';
      const retain = messages[kind].retained;
      expect(rules.mayPublish(stranger(), small(topic, retain)).allowed, `publish ${topic}`).toBe(open && writes(kind));
      expect(rules.maySubscribe(stranger(), topic).allowed, `subscribe ${topic}`).toBe(open && reads(kind));
    }
  });

  it('an anonymous client may read the manifest and write status, heartbeat and proof of play, and no acks', () => {
    const free = (kind: MessageKindName) => topicFor(kind, 'free');
    expect(rules.maySubscribe(stranger(), free('manifest')).allowed).toBe(true);
    for (const kind of ['status', 'heartbeat', 'pop'] as const) {
      expect(rules.mayPublish(stranger(), small(free(kind), kind === 'status')).allowed, kind).toBe(true);
    }
    // An acknowledgement would mark a pending command failed or done: enrolled players only.
    expect(rules.mayPublish(stranger(), small(free('acks'))).allowed).toBe(false);
    // Never retained but its status; never a public screen, never a screen that does not exist.
    expect(rules.mayPublish(stranger(), small(free('heartbeat'), true)).allowed).toBe(false);
    expect(rules.maySubscribe(stranger(), topicFor('manifest', 'videotron')).allowed).toBe(false);
    expect(rules.mayPublish(stranger(), small(topicFor('status', 'videotron'), true)).allowed).toBe(false);
    expect(rules.mayPublish(stranger(), small(topicFor('status', 'ghost'), true)).allowed).toBe(false);
  });

  it('an anonymous client bound to its screen reads the feeds that screen shows, and no other', () => {
    const bound: BrokerClient = { anonymous: true, screen: 'free' };
    for (const { kind, id, topic } of everyTopic()) {
      if (messages[kind].scope !== 'feed') continue;
      const open = messages[kind].anonymous && isMine('feed', id, 'free', null);
      expect(rules.maySubscribe(bound, topic).allowed, `subscribe ${topic}`).toBe(open && reads(kind));
      expect(rules.mayPublish(bound, small(topic)).allowed, `publish ${topic}`).toBe(open && writes(kind));
    }
    expect(rules.maySubscribe(bound, topicFor('feed', 'apbd-free')).allowed).toBe(true);
  });

  it('binds an anonymous client to the first screen it reaches', () => {
    const first = rules.maySubscribe(stranger(), topicFor('manifest', 'free'));
    expect(first).toEqual({ allowed: true, bind: 'free' });
    const bound: BrokerClient = { anonymous: true, screen: 'free' };
    expect(rules.mayPublish(bound, small(topicFor('status', 'free'), true))).toEqual({ allowed: true });
    // The same connection on another open screen: refused (its own status only).
    expect(rules.mayPublish(bound, small(topicFor('status', 'also-free'), true)).allowed).toBe(false);
    expect(rules.maySubscribe(bound, topicFor('manifest', 'also-free')).allowed).toBe(false);
  });

  it('refuses packets larger than their kind allows, retained copies of kinds that are not retained, and wildcards', () => {
    const heartbeat = topicFor('heartbeat', 'own');
    expect(rules.mayPublish(player, small(heartbeat)).allowed).toBe(true);
    const big = { topic: heartbeat, bytes: messages.heartbeat.maxBytes + 1, retain: false };
    expect(rules.mayPublish(player, big).allowed).toBe(false);
    expect(rules.mayPublish(player, small(heartbeat, true)).allowed).toBe(false);
    expect(rules.mayPublish(player, small(topicFor('status', 'own'), true)).allowed).toBe(true);
    const status20MB = { topic: topicFor('status', 'free'), bytes: 20 * 1024 * 1024, retain: true };
    expect(rules.mayPublish(stranger(), status20MB).allowed).toBe(false);
    expect(rules.maySubscribe(player, 'baruga/v1/screens/+/manifest').allowed).toBe(false);
    expect(rules.maySubscribe(player, 'baruga/#').allowed).toBe(false);
  });

  it('sizes each party’s packet limit from the largest kind it may send', () => {
    const largestPlayerKind = Math.max(...MESSAGE_KINDS.filter(writes).map((k) => messages[k].maxBytes));
    expect(rules.maxPacketBytes(player)).toBe(largestPlayerKind + PACKET_OVERHEAD_BYTES);
    expect(rules.maxPacketBytes('controller')).toBe(messages.manifest.maxBytes + PACKET_OVERHEAD_BYTES);
    expect(rules.maxPacketBytes(stranger())).toBeLessThanOrEqual(rules.maxPacketBytes(player));
    expect(rules.maxPacketBytes('unauthenticated')).toBeLessThan(64 * 1024);
  });

  it('a revoked player reaches nothing, and anonymous players can be turned off', () => {
    repos.players.revoke(them.playerId);
    const revoked: BrokerClient = { playerId: them.playerId };
    for (const { topic } of everyTopic()) {
      expect(rules.maySubscribe(revoked, topic).allowed).toBe(false);
      expect(rules.mayPublish(revoked, small(topic)).allowed).toBe(false);
    }
    const closed = createBrokerRules(repos.players, repos.screens, { allowAnonymous: false, screensShowing });
    for (const { topic } of everyTopic()) expect(closed.maySubscribe(stranger(), topic).allowed).toBe(false);
  });
});
