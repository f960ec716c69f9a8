import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  type CommandView,
  type EnrollResponse,
  type PlayerConfig,
  type PlayerSelf,
  type ScreenDelivery,
  SignedManifest,
  manifestSigningInput,
  topics,
} from '@baruga/protocol';
import { makePhoto } from '@baruga/content/fixtures';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_KEY_FILE } from '../publishing/manifest-signer';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;

/** Waits for the first message on `topic` (bounded), subscribing first. */
function nextMessage(client: MqttClient, topic: string, timeoutMs = 3000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('message', onMessage);
      reject(new Error(`no message on ${topic} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (t: string, payload: Buffer) => {
      if (t !== topic) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolve(payload);
    };
    client.on('message', onMessage);
  });
}

/** Connects to the embedded broker; resolves with the client or rejects with the CONNACK refusal code. */
function connect(port: number, credentials?: { username: string; password: string }): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 3000,
      ...credentials,
    });
    client.once('connect', () => resolve(client));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
  });
}

/** Whether the broker granted a subscription (mqtt.js rejects a refused SUBACK, 0x80). */
async function subscribeGranted(client: MqttClient, topic: string): Promise<boolean> {
  try {
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    return (granted[0]?.qos ?? 128) < 128;
  } catch (error) {
    if (error instanceof Error && /Subscribe error/.test(error.message) && client.connected) return false;
    throw error;
  }
}

const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});

describe('player delivery on the controller', () => {
  let t: Started;
  let port: number;
  const clients: MqttClient[] = [];
  beforeAll(async () => {
    t = await startTestController();
    port = t.controller.mqttPort ?? 0;
    for (const id of ['lobi-1', 'lobi-2']) {
      const created = await t.controller.app.inject({
        method: 'POST',
        url: '/api/screens',
        headers: t.auth,
        payload: { id, name: `Lobi ${id}`, width: 1280, height: 720 },
      });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    for (const c of clients) c.end(true);
    await t.controller.close();
  });

  const inject = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = t.auth,
  ) =>
    t.controller.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('keeps its manifest key under BARUGA_DATA, readable by the owner only', () => {
    const stat = fs.statSync(path.join(t.dataDir, MANIFEST_KEY_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('publishes every manifest signed with the key players are given, and a changed byte breaks it', async () => {
    const config = (await inject('GET', '/api/player/config?screen=lobi-1', undefined, {})).json<PlayerConfig>();
    const viewer = await connect(port);
    clients.push(viewer);
    await inject('POST', '/api/screens/lobi-1/items', { type: 'text', props: { body: 'Halo' } });
    const published = await inject('POST', '/api/screens/lobi-1/publish');
    expect(published.statusCode, published.body).toBe(200);
    const arriving = nextMessage(viewer, topics.manifest('lobi-1'));
    await viewer.subscribeAsync(topics.manifest('lobi-1'), { qos: 1 });
    const envelope = SignedManifest.parse(JSON.parse((await arriving).toString()));
    expect(envelope.keyId).toBe(config.manifestKey.keyId);
    expect(envelope.manifest).toMatchObject({ screenId: 'lobi-1', version: published.json().version });

    const publicKey = crypto.createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: config.manifestKey.publicKey },
      format: 'jwk',
    });
    const verify = (manifest: unknown) =>
      crypto.verify(
        null,
        Buffer.from(manifestSigningInput(manifest)),
        publicKey,
        Buffer.from(envelope.signature, 'base64url'),
      );
    expect(verify(envelope.manifest)).toBe(true);
    expect(verify({ ...envelope.manifest, version: Number(envelope.manifest.version) + 1 })).toBe(false);
  });

  it('enrolls a player by its pairing code, gives it its screens and the key, and lets it reach only those', async () => {
    // 1. A new player asks for a code; it is pending and the broker does not know it yet.
    const enrolled = await inject('POST', '/api/players/enroll', { host: 'chromium', hostVersion: '1' }, {});
    expect(enrolled.statusCode).toBe(201);
    const { playerId, secret, pairingCode } = enrolled.json<EnrollResponse>();
    expect(pairingCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const pending = (await inject('GET', '/api/players/self', undefined, basic(playerId, secret))).json<PlayerSelf>();
    expect(pending).toMatchObject({ state: 'pending', pairingCode, manifestKey: null, screens: [] });
    await expect(connect(port, { username: playerId, password: secret })).rejects.toMatchObject({ code: 4 });

    // 2. Wrong codes and unknown screens are refused with stable codes, and change nothing.
    const wrong = await inject('POST', '/api/players/pair', { code: 'ZZZZZZ', name: 'x', screens: [] });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([404, 'BARUGA_ERR_PAIRING_CODE_UNKNOWN']);
    const noScreen = await inject('POST', '/api/players/pair', {
      code: pairingCode,
      name: 'x',
      screens: ['tidak-ada'],
    });
    expect([noScreen.statusCode, noScreen.json().error.code]).toEqual([404, 'BARUGA_ERR_SCREEN_NOT_FOUND']);

    // 3. The operator types the code as read off the screen (lower case, a space) and assigns lobi-2.
    const typed = `${pairingCode.slice(0, 3).toLowerCase()} ${pairingCode.slice(3)}`;
    const paired = await inject('POST', '/api/players/pair', { code: typed, name: 'Kiosk lobi', screens: ['lobi-2'] });
    expect(paired.statusCode, paired.body).toBe(200);
    expect(paired.json()).toMatchObject({ id: playerId, state: 'active', screens: ['lobi-2'] });
    const active = (await inject('GET', '/api/players/self', undefined, basic(playerId, secret))).json<PlayerSelf>();
    expect(active).toMatchObject({ state: 'active', pairingCode: null, screens: [{ id: 'lobi-2', width: 1280 }] });
    expect(active.manifestKey?.alg).toBe('Ed25519');
    expect((await inject('GET', '/api/player/config?screen=lobi-2', undefined, {})).json().claimed).toBe(true);

    // 4. With its own credentials it reaches its screen and its player topic, nothing else.
    const player = await connect(port, { username: playerId, password: secret });
    clients.push(player);
    expect(await subscribeGranted(player, topics.manifest('lobi-2'))).toBe(true);
    expect(await subscribeGranted(player, topics.playerCommands(playerId))).toBe(true);
    expect(await subscribeGranted(player, topics.manifest('lobi-1'))).toBe(false);
    expect(await subscribeGranted(player, 'baruga/v1/screens/+/manifest')).toBe(false);

    // 5. A claimed screen is closed to anonymous clients; an unclaimed one stays open.
    const anonymous = await connect(port);
    clients.push(anonymous);
    expect(await subscribeGranted(anonymous, topics.commands('lobi-2'))).toBe(false);
    expect(await subscribeGranted(anonymous, topics.commands('lobi-1'))).toBe(true);

    // 6. Revoked: its connection is closed, its credentials are refused, HTTP says so with a code.
    const closed = new Promise<void>((resolve) => player.once('close', () => resolve()));
    const revoked = await inject('POST', `/api/players/${playerId}/revoke`);
    expect(revoked.json()).toMatchObject({ state: 'revoked' });
    await closed;
    await expect(connect(port, { username: playerId, password: secret })).rejects.toMatchObject({ code: 5 });
    const self = await inject('GET', '/api/players/self', undefined, basic(playerId, secret));
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'BARUGA_ERR_PLAYER_REVOKED']);
    // Revoking does not reopen the screen to anonymous clients.
    expect(await subscribeGranted(anonymous, topics.commands('lobi-2'))).toBe(false);
  });

  it('stores proof of play once however often a batch arrives, and acknowledges it every time', async () => {
    const player = await connect(port);
    clients.push(player);
    await player.subscribeAsync(topics.popAck('lobi-1'), { qos: 1 });
    const record = (i: number) => ({
      id: crypto.randomUUID(),
      screenId: 'lobi-1',
      itemId: `item-${i}`,
      itemType: 'text',
      zoneId: 'main',
      startedAt: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
      endedAt: new Date(Date.UTC(2026, 2, 1, 0, i, 10)).toISOString(),
      manifestVersion: 1,
    });
    const batch = { playerId: 'web-uji', records: [record(0), record(1), record(2)] };
    for (let delivery = 0; delivery < 2; delivery++) {
      const ack = nextMessage(player, topics.popAck('lobi-1'));
      await player.publishAsync(topics.pop('lobi-1'), JSON.stringify(batch), { qos: 1 });
      expect(JSON.parse((await ack).toString()).ids).toEqual(batch.records.map((r) => r.id));
    }
    const rows = t.controller.db.prepare("SELECT id, duration_ms FROM proof_of_play WHERE screen_id = 'lobi-1'").all();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => (r as { duration_ms: number }).duration_ms === 10_000)).toBe(true);

    const csv = await inject('GET', '/api/proof-of-play?screen=lobi-1&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,player_id,screen_id,item_id,item_type,zone_id,started_at,ended_at,duration_ms,manifest_version,received_at',
    );
    expect(lines).toHaveLength(4);

    // 2026-03-01 00:00 UTC is 08:00 in Makassar: the hour and day read in WITA.
    const summary = (await inject('GET', '/api/proof-of-play/summary?screen=lobi-1&by=hour')).json();
    // Names beside ids: the screen's, and none for items the controller never stored.
    const row = (itemId: string) => ({
      period: '2026-03-01T08:00',
      screenId: 'lobi-1',
      screenName: 'Lobi lobi-1',
      itemId,
      itemName: null,
      itemType: 'text',
      plays: 1,
      totalMs: 10_000,
    });
    expect(summary.rows).toEqual([row('item-0'), row('item-1'), row('item-2')]);
  });

  it('shows a screen online from its heartbeat', async () => {
    const player = await connect(port);
    clients.push(player);
    const heartbeat = {
      playerId: 'web-uji',
      screenId: 'lobi-1',
      at: new Date().toISOString(),
      seq: 1,
      uptimeS: 3,
      manifestVersion: 1,
      manifestExpiresAt: null,
      stale: false,
      pendingVersion: null,
      zones: [{ zoneId: 'main', itemId: 'a', since: new Date().toISOString() }],
      cache: { usedBytes: 10, quotaBytes: null, assets: 1 },
      jsHeapBytes: null,
      fps: 60,
      clockOffsetMs: 2,
      blackout: false,
      host: { kind: 'browser', version: '', platform: 'linux', userAgent: 'test' },
      lastRejection: null,
      popBacklog: 0,
    };
    const before = (await inject('GET', '/api/delivery/screens')).json<ScreenDelivery[]>();
    expect(before.find((s) => s.screenId === 'lobi-1')?.health).toBe('unknown');
    await player.publishAsync(topics.heartbeat('lobi-1'), JSON.stringify(heartbeat), { qos: 1 });
    await expect
      .poll(async () => (await inject('GET', '/api/delivery/screens')).json<ScreenDelivery[]>()[0]?.health, {
        timeout: 2000,
      })
      .toBe('online');
  });

  it('sends a command, takes its screenshot once, and records the acknowledgement', async () => {
    // Screenshots and acknowledgements are an enrolled player's: one drives lobi-1 from here on.
    const enrolled = (await inject('POST', '/api/players/enroll', { host: 'chromium' }, {})).json<EnrollResponse>();
    await inject('POST', '/api/players/pair', { code: enrolled.pairingCode, name: 'Kiosk 1', screens: ['lobi-1'] });
    const player = await connect(port, { username: enrolled.playerId, password: enrolled.secret });
    clients.push(player);
    await player.subscribeAsync(topics.commands('lobi-1'), { qos: 1 });
    const arriving = nextMessage(player, topics.commands('lobi-1'));
    const issued = await inject('POST', '/api/screens/lobi-1/commands', { name: 'screenshot' });
    expect(issued.statusCode).toBe(202);
    const command = JSON.parse((await arriving).toString()) as { id: string; name: string };
    expect(command.name).toBe('screenshot');

    const png = await makePhoto({ width: 64, height: 36, format: 'png' });
    const put = (body: Buffer, type = 'image/png') =>
      t.controller.app.inject({
        method: 'PUT',
        url: `/api/commands/${command.id}/screenshot`,
        headers: { 'content-type': type },
        payload: body,
      });
    expect((await put(Buffer.from('not a png'))).json().error.code).toBe('BARUGA_ERR_UNSUPPORTED_MEDIA_TYPE');
    const uploaded = await put(png);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await put(png)).json().error.code).toBe('BARUGA_ERR_COMMAND_CLOSED');

    await player.publishAsync(
      topics.acks('lobi-1'),
      JSON.stringify({
        commandId: command.id,
        playerId: enrolled.playerId,
        screenId: 'lobi-1',
        ok: true,
        code: 'BARUGA_OK',
        message: 'screenshot uploaded',
        at: new Date().toISOString(),
      }),
      { qos: 1 },
    );
    await expect
      .poll(async () => (await inject('GET', `/api/commands/${command.id}`)).json<CommandView>().state, {
        timeout: 2000,
      })
      .toBe('ok');
    const shot = (await inject('GET', '/api/delivery/screens')).json<ScreenDelivery[]>()[0]?.lastScreenshot;
    expect(shot?.sha256).toBe(uploaded.json().sha256);
    const image = await t.controller.app.inject({ method: 'GET', url: shot?.url ?? '' });
    expect(image.rawPayload.equals(png)).toBe(true);
  });

  it('expires a command nobody answers, with a stable code', async () => {
    const issued = await inject('POST', '/api/screens/lobi-1/commands', { name: 'reload', ttlS: 5 });
    const id = issued.json<CommandView>().id;
    t.controller.db.prepare('UPDATE commands SET expires_at = ? WHERE id = ?').run(new Date(0).toISOString(), id);
    expect((await inject('GET', `/api/commands/${id}`)).json()).toMatchObject({
      state: 'expired',
      code: 'BARUGA_ERR_COMMAND_EXPIRED',
    });
  });
});
