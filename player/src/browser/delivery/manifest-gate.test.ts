import { type ManifestKey, approvalHashInput, contentDigestInput, manifestSigningInput } from '@baruga/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GateContext, checkManifest as checkEnvelope, importManifestKey, readEnvelope } from './manifest-gate';
import { NOW, b64url, manifest } from './manifest-gate.fixtures';

/** A message as it arrives: read once through the protocol's message table, then checked. */
async function checkManifest(payload: string, ctx: GateContext) {
  const read = readEnvelope(payload);
  return read.kind === 'reject' ? read : checkEnvelope(read.envelope, ctx);
}

describe('the manifest gate', () => {
  let key: ManifestKey;
  let cryptoKey: CryptoKey;
  let sign: (m: unknown, keyId?: string) => Promise<string>;

  beforeAll(async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    key = {
      alg: 'Ed25519',
      keyId: '0123456789abcdef',
      publicKey: b64url(await crypto.subtle.exportKey('raw', pair.publicKey)),
    };
    cryptoKey = await importManifestKey(key);
    sign = async (m, keyId = key.keyId) => {
      const signature = await crypto.subtle.sign(
        { name: 'Ed25519' },
        pair.privateKey,
        new TextEncoder().encode(manifestSigningInput(m)),
      );
      return JSON.stringify({ manifest: m, alg: 'Ed25519', keyId, signature: b64url(signature) });
    };
  });

  const ctx = (current: { version: number; signature: string } | null = null) => ({
    screenId: 'lobi-1',
    key,
    cryptoKey,
    current,
    now: NOW,
  });

  it('accepts a signed manifest for this screen', async () => {
    const outcome = await checkManifest(await sign(manifest(3)), ctx());
    expect(outcome.kind).toBe('accept');
  });

  it('refuses a tampered manifest: one changed prop breaks the signature', async () => {
    const signed = JSON.parse(await sign(manifest(3)));
    signed.manifest.loop[0].props.body = 'Diretas';
    const outcome = await checkManifest(JSON.stringify(signed), ctx());
    expect(outcome).toMatchObject({ kind: 'reject', error: { code: 'BARUGA_ERR_MANIFEST_SIGNATURE', version: 3 } });
  });

  it('refuses a manifest signed with another key', async () => {
    const outcome = await checkManifest(await sign(manifest(3), 'fedcba9876543210'), ctx());
    expect(outcome).toMatchObject({ kind: 'reject', error: { code: 'BARUGA_ERR_MANIFEST_UNKNOWN_KEY' } });
  });

  it('refuses an older version (a replayed old manifest), and ignores the one playing', async () => {
    const playing = JSON.parse(await sign(manifest(5)));
    const current = { version: 5, signature: playing.signature as string };
    expect(await checkManifest(JSON.stringify(playing), ctx(current))).toEqual({ kind: 'same' });
    const older = await checkManifest(await sign(manifest(4)), ctx(current));
    expect(older).toMatchObject({ kind: 'reject', error: { code: 'BARUGA_ERR_MANIFEST_ROLLBACK', version: 4 } });
    const twin = await checkManifest(await sign(manifest(5, { loop: [] })), ctx(current));
    expect(twin).toMatchObject({ kind: 'reject', error: { code: 'BARUGA_ERR_MANIFEST_REPLAY' } });
  });

  it('refuses a manifest already expired when it arrives, but boots a stored one past its expiry', async () => {
    const expired = await sign(manifest(6, { expiresAt: '2026-02-28T12:00:00.000Z' }));
    expect(await checkManifest(expired, ctx())).toMatchObject({
      kind: 'reject',
      error: { code: 'BARUGA_ERR_MANIFEST_EXPIRED' },
    });
    expect((await checkManifest(expired, { ...ctx(), allowExpired: true })).kind).toBe('accept');
  });

  it('refuses a manifest for another screen and anything that is not a signed envelope', async () => {
    const other = manifest(7, { screenId: 'lobi-2', screen: { ...manifest(7).screen, id: 'lobi-2' } });
    expect(await checkManifest(await sign(other), ctx())).toMatchObject({
      error: { code: 'BARUGA_ERR_MANIFEST_WRONG_SCREEN' },
    });
    expect(await checkManifest(JSON.stringify(manifest(8)), ctx())).toMatchObject({
      error: { code: 'BARUGA_ERR_MANIFEST_INVALID' },
    });
    expect(await checkManifest('{not json', ctx())).toMatchObject({ error: { code: 'BARUGA_ERR_MANIFEST_INVALID' } });
  });
});

describe('the manifest gate on a public screen (the two-person rule)', () => {
  let key: ManifestKey;
  let cryptoKey: CryptoKey;
  let sign: (m: unknown) => Promise<string>;
  const hex = async (text: string) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  const rina = { kind: 'user' as const, id: '2', name: 'rina' };
  const andi = { kind: 'user' as const, id: '3', name: 'andi' };
  const CHECKED = { noSara: true, noPornography: true, noTobacco: true, noAlcohol: true, noCampaign: true } as const;

  /** A public screen's manifest, with the approval the controller would seal for exactly its content. */
  async function approved(version: number, by = andi, body = 'Halo') {
    const m = manifest(version, {
      screen: { ...manifest(1).screen, public: true },
      loop: [{ id: 'a', type: 'text', typeVersion: 1, durationMs: 10_000, props: { body }, sample: false }],
    });
    const record = {
      id: '00000000-0000-4000-8000-000000000001',
      screenId: 'lobi-1',
      contentDigest: await hex(contentDigestInput(m)),
      authors: [rina],
      approvedBy: by,
      approvedAt: '2026-02-28T00:00:00.000Z',
      checklist: CHECKED,
      note: '',
    };
    return { ...m, approval: { ...record, hash: await hex(approvalHashInput(record)) } };
  }

  beforeAll(async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    key = {
      alg: 'Ed25519',
      keyId: 'fedcba9876543210',
      publicKey: b64url(await crypto.subtle.exportKey('raw', pair.publicKey)),
    };
    cryptoKey = await importManifestKey(key);
    // The controller's own key signs every case below: only the approval decides.
    sign = async (m) => {
      const signature = await crypto.subtle.sign(
        { name: 'Ed25519' },
        pair.privateKey,
        new TextEncoder().encode(manifestSigningInput(m)),
      );
      return JSON.stringify({ manifest: m, alg: 'Ed25519', keyId: key.keyId, signature: b64url(signature) });
    };
  });
  const ctx = () => ({ screenId: 'lobi-1', key, cryptoKey, current: null, now: NOW });
  const refusal = async (m: unknown) => {
    const outcome = await checkManifest(await sign(m), ctx());
    return outcome.kind === 'reject' ? outcome.error : null;
  };

  it('plays an approved manifest', async () => {
    expect(await refusal(await approved(4))).toBeNull();
  });

  it('refuses one with no approval, signed as it may be', async () => {
    const { approval: _none, ...bare } = await approved(4);
    expect(await refusal(bare)).toMatchObject({ code: 'BARUGA_ERR_MANIFEST_UNAPPROVED', version: 4 });
  });

  it('refuses content changed after its approval, even carrying that approval', async () => {
    const m = await approved(5);
    const changed = { ...m, loop: [{ ...m.loop[0], props: { body: 'DIRETAS' } }] };
    expect(await refusal(changed)).toMatchObject({
      code: 'BARUGA_ERR_MANIFEST_UNAPPROVED',
      message: 'the content differs from what was approved',
    });
  });

  it('refuses a record changed after it was sealed, and one approved by its own author', async () => {
    const m = await approved(6);
    const forged = { ...m, approval: { ...m.approval, approvedBy: andi, authors: [rina, { ...rina, id: '9' }] } };
    expect((await refusal(forged))?.message).toBe('the approval record does not match its hash');
    expect((await refusal(await approved(6, rina)))?.message).toMatch(/one of its authors/);
  });

  it('needs no approval on a screen that is not public, and its timing fields stay outside what is approved', async () => {
    expect(await refusal(manifest(7))).toBeNull();
    const m = await approved(8);
    expect(await refusal({ ...m, version: 9, issuedAt: '2026-02-28T12:00:00.000Z' })).toBeNull();
  });
});
