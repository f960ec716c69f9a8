import crypto from 'node:crypto';
import { type EnrollResponse, decodeMessage, kindsReadBy, messages, topicFor } from '@baruga/protocol';
import fc from 'fast-check';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** Payloads of every shape, and JSON shaped like the messages (the keys they use), all under every size limit. */
const KEYS = ['playerId', 'screenId', 'records', 'state', 'at', 'commandId', 'ok', 'code', 'seq', 'zones', 'id'];
const payload = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('', 'null', '{}', '[]', '{"records":[{}]}', '{"__proto__":{"polluted":1}}', '\u0000'),
);

describe('the controller’s handlers against bad MQTT payloads of every kind it reads', () => {
  let t: Started;
  let player: MqttClient;
  let playerId: string;
  const tables = ['screens', 'commands', 'proof_of_play', 'manifests', 'players', 'player_screens'];
  beforeAll(async () => {
    t = await startTestController();
    const inject = (url: string, payload: object, headers: Record<string, string> = t.auth) =>
      t.controller.app.inject({ method: 'POST', url, headers, payload });
    await inject('/api/screens', { id: 'lobi', name: 'Lobi', width: 640, height: 360 });
    const enrolled = (await inject('/api/players/enroll', { host: 'chromium' }, {})).json<EnrollResponse>();
    await inject('/api/players/pair', { code: enrolled.pairingCode, name: 'Kiosk', screens: ['lobi'] });
    playerId = enrolled.playerId;
    player = await mqtt.connectAsync(`mqtt://127.0.0.1:${t.controller.mqttPort}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      username: enrolled.playerId,
      password: enrolled.secret,
    });
    await player.subscribeAsync(topicFor('popAck', 'lobi'), { qos: 1 });
  });
  afterAll(async () => {
    await player?.endAsync(true);
    await t.controller.close();
  });

  const snapshot = () => tables.map((table) => t.controller.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());

  /**
   * A valid proof-of-play batch after everything else on the same connection: its acknowledgement means the
   * controller has handled every message before it (one connection, in order).
   */
  async function barrier(): Promise<string> {
    const id = crypto.randomUUID();
    const acked = new Promise<void>((resolve) => {
      const onMessage = (_topic: string, body: Buffer) => {
        if (!body.toString().includes(id)) return;
        player.off('message', onMessage);
        resolve();
      };
      player.on('message', onMessage);
    });
    const record = {
      id,
      screenId: 'lobi',
      itemId: 'penanda',
      itemType: 'text',
      zoneId: 'main',
      startedAt: '2026-03-01T00:00:00.000Z',
      endedAt: '2026-03-01T00:00:10.000Z',
      manifestVersion: 1,
    };
    await player.publishAsync(topicFor('pop', 'lobi'), JSON.stringify({ playerId, records: [record] }), { qos: 1 });
    await acked;
    return id;
  }

  it('refuses every one, changes nothing, and goes on serving', async () => {
    const kinds = kindsReadBy('controller').filter((k) => messages[k].from === 'player');
    expect(kinds).toEqual(expect.arrayContaining(['status', 'heartbeat', 'pop', 'acks']));
    const before = snapshot();
    let sent = 0;
    for (const kind of kinds) {
      // Only what the decoder refuses: the point is that a refusal reaches no table.
      const bad = fc.sample(payload, { numRuns: 150, seed: 17 }).filter((p) => !decodeMessage(kind, p).ok);
      for (const p of bad) {
        await player.publishAsync(topicFor(kind, 'lobi'), p, { qos: 1, retain: messages[kind].retained });
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(400);
    const marker = await barrier();
    const after = snapshot();
    // The one change is the barrier's own record.
    const popIndex = tables.indexOf('proof_of_play');
    expect((after[popIndex] as { id: string }[]).map((r) => r.id)).toEqual([marker]);
    after[popIndex] = before[popIndex] as unknown[];
    expect(after).toEqual(before);
    expect((await t.controller.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(player.connected).toBe(true);
  });
});
