import crypto from 'node:crypto';
import {
  type ApprovalView,
  type Manifest,
  POLICY_CHECKS,
  approvalHashInput,
  approvalProblem,
  contentDigestInput,
} from '@baruga/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAs } from '../testing/accounts';
import { startTestController } from '../testing/test-controller';

type Started = Awaited<ReturnType<typeof startTestController>>;
let t: Started;
let editor: Record<string, string>;
let approver: Record<string, string>;

const SCREEN = 'videotron-1';
const ALL_CHECKED = Object.fromEntries(POLICY_CHECKS.map((c) => [c, true]));
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  t = await startTestController();
  editor = sessionAs(t.controller, 'editor', 'rina');
  approver = sessionAs(t.controller, 'approver', 'andi');
  const created = await inject(
    'POST',
    '/api/screens',
    { id: SCREEN, name: 'Videotron', width: 960, height: 320, public: true },
    t.auth,
  );
  expect(created.statusCode).toBe(201);
  await inject('POST', '/api/screens', { id: 'kiosk-1', name: 'Kiosk', width: 1080, height: 1920 }, t.auth);
});
afterAll(async () => {
  await t.controller.close();
});

function inject(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload: object | undefined,
  headers: Record<string, string>,
) {
  return t.controller.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

const announce = (body: string, who = editor, screen = SCREEN) =>
  inject('POST', `/api/screens/${screen}/items`, { type: 'text', props: { body } }, who);
const publish = (who = editor, screen = SCREEN) => inject('POST', `/api/screens/${screen}/publish`, undefined, who);
const pending = async (): Promise<ApprovalView[]> =>
  (await inject('GET', '/api/approvals?state=pending', undefined, approver)).json().approvals;
const manifest = () => t.controller.repos.manifests.latest(SCREEN);

describe('the two-person rule on a public screen', () => {
  let first = '';

  it('1. an editor’s publication waits in the queue: nothing reaches the screen', async () => {
    expect((await announce('Pengumuman resmi')).statusCode).toBe(201);
    const refused = await publish();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'BARUGA_ERR_APPROVAL_REQUIRED', details: { screenId: SCREEN } });
    expect(manifest()).toBeNull();
    const queue = await pending();
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      screenId: SCREEN,
      state: 'pending',
      authors: [{ kind: 'user', name: 'rina' }],
      mayDecide: true,
      hash: null,
    });
    first = queue[0]?.id ?? '';
    expect(refused.json().error.details.approvalId).toBe(first);
    // Rina may look, not decide; the detail shows what would go on screen.
    const detail = (await inject('GET', `/api/approvals/${first}`, undefined, editor)).json();
    expect(detail).toMatchObject({ mayDecide: false, onScreen: null });
    expect(JSON.stringify(detail.content.loop)).toContain('Pengumuman resmi');
  });

  it('2. an editor cannot approve; an approver must affirm every item of the content policy', async () => {
    expect(
      (await inject('POST', `/api/approvals/${first}/approve`, { checklist: ALL_CHECKED }, editor)).statusCode,
    ).toBe(403);
    const partial = await inject(
      'POST',
      `/api/approvals/${first}/approve`,
      { checklist: { ...ALL_CHECKED, noCampaign: false } },
      approver,
    );
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error).toMatchObject({
      code: 'BARUGA_ERR_CHECKLIST_INCOMPLETE',
      details: { unchecked: ['noCampaign'] },
    });
    expect(manifest()).toBeNull();
  });

  it('3. approved, the screen is published with the approval bound into its signed manifest', async () => {
    const approved = await inject(
      'POST',
      `/api/approvals/${first}/approve`,
      { checklist: ALL_CHECKED, note: 'Sesuai' },
      approver,
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ approval: { state: 'approved' }, published: { version: 1 } });
    const m = manifest() as Manifest;
    const { hash, ...record } = m.approval ?? { hash: '' };
    expect(m.approval).toMatchObject({
      id: first,
      screenId: SCREEN,
      authors: [{ kind: 'user', name: 'rina' }],
      approvedBy: { kind: 'user', name: 'andi' },
      checklist: ALL_CHECKED,
      note: 'Sesuai',
    });
    // What the player checks holds: the record's hash, and the digest of exactly this content.
    const computed = {
      contentDigest: sha256(contentDigestInput(m as unknown as Record<string, unknown>)),
      recordHash: sha256(approvalHashInput(record as Parameters<typeof approvalHashInput>[0])),
    };
    expect(computed.recordHash).toBe(hash);
    expect(approvalProblem(m, computed)).toBeNull();
    expect(approvalProblem(m, { ...computed, contentDigest: sha256('other') })).toMatch(/differs/);
    // The signed bytes carry it too, and the audit trail names the same hash.
    const signed = t.controller.repos.manifests.allSigned().find((s) => s.screenId === SCREEN);
    expect(signed?.signed).toContain(hash);
    const entry = t.controller.repos.audit.page(50, 0).find((e) => e.action === 'approval.approve');
    expect(entry).toMatchObject({ actor: { name: 'andi' }, target: first, detail: { hash, publishedVersion: 1 } });
  });

  it('4. publishing the same content again needs no new approval; a non-public screen never needs one', async () => {
    expect((await publish()).json()).toMatchObject({ version: 2 });
    expect(manifest()?.approval?.id).toBe(first);
    await announce('Halo kiosk', editor, 'kiosk-1');
    expect((await publish(editor, 'kiosk-1')).statusCode).toBe(200);
    expect(t.controller.repos.manifests.latest('kiosk-1')?.approval).toBeUndefined();
    expect(await pending()).toEqual([]);
  });

  it('5. a later edit needs approval again, and whoever changed it cannot approve it', async () => {
    // Rina adds an item without publishing; the admin publishes: both are authors.
    await announce('Tambahan dari Rina');
    const refused = await publish(t.auth);
    expect(refused.statusCode).toBe(409);
    const [request] = await pending();
    expect(request?.authors.map((a) => a.name).sort()).toEqual(['admin', 'rina']);
    expect(manifest()?.version).toBe(2);
    const own = await inject('POST', `/api/approvals/${request?.id}/approve`, { checklist: ALL_CHECKED }, t.auth);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('BARUGA_ERR_OWN_CONTENT');
    expect(
      (await inject('POST', `/api/approvals/${request?.id}/approve`, { checklist: ALL_CHECKED }, approver)).json(),
    ).toMatchObject({ published: { version: 3 } });
  });

  it('6. an approval of content that changed since is stale; the current content is queued instead', async () => {
    await announce('Versi satu');
    await publish();
    const [asked] = await pending();
    await announce('Versi dua, belum dilihat');
    const stale = await inject('POST', `/api/approvals/${asked?.id}/approve`, { checklist: ALL_CHECKED }, approver);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('BARUGA_ERR_APPROVAL_STALE');
    const [newer] = await pending();
    expect(newer?.id).toBe(stale.json().error.details.newer);
    expect(newer?.authors.map((a) => a.name)).toEqual(['rina']);
    expect(manifest()?.version).toBe(3);
    expect(t.controller.repos.approvals.get(asked?.id ?? '')?.state).toBe('superseded');
  });

  it('7. rejected with a reason, nothing goes out; a rejection needs the reason', async () => {
    const [request] = await pending();
    expect((await inject('POST', `/api/approvals/${request?.id}/reject`, { note: '' }, approver)).statusCode).toBe(400);
    const rejected = await inject(
      'POST',
      `/api/approvals/${request?.id}/reject`,
      { note: 'Ada logo partai di gambar' },
      approver,
    );
    expect(rejected.json()).toMatchObject({ approval: { state: 'rejected', note: 'Ada logo partai di gambar' } });
    expect(manifest()?.version).toBe(3);
    const again = await inject('POST', `/api/approvals/${request?.id}/approve`, { checklist: ALL_CHECKED }, approver);
    expect(again.json().error.code).toBe('BARUGA_ERR_APPROVAL_CLOSED');
  });

  it('8. a playlist scheduled on the screen by an event is authored by whoever scheduled it', async () => {
    await inject(
      'POST',
      '/api/playlists',
      { id: 'kampanye', name: 'Info', items: [{ type: 'text', props: { body: 'Info' } }] },
      editor,
    );
    const other = sessionAs(t.controller, 'editor', 'sinta');
    const event = await inject(
      'POST',
      '/api/events',
      { name: 'Info', playlistId: 'kampanye', targets: { screens: [SCREEN] }, start: '2026-01-01T08:00' },
      other,
    );
    expect(event.statusCode).toBe(201);
    // The event republished the screen: its content is queued, with its author named through the publish.
    const [request] = await pending();
    expect(request?.authors.map((a) => a.name)).toContain('sinta');
    expect(manifest()?.version).toBe(3);
  });
});

describe('an action held for a second person (a manual alert, when the setting asks for two)', () => {
  it('waits in the same queue, cannot be approved by its author, and is carried out once another approver says so', async () => {
    // 1. The setting, and the alerts domain's part: what to do once approved.
    expect((await inject('PUT', '/api/settings/approval', { manualAlertsNeedTwoPeople: true }, t.auth)).json()).toEqual(
      {
        manualAlertsNeedTwoPeople: true,
      },
    );
    expect((await inject('GET', '/api/settings/approval', undefined, editor)).json().manualAlertsNeedTwoPeople).toBe(
      true,
    );
    const sent: { content: Record<string, unknown>; hash: string }[] = [];
    t.controller.held.register('alert', async (content, approval) => {
      sent.push({ content, hash: approval.hash });
    });
    // 2. An approver starts a manual alert: it is held, not sent.
    const andi = t.controller.repos.users.get('andi');
    if (!andi) throw new Error('andi missing');
    const alert = { headline: 'Evakuasi gedung B', screens: [SCREEN] };
    const held = t.controller.held.hold('alert', {
      summary: 'Evakuasi gedung B',
      content: alert,
      author: { kind: 'user', id: andi.id, username: 'andi' },
    });
    expect(sent).toEqual([]);
    const queued = (await inject('GET', `/api/approvals/${held.id}`, undefined, approver)).json();
    expect(queued).toMatchObject({ kind: 'alert', screenId: null, mayDecide: false, content: alert });
    // 3. Its author cannot confirm it; an admin who did not start it can, without the content checklist.
    const own = await inject('POST', `/api/approvals/${held.id}/approve`, {}, approver);
    expect(own.json().error.code).toBe('BARUGA_ERR_OWN_CONTENT');
    const confirmed = await inject(
      'POST',
      `/api/approvals/${held.id}/approve`,
      { note: 'Benar, ada kebakaran' },
      t.auth,
    );
    expect(confirmed.json()).toMatchObject({ approval: { state: 'approved', kind: 'alert' }, published: null });
    expect(sent).toEqual([{ content: alert, hash: confirmed.json().approval.hash }]);
    // The trail tells it: asked by andi, refused to andi (an attempt to approve one's own), approved by admin.
    const trail = t.controller.repos.audit.page(3, 0).map((e) => [e.action, e.actor.name, e.outcome]);
    expect(trail).toEqual([
      ['approval.approve', 'admin', 200],
      ['approval.approve', 'andi', 403],
      ['approval.request', 'andi', 202],
    ]);
  });
});
