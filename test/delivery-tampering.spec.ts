import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { manifestSigningInput, topics } from '@baruga/protocol';
import { expect, test } from '@playwright/test';
import mqtt, { type MqttClient } from 'mqtt';
import type { Page } from 'playwright-core';
import { signIn } from './support/api';
import { type ControllerProcess, startControllerProcess } from './support/controller-process';
import { addItem, looksLike, publish, uploadColour, waitForColour } from './support/delivery';
import { startMosquitto } from './support/mosquitto';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';
import { startTamperProxy } from './support/tamper-proxy';

const SCREEN = { id: 'videotron-uji', name: 'Videotron uji', width: 640, height: 360 };
const GREEN = { r: 20, g: 200, b: 60 };

type Envelope = { manifest: Record<string, unknown> & { version: number }; signature: string; keyId: string };

/** The rejections the player has reported so far (its own log on window.baruga). */
const rejections = (page: Page) => page.evaluate(() => window.baruga?.rejected ?? []);

test.describe('trust nothing on the wire', () => {
  let controller: ControllerProcess | undefined;
  let broker: Awaited<ReturnType<typeof startMosquitto>> | undefined;
  let proxy: Awaited<ReturnType<typeof startTamperProxy>> | undefined;
  let player: TestPlayer | undefined;
  let attacker: MqttClient | undefined;
  test.afterEach(async () => {
    await attacker?.endAsync();
    await player?.stop();
    await proxy?.stop();
    await controller?.stop();
    await broker?.stop();
  });

  test('a tampered, a replayed and an expired manifest and a corrupted asset are refused; the last good content plays on', async () => {
    test.setTimeout(90_000);
    // 1. An external broker anyone on the network can publish to (the threat), the controller, and a
    //    middlebox between the player and the controller that can change bytes.
    broker = await startMosquitto();
    controller = await startControllerProcess({
      env: { BARUGA_SEED_DEMO: '0', BARUGA_MQTT_URL: `mqtt://127.0.0.1:${broker.tcpPort}` },
    });
    proxy = await startTamperProxy(controller.url);
    const api = await signIn(controller.url);
    expect((await api.call('POST', '/api/screens', SCREEN)).status).toBe(201);

    attacker = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.tcpPort}`, { protocolVersion: 4 });
    const seen = new Map<number, Envelope>();
    attacker.on('message', (_topic, payload) => {
      const envelope = JSON.parse(payload.toString()) as Envelope;
      seen.set(envelope.manifest.version, envelope);
    });
    await attacker.subscribeAsync(topics.manifest(SCREEN.id), { qos: 1 });

    // 2. Two genuine versions; the player shows the second.
    await api.announce(SCREEN.id, 'Pengumuman pertama');
    player = await startPlayer(proxy.url, { screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }] });
    const page = await player.page(SCREEN.id);
    await expect(page.getByText('Pengumuman pertama')).toBeVisible({ timeout: 15_000 });
    const itemsV1 = (await api.call('GET', `/api/screens/${SCREEN.id}/items`)).body as unknown as { id: string }[];
    await api.call('DELETE', `/api/screens/${SCREEN.id}/items/${itemsV1[0]?.id}`);
    await api.announce(SCREEN.id, 'Pengumuman resmi kedua');
    await expect(page.getByText('Pengumuman resmi kedua')).toBeVisible({ timeout: 5000 });
    await expect.poll(() => seen.size).toBe(2);
    const [v1, v2] = [seen.get(1), seen.get(2)] as [Envelope, Envelope];

    const deliver = (envelope: unknown) =>
      attacker?.publishAsync(topics.manifest(SCREEN.id), JSON.stringify(envelope), { qos: 1, retain: true });
    const stillGenuine = async () => {
      await expect(page.getByText('Pengumuman resmi kedua')).toBeVisible();
      expect(await page.evaluate(() => window.baruga?.manifestVersion)).toBe(2);
    };

    // 3. Tampered: a higher version, another text, the old signature.
    const tampered = structuredClone(v2);
    tampered.manifest.version = 3;
    (tampered.manifest.loop as { props: { body: string } }[])[0]!.props.body = 'DIRETAS';
    await deliver(tampered);
    await expect.poll(() => rejections(page)).toContainEqual(expect.stringContaining('BARUGA_ERR_MANIFEST_SIGNATURE'));
    await expect(page.getByText('DIRETAS')).toHaveCount(0);
    await stillGenuine();

    // 4. Replayed: the genuine version 1, signature intact, sent again.
    await deliver(v1);
    await expect.poll(() => rejections(page)).toContainEqual(expect.stringContaining('BARUGA_ERR_MANIFEST_ROLLBACK'));
    await stillGenuine();

    // 5. Expired: properly signed with the controller's own key (as if stolen from a backup), but past
    //    its expiry when it arrives.
    const key = crypto.createPrivateKey(fs.readFileSync(path.join(controller.dataDir, 'keys', 'manifest-ed25519.pem')));
    const expiredManifest = {
      ...v2.manifest,
      version: 4,
      issuedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      expiresAt: new Date(Date.now() - 3600_000).toISOString(),
      loop: (v2.manifest.loop as { props: object }[]).map((i) => ({ ...i, props: { body: 'Kedaluwarsa' } })),
    };
    const signature = crypto.sign(null, Buffer.from(manifestSigningInput(expiredManifest)), key).toString('base64url');
    await deliver({ manifest: expiredManifest, alg: 'Ed25519', keyId: v2.keyId, signature });
    await expect.poll(() => rejections(page)).toContainEqual(expect.stringContaining('BARUGA_ERR_MANIFEST_EXPIRED'));
    await expect(page.getByText('Kedaluwarsa')).toHaveCount(0);
    await stillGenuine();
    // The operator sees why in the console's data: the player's heartbeat carries its last refusal.
    await expect
      .poll(async () => {
        const rows = (await api.call('GET', '/api/delivery/screens')).body as unknown as {
          heartbeat: { lastRejection: { code: string } | null } | null;
        }[];
        return rows[0]?.heartbeat?.lastRejection?.code;
      })
      .toBe('BARUGA_ERR_MANIFEST_EXPIRED');

    // 6. A corrupted asset: the middlebox flips a byte of every file. The new image never shows.
    proxy.corrupt = true;
    const green = await uploadColour(controller.url, api, 'hijau', GREEN);
    await addItem(api, SCREEN.id, { type: 'image', durationMs: 60_000, props: { asset: green } });
    const itemsV2 = (await api.call('GET', `/api/screens/${SCREEN.id}/items`)).body as unknown as { id: string }[];
    await api.call('DELETE', `/api/screens/${SCREEN.id}/items/${itemsV2[0]?.id}`);
    expect(await publish(api, SCREEN.id)).toBe(3);
    await expect
      .poll(() => rejections(page), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining('BARUGA_ERR_ASSET_HASH_MISMATCH'));
    expect(proxy.corrupted.length).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      expect(await looksLike(page, 20, 20, GREEN)).toBe(false);
      await page.waitForTimeout(300);
    }
    await stillGenuine();

    // 7. The network heals: the player tries again by itself and the verified image goes on screen.
    proxy.corrupt = false;
    await waitForColour(page, GREEN, 20_000);
    expect(await page.evaluate(() => window.baruga?.manifestVersion)).toBe(3);

    // 8. Remote commands on the same screen: identify shows its name large; reload comes back playing.
    const identify = await api.call('POST', `/api/screens/${SCREEN.id}/commands`, { name: 'identify' });
    expect(identify.status).toBe(202);
    await expect(page.getByTestId('identify')).toContainText(SCREEN.name, { timeout: 5000 });
    const origin = await page.evaluate(() => performance.timeOrigin);
    await api.call('POST', `/api/screens/${SCREEN.id}/commands`, { name: 'reload' });
    await expect.poll(() => page.evaluate(() => performance.timeOrigin).catch(() => origin)).not.toBe(origin);
    await waitForColour(page, GREEN, 10_000);
  });
});
