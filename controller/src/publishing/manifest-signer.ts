import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Manifest, type ManifestKey, type SignedManifest, manifestSigningInput } from '@baruga/protocol';

export interface ManifestSigner {
  /** The public half, as players pin it at enrollment. */
  readonly key: ManifestKey;
  sign(manifest: Manifest): SignedManifest;
  /** The wire message for a screen's manifest topic. */
  wire(manifest: Manifest): string;
}

export const MANIFEST_KEY_FILE = path.join('keys', 'manifest-ed25519.pem');

/**
 * The controller's Ed25519 manifest key: made on first start under BARUGA_DATA (owner-only, 0600),
 * read on every start after. Losing it means re-enrolling every player, so it is never rewritten.
 */
export function loadOrCreateManifestSigner(dataDir: string): ManifestSigner {
  const file = path.join(dataDir, MANIFEST_KEY_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
    // Written under a temporary name and linked into place: two controllers starting on one data
    // directory at once both end up with the same key, never a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  // A key readable by others is tightened rather than trusted as is (a copied backup, a loose umask).
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return signerFromPem(fs.readFileSync(file, 'utf8'));
}

export function signerFromPem(pem: string): ManifestSigner {
  const privateKey = crypto.createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the manifest key must be an Ed25519 key');
  const raw = rawPublicKey(crypto.createPublicKey(privateKey));
  const key: ManifestKey = {
    alg: 'Ed25519',
    keyId: crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16),
    publicKey: raw.toString('base64url'),
  };
  const sign = (manifest: Manifest): SignedManifest => ({
    manifest: manifest as unknown as Record<string, unknown>,
    alg: 'Ed25519',
    keyId: key.keyId,
    signature: crypto.sign(null, Buffer.from(manifestSigningInput(manifest), 'utf8'), privateKey).toString('base64url'),
  });
  return { key, sign, wire: (manifest) => JSON.stringify(sign(manifest)) };
}

/** The 32 raw bytes of an Ed25519 public key (the tail of its SPKI encoding). */
function rawPublicKey(publicKey: crypto.KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('public key has no x coordinate');
  return Buffer.from(jwk.x, 'base64url');
}
