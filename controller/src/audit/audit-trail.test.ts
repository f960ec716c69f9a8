import { spawnSync } from 'node:child_process';
import { topics } from '@baruga/protocol';
import mqtt from 'mqtt';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestController } from '../testing/test-controller';
import { verifyChain } from './audit-repository';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
beforeAll(async () => {
  t = await startTestController();
});
afterAll(async () => {
  await t.controller.close();
});

const screen = { id: 'lobi-1', name: 'Lobi', width: 640, height: 360 };

describe('the audit trail', () => {
  it('records every write with its actor, action and target, and no read', async () => {
    const { app, repos } = t.controller;
    const before = repos.audit.all().length;
    expect(
      (await app.inject({ method: 'POST', url: '/api/screens', payload: screen, headers: t.auth })).statusCode,
    ).toBe(201);
    await app.inject({ method: 'GET', url: '/api/screens', headers: t.auth });
    // A refused write (the same id again) changes nothing and is not an action that happened.
    expect(
      (await app.inject({ method: 'POST', url: '/api/screens', payload: screen, headers: t.auth })).statusCode,
    ).toBe(409);
    const added = repos.audit.all().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: { kind: 'user', name: 'admin' },
      action: 'screen.create',
      target: 'lobi-1',
      outcome: 201,
    });
  });

  it('records sign-ins, refused ones too, without the password', async () => {
    const { app, repos } = t.controller;
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'salah-sekali' } });
    const [refused] = repos.audit.page(1, 0);
    expect(refused).toMatchObject({
      action: 'session.sign-in',
      outcome: 401,
      target: 'admin',
      actor: { kind: 'anonymous' },
    });
    expect(JSON.stringify(refused)).not.toContain('salah-sekali');
  });

  it('records a command as issued by its operator and as answered by the player that answered it', async () => {
    const { app, repos, mqttPort } = t.controller;
    // 1. An enrolled player drives the screen and listens for its commands.
    const enrolled = (
      await app.inject({ method: 'POST', url: '/api/players/enroll', payload: { host: 'browser' } })
    ).json();
    await app.inject({
      method: 'POST',
      url: '/api/players/pair',
      headers: t.auth,
      payload: { code: enrolled.pairingCode, name: 'Kiosk', screens: ['lobi-1'] },
    });
    const player = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, {
      username: enrolled.playerId,
      password: enrolled.secret,
      reconnectPeriod: 0,
    });
    try {
      await player.subscribeAsync(topics.commands('lobi-1'), { qos: 1 });
      const arrived = new Promise<{ id: string }>((resolve) =>
        player.once('message', (_topic, payload) => resolve(JSON.parse(payload.toString()) as { id: string })),
      );
      // 2. The operator asks for a reload; the player answers it.
      await app.inject({
        method: 'POST',
        url: '/api/screens/lobi-1/commands',
        headers: t.auth,
        payload: { name: 'reload' },
      });
      const command = await arrived;
      const ack = {
        commandId: command.id,
        playerId: enrolled.playerId,
        screenId: 'lobi-1',
        ok: true,
        code: 'BARUGA_OK',
      };
      await player.publishAsync(
        topics.acks('lobi-1'),
        JSON.stringify({ ...ack, message: 'reloaded', at: new Date().toISOString() }),
        {
          qos: 1,
        },
      );
      await expect.poll(() => repos.audit.page(1, 0)[0]?.action, { timeout: 3000 }).toBe('command.acknowledge');
      const [answered, issued] = repos.audit.page(2, 0);
      expect(issued).toMatchObject({
        action: 'command.issue',
        actor: { kind: 'user', name: 'admin' },
        target: 'lobi-1',
      });
      expect(answered).toMatchObject({
        actor: { kind: 'player', id: enrolled.playerId },
        target: command.id,
        outcome: 200,
        detail: { command: 'reload', screenId: 'lobi-1', code: 'BARUGA_OK' },
      });
    } finally {
      await player.endAsync();
    }
  });

  it('is a chain: a changed, removed or trailing-removed entry is found', () => {
    const { repos, db } = t.controller;
    const entries = repos.audit.all();
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(verifyChain(entries, repos.audit.head())).toBeNull();
    // SQL refuses to change it ...
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    // ... and whatever changes it anyway is found.
    const changed = entries.map((e) => (e.seq === 2 ? { ...e, target: 'someone-else' } : e));
    expect(verifyChain(changed, repos.audit.head())).toMatchObject({
      seq: 2,
      problem: 'was changed after it was written',
    });
    expect(
      verifyChain(
        entries.filter((e) => e.seq !== 2),
        repos.audit.head(),
      ),
    ).toMatchObject({ seq: 3 });
    expect(verifyChain(entries.slice(0, -1), repos.audit.head())?.problem).toMatch(/ends at entry/);
  });

  it('`npm run audit:verify` says so from the database file: intact, then broken after a change behind its back', () => {
    const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
    const verify = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'controller/src/audit/verify-command.ts'], {
        cwd: repoRoot,
        env: { ...process.env, BARUGA_DATA: t.dataDir },
        encoding: 'utf8',
      });
    const intact = verify();
    expect([intact.status, intact.stdout]).toEqual([0, expect.stringMatching(/^audit trail intact: \d+ entries/)]);
    // Someone with the file drops the guard and rewrites an entry.
    t.controller.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = 'nobody' WHERE seq = 1;");
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('audit trail BROKEN at entry 1: was changed after it was written');
  });
});
