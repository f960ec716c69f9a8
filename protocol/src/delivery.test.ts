import { describe, expect, it } from 'vitest';
import { PairingCode, PlayRecord, SignedManifest, manifestSigningInput, screenHealth } from './delivery';

describe('pairing codes', () => {
  it('accept what a person types off the screen: spaces, dashes, lower case', () => {
    expect(PairingCode.parse('k7q 4xm')).toBe('K7Q4XM');
    expect(PairingCode.parse('K7Q-4XM')).toBe('K7Q4XM');
  });

  it('refuse look-alike characters and wrong lengths', () => {
    for (const code of ['K7Q4X', 'K7Q4XMM', 'O7Q4XM', 'I7Q4XM', '07Q4XM', '17Q4XM', 'K7Q4X!']) {
      expect(PairingCode.safeParse(code).success, code).toBe(false);
    }
  });
});

describe('signed manifests', () => {
  it('sign the same bytes whatever the key order, behind a domain prefix', () => {
    const a = manifestSigningInput({ version: 2, screenId: 'a', loop: [{ b: 1, a: 2 }] });
    const b = manifestSigningInput({ loop: [{ a: 2, b: 1 }], screenId: 'a', version: 2 });
    expect(a).toBe(b);
    expect(a.startsWith('baruga-manifest-v1\n{')).toBe(true);
  });

  it('refuse envelopes with a malformed signature or key id', () => {
    const good = { manifest: {}, alg: 'Ed25519', keyId: '0123456789abcdef', signature: 'A'.repeat(86) };
    expect(SignedManifest.safeParse(good).success).toBe(true);
    expect(SignedManifest.safeParse({ ...good, signature: 'A'.repeat(85) }).success).toBe(false);
    expect(SignedManifest.safeParse({ ...good, keyId: 'XYZ' }).success).toBe(false);
    expect(SignedManifest.safeParse({ ...good, alg: 'RS256' }).success).toBe(false);
  });
});

describe('screen health', () => {
  const s = 1000;
  it('reads online within two intervals, late within four, offline after', () => {
    expect(screenHealth(0, 30 * s, 15, false)).toBe('online');
    expect(screenHealth(0, 31 * s, 15, false)).toBe('late');
    expect(screenHealth(0, 60 * s, 15, false)).toBe('late');
    expect(screenHealth(0, 61 * s, 15, false)).toBe('offline');
  });

  it('is offline at once when the last will says so, and unknown when never heard from', () => {
    expect(screenHealth(0, 1 * s, 15, true)).toBe('offline');
    expect(screenHealth(null, 0, 15, false)).toBe('unknown');
  });
});

describe('proof-of-play records', () => {
  const record = {
    id: '5b0f3d4e-9a51-4c1e-8d0b-3c2e1f0a9b8c',
    screenId: 'lobi-1',
    itemId: 'item-1',
    itemType: 'text',
    zoneId: 'main',
    startedAt: '2026-03-01T00:00:00.000Z',
    endedAt: '2026-03-01T00:00:10.000Z',
    manifestVersion: 3,
  };
  it('refuse an end before the start', () => {
    expect(PlayRecord.safeParse(record).success).toBe(true);
    expect(PlayRecord.safeParse({ ...record, endedAt: '2026-02-28T23:59:59.000Z' }).success).toBe(false);
  });
});
