import { type ManifestKey, canonicalJson, manifestSigningInput } from '@baruga/protocol';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GateContext, checkManifest, importManifestKey, readEnvelope } from './manifest-gate';
import { NOW, b64url, manifest } from './manifest-gate.fixtures';

/**
 * The player's manifest gate against bad input, generated: no payload makes it throw, nothing but the exact
 * manifest the controller signed is ever accepted, and a refusal always carries one of the documented codes.
 */
const CODES = [
  'BARUGA_ERR_MANIFEST_INVALID',
  'BARUGA_ERR_MANIFEST_SIGNATURE',
  'BARUGA_ERR_MANIFEST_UNKNOWN_KEY',
  'BARUGA_ERR_MANIFEST_WRONG_SCREEN',
  'BARUGA_ERR_MANIFEST_ROLLBACK',
  'BARUGA_ERR_MANIFEST_REPLAY',
  'BARUGA_ERR_MANIFEST_EXPIRED',
];

const MANIFEST = manifest(3);

/** Every leaf of a JSON document with its path, to change one of them. */
function leaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.length === 0 ? [at] : entries.flatMap(([k, v]) => leaves(v, [...at, k]));
}

function setAt(doc: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

describe('the manifest gate against generated bad input', () => {
  let signed: { manifest: unknown; alg: string; keyId: string; signature: string };
  let ctx: GateContext;
  beforeAll(async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const key: ManifestKey = {
      alg: 'Ed25519',
      keyId: '0123456789abcdef',
      publicKey: b64url(await crypto.subtle.exportKey('raw', pair.publicKey)),
    };
    const signature = await crypto.subtle.sign(
      { name: 'Ed25519' },
      pair.privateKey,
      new TextEncoder().encode(manifestSigningInput(MANIFEST)),
    );
    signed = { manifest: MANIFEST, alg: 'Ed25519', keyId: key.keyId, signature: b64url(signature) };
    ctx = { screenId: 'lobi-1', key, cryptoKey: await importManifestKey(key), current: null, now: NOW };
    // The genuine one passes, so the refusals below are the gate's doing, not a broken fixture.
    expect((await gate(JSON.stringify(signed))).kind).toBe('accept');
  });

  async function gate(payload: string) {
    const read = readEnvelope(payload);
    return read.kind === 'reject' ? read : checkManifest(read.envelope, ctx);
  }

  it('refuses any payload that is not a signed envelope, with a code, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (payload) => {
          const outcome = await gate(payload);
          expect(outcome.kind).toBe('reject');
          if (outcome.kind === 'reject') expect(CODES).toContain(outcome.error.code);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts the signed envelope with any one value changed', async () => {
    const paths = leaves(signed);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, value) => {
        const changed = setAt(signed, path, value);
        fc.pre(canonicalJson(changed) !== canonicalJson(signed));
        const outcome = await gate(JSON.stringify(changed));
        expect(outcome.kind, `${path.join('.')} = ${JSON.stringify(value)}`).toBe('reject');
        if (outcome.kind === 'reject') expect(CODES).toContain(outcome.error.code);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts one spelling of the signature: its last character has spare bits, and another value of them is refused', async () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const accepted: string[] = [];
    for (const c of alphabet) {
      const envelope = { ...signed, signature: signed.signature.slice(0, -1) + c };
      if ((await gate(JSON.stringify(envelope))).kind === 'accept') accepted.push(c);
    }
    // 64 bytes are 86 characters whose last one holds 2 bits and 4 spare: sixteen spellings decode the same.
    expect(accepted).toEqual([signed.signature.at(-1)]);
  });

  it('never accepts the signed bytes cut short or with a character changed', async () => {
    const text = JSON.stringify(signed);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(text.length - 1),
        fc.string({ minLength: 1, maxLength: 1 }),
        fc.boolean(),
        async (at, c, cut) => {
          const bad = cut ? text.slice(0, at) : text.slice(0, at) + c + text.slice(at + 1);
          fc.pre(bad !== text);
          const outcome = await gate(bad);
          // A changed character inside insignificant whitespace could still be the same document: none here.
          expect(outcome.kind).not.toBe('accept');
        },
      ),
      { numRuns: 300 },
    );
  });
});
