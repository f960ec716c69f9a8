import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mqtt from 'mqtt';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import {
  ADMIN_PASSWORD,
  type ControllerProcess,
  startControllerProcess,
  tempDataDir,
} from './support/controller-process';
import { type TestPlayer, startPlayer } from './support/player-host';
import type {} from './support/player-window';

const SCREEN = { id: 'lobi-tls', name: 'Lobi TLS', width: 640, height: 360 };
/** A name for the controller that is not loopback to Chromium, as a real one on the LAN is not. */
const NAME = 'baruga.test';
const RESOLVE = `--host-resolver-rules=MAP ${NAME} 127.0.0.1`;

/** A self-signed certificate for baruga.test and 127.0.0.1, made with Debian's openssl. */
function selfSigned(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'controller.pem');
  const key = path.join(dir, 'controller.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${NAME}`,
      '-addext',
      `subjectAltName=DNS:${NAME},IP:127.0.0.1`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'pipe' },
  );
  return { cert, key };
}

/** A JSON call over HTTPS that trusts only the given certificate (fetch cannot be given one). */
function call(url: string, ca: string, method: string, body?: unknown, token?: string) {
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const request = https.request(
      url,
      {
        method,
        ca,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (d: Buffer) => (text += d.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

test.describe('HTTPS, WSS and MQTTS with a configured certificate', () => {
  let controller: ControllerProcess | undefined;
  let player: TestPlayer | undefined;
  test.afterEach(async () => {
    await player?.stop();
    await controller?.stop();
  });

  test('the API, the broker and a Chromium host that trusts the controller’s own certificate', async () => {
    test.setTimeout(90_000);
    const dir = tempDataDir('baruga-tls-');
    const files = selfSigned(dir);
    const ca = fs.readFileSync(files.cert, 'utf8');
    controller = await startControllerProcess({
      env: {
        BARUGA_SEED_DEMO: '0',
        BARUGA_TLS_CERT: files.cert,
        BARUGA_TLS_KEY: files.key,
        BARUGA_MQTTS_PORT: '0',
      },
    });
    expect(controller.url).toMatch(/^https:\/\//);

    // 1. The API over HTTPS, checked against that certificate; plain HTTP on the same port gets nowhere.
    const url = controller.url;
    expect((await call(`${url}/api/health`, ca, 'GET')).status).toBe(200);
    const plain = await fetch(url.replace('https:', 'http:') + '/api/health').then(
      (r) => r.status,
      () => 'refused',
    );
    expect(plain).not.toBe(200);
    const { token } = (await call(`${url}/api/session`, ca, 'POST', { username: 'admin', password: ADMIN_PASSWORD }))
      .json as { token: string };
    expect((await call(`${url}/api/screens`, ca, 'POST', SCREEN, token)).status).toBe(201);
    await call(
      `${url}/api/screens/${SCREEN.id}/items`,
      ca,
      'POST',
      { type: 'text', props: { body: 'Lewat TLS' } },
      token,
    );
    expect((await call(`${url}/api/screens/${SCREEN.id}/publish`, ca, 'POST', undefined, token)).status).toBe(200);

    // 2. MQTTS: with the certificate the signed manifest arrives; without it the handshake is refused.
    const mqttsPort = controller.mqttsPort ?? 0;
    expect(mqttsPort).toBeGreaterThan(0);
    const trusted = mqtt.connect(`mqtts://127.0.0.1:${mqttsPort}`, { ca, reconnectPeriod: 0, protocolVersion: 4 });
    try {
      const manifest = new Promise<string>((resolve) => trusted.once('message', (topic) => resolve(topic)));
      await new Promise<void>((resolve, reject) => {
        trusted.once('connect', () => resolve());
        trusted.once('error', reject);
      });
      await trusted.subscribeAsync(`baruga/v1/screens/${SCREEN.id}/manifest`, { qos: 1 });
      expect(await manifest).toBe(`baruga/v1/screens/${SCREEN.id}/manifest`);
    } finally {
      trusted.end(true);
    }
    const untrusted = mqtt.connect(`mqtts://127.0.0.1:${mqttsPort}`, { reconnectPeriod: 0, protocolVersion: 4 });
    const error = await new Promise<Error>((resolve) => untrusted.once('error', resolve));
    untrusted.end(true);
    expect(String(error)).toMatch(/self[- ]signed|certificate/i);

    // 3. A plain browser does not trust the certificate: the page does not load.
    const httpsUrl = url.replace('127.0.0.1', NAME);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, RESOLVE] });
    try {
      const page = await browser.newPage();
      await expect(page.goto(`${httpsUrl}/player/?screen=${SCREEN.id}`)).rejects.toThrow(/CERT/);
    } finally {
      await browser.close();
    }

    // 4. The Chromium host given the certificate (--ca) trusts it for the controller: the page is a secure
    //    context on https://baruga.test, the manifest comes over WSS, and a new publish shows at once.
    player = await startPlayer(httpsUrl, {
      screens: [{ screenId: SCREEN.id, x: 0, y: 0, ...SCREEN }],
      extraArgs: [RESOLVE],
      caFile: files.cert,
    });
    const page = await player.page(SCREEN.id);
    await expect(page.getByText('Lewat TLS').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => [location.protocol, isSecureContext])).toEqual(['https:', true]);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await call(`${url}/api/screens/${SCREEN.id}/items`, ca, 'POST', { type: 'text', props: { body: 'Kedua' } }, token);
    await call(`${url}/api/screens/${SCREEN.id}/publish`, ca, 'POST', undefined, token);
    await expect(page.getByText('Kedua').first()).toBeVisible({ timeout: 10_000 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
