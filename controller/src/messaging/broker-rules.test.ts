import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MESSAGE_KINDS, type MessageKindName, messages, topicFor } from '@baruga/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { createBrokerRules } from './broker-rules';

const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baruga-rules-')), 'baruga.sqlite'));
afterAll(() => db.close());
const repos = createRepositories(db);
for (const id of ['own', 'other', 'free']) {
  repos.screens.create({
    id,
    name: id,
    width: 640,
    height: 360,
    timezone: 'Asia/Makassar',
    locale: 'id-ID',
    public: false,
  });
}
// An enrolled player drives "own"; another drives "other"; nobody has claimed "free".
const me = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(me.playerId, 'Kiosk', ['own']);
const them = repos.players.createPending({ host: 'chromium', hostVersion: '', platform: '' });
repos.players.approve(them.playerId, 'Lain', ['other']);
// Each data source's feed is shown on one screen ("apbd-own" on "own"…), and one is shown nowhere.
const showing: Record<string, string[]> = { 'apbd-own': ['own'], 'apbd-other': ['other'], 'apbd-free': ['free'] };
const screensShowing = (feedId: string) => showing[feedId] ?? [];
const rules = createBrokerRules(repos.players, { allowAnonymous: true, screensShowing });

const idsOf = {
  screen: ['own', 'other', 'free'],
  player: [me.playerId, them.playerId],
  feed: ['apbd-own', 'apbd-other', 'apbd-free', 'nowhere'],
} as const;

/** Every topic a client could name: each kind, for each screen, player or feed id that exists here. */
function* everyTopic(): Generator<{ kind: MessageKindName; id: string; topic: string }> {
  for (const kind of MESSAGE_KINDS) {
    for (const id of idsOf[messages[kind].scope]) yield { kind, id, topic: topicFor(kind, id) };
  }
}

/** Whether an id is the asking party's own: its screen, itself, or a feed one of its screens shows. */
const isMine = (scope: 'screen' | 'player' | 'feed', id: string, screen: string, playerId: string | null) =>
  scope === 'screen'
    ? id === screen
    : scope === 'player'
      ? playerId !== null && id === playerId
      : screensShowing(id).includes(screen);

const small = (topic: string, retain = false) => ({ topic, bytes: 100, retain });

describe('broker rules, derived from the message table', () => {
  it('an enrolled player publishes exactly the kinds players write, on its own screens', () => {
    for (const { kind, id, topic } of everyTopic()) {
      const row = messages[kind];
      const expected = row.from === 'player' && row.scope === 'screen' && id === 'own';
      expect(rules.mayPublish(me.playerId, small(topic, row.retained)), `publish ${topic}`).toBe(expected);
    }
  });

  it('an enrolled player subscribes exactly to the kinds players read, on its own screens, its own id and the feeds its screens show', () => {
    for (const { kind, id, topic } of everyTopic()) {
      const row = messages[kind];
      const mine = isMine(row.scope, id, 'own', me.playerId);
      const expected = (row.to as readonly string[]).includes('player') && mine;
      expect(rules.maySubscribe(me.playerId, topic), `subscribe ${topic}`).toBe(expected);
    }
  });

  it('an anonymous client reaches only unclaimed screens and the feeds they show, and only the kinds open to anonymous players', () => {
    for (const { kind, id, topic } of everyTopic()) {
      const row = messages[kind];
      const open = row.anonymous && isMine(row.scope, id, 'free', null);
      expect(rules.mayPublish(null, small(topic, row.retained)), `publish ${topic}`).toBe(
        open && row.from === 'player',
      );
      expect(rules.maySubscribe(null, topic), `subscribe ${topic}`).toBe(
        open && (row.to as readonly string[]).includes('player'),
      );
    }
  });

  it('refuses packets larger than their kind allows, retained copies of kinds that are not retained, and wildcards', () => {
    const heartbeat = topicFor('heartbeat', 'own');
    expect(rules.mayPublish(me.playerId, small(heartbeat))).toBe(true);
    expect(
      rules.mayPublish(me.playerId, { topic: heartbeat, bytes: messages.heartbeat.maxBytes + 1, retain: false }),
    ).toBe(false);
    expect(rules.mayPublish(me.playerId, small(heartbeat, true))).toBe(false);
    expect(rules.mayPublish(me.playerId, small(topicFor('status', 'own'), true))).toBe(true);
    expect(rules.maySubscribe(me.playerId, 'baruga/v1/screens/+/manifest')).toBe(false);
    expect(rules.maySubscribe(me.playerId, 'baruga/#')).toBe(false);
  });

  it('a revoked player reaches nothing, and anonymous players can be turned off', () => {
    repos.players.revoke(them.playerId);
    for (const { topic } of everyTopic()) {
      expect(rules.maySubscribe(them.playerId, topic)).toBe(false);
      expect(rules.mayPublish(them.playerId, small(topic))).toBe(false);
    }
    const closed = createBrokerRules(repos.players, { allowAnonymous: false });
    for (const { topic } of everyTopic()) expect(closed.maySubscribe(null, topic)).toBe(false);
  });
});
