import {
  type BarugaError,
  ErrorCode,
  type Manifest,
  type ManifestKey,
  SignedManifest,
  manifestSigningInput,
  parseManifest,
} from '@baruga/protocol';

/** A refusal, with the version it concerned when the envelope got that far. */
export type GateRejection = BarugaError & { version: number | null };

export type GateOutcome =
  | { kind: 'accept'; manifest: Manifest; envelope: SignedManifest }
  /** The manifest already on screen, delivered again (the retained message on every reconnect). */
  | { kind: 'same' }
  | { kind: 'reject'; error: GateRejection };

export interface GateContext {
  screenId: string;
  key: ManifestKey;
  cryptoKey: CryptoKey;
  /** The manifest on screen: a new one must have a higher version. */
  current: { version: number; signature: string } | null;
  now: number;
  /** At boot, the stored manifest may be past its expiry: a stale screen beats a dark one. */
  allowExpired?: boolean;
}

export function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The controller's Ed25519 key for WebCrypto. Throws where the browser lacks Ed25519 (Chrome before 137,
 * Safari before 17, Firefox before 129) or outside a secure context, where `crypto.subtle` is missing.
 */
export async function importManifestKey(key: ManifestKey): Promise<CryptoKey> {
  if (!globalThis.crypto?.subtle) throw new Error('crypto.subtle is unavailable (not a secure context)');
  return crypto.subtle.importKey('raw', base64urlBytes(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
}

const reject = (code: string, message: string, version: number | null = null): GateOutcome => ({
  kind: 'reject',
  error: { code, message, version },
});

/**
 * Everything a manifest must pass before the player even downloads its assets: a well-formed envelope,
 * the pinned key, a valid Ed25519 signature over exactly the bytes received, this screen, a version above
 * the one playing (no rollback, no replay), and an expiry still ahead.
 */
export async function checkManifest(payload: string, ctx: GateContext): Promise<GateOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return reject(ErrorCode.manifestInvalid, 'manifest message is not JSON');
  }
  const envelope = SignedManifest.safeParse(json);
  if (!envelope.success) return reject(ErrorCode.manifestInvalid, 'manifest message is not a signed envelope');
  const claimed = typeof envelope.data.manifest.version === 'number' ? envelope.data.manifest.version : null;
  if (envelope.data.keyId !== ctx.key.keyId) {
    return reject(
      ErrorCode.manifestUnknownKey,
      `manifest signed with key ${envelope.data.keyId}, this player trusts ${ctx.key.keyId}`,
      claimed,
    );
  }
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      ctx.cryptoKey,
      base64urlBytes(envelope.data.signature),
      new TextEncoder().encode(manifestSigningInput(envelope.data.manifest)),
    );
  } catch {
    valid = false;
  }
  if (!valid) return reject(ErrorCode.manifestSignature, 'manifest signature does not verify', claimed);

  const parsed = parseManifest(envelope.data.manifest);
  if (!parsed.ok) return reject(ErrorCode.manifestInvalid, parsed.error.message, claimed);
  const manifest = parsed.value;
  if (manifest.screenId !== ctx.screenId) {
    return reject(ErrorCode.manifestWrongScreen, `manifest is for screen ${manifest.screenId}`, manifest.version);
  }
  if (ctx.current) {
    if (manifest.version === ctx.current.version && envelope.data.signature === ctx.current.signature) {
      return { kind: 'same' };
    }
    if (manifest.version < ctx.current.version) {
      return reject(
        ErrorCode.manifestRollback,
        `manifest version ${manifest.version} is older than the one playing (${ctx.current.version})`,
        manifest.version,
      );
    }
    if (manifest.version === ctx.current.version) {
      return reject(
        ErrorCode.manifestReplay,
        `a different manifest with the version already playing (${manifest.version})`,
        manifest.version,
      );
    }
  }
  if (!ctx.allowExpired && Date.parse(manifest.expiresAt) <= ctx.now) {
    return reject(ErrorCode.manifestExpired, `manifest expired at ${manifest.expiresAt}`, manifest.version);
  }
  return { kind: 'accept', manifest, envelope: envelope.data };
}
