import {
  type BarugaError,
  type Decoded,
  ErrorCode,
  type Manifest,
  type ManifestKey,
  type SignedManifest,
  decodeMessage,
  manifestSigningInput,
  parseManifest,
} from '@baruga/protocol';
import { approvalRefusal } from './approval-check';

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

/** Bytes as base64url without padding, the only spelling the controller writes. */
function base64urlOf(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The signature's bytes, or null unless the text is their one canonical spelling. A base64 text's last character
 * carries spare bits a decoder ignores, so several texts decode to one signature; accepting them would let a copy
 * of a manifest pass as a different one (the replay check compares signatures as written).
 */
function canonicalSignature(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = base64urlBytes(text);
  } catch {
    return null;
  }
  return base64urlOf(bytes) === text ? bytes : null;
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

/** A manifest message read once (size, JSON, envelope schema: the protocol's message table), or why not. */
export type EnvelopeOutcome = { kind: 'envelope'; envelope: SignedManifest } | { kind: 'reject'; error: GateRejection };

/** The envelope of a manifest message the controller link decoded (protocol decodeMessage). */
export function envelopeFrom(decoded: Decoded<SignedManifest>): EnvelopeOutcome {
  if (decoded.ok) return { kind: 'envelope', envelope: decoded.value };
  const what = decoded.problem === 'failed its schema' ? 'is not a signed envelope' : decoded.problem;
  return {
    kind: 'reject',
    error: { code: ErrorCode.manifestInvalid, message: `manifest message ${what}`, version: null },
  };
}

/** A stored manifest message (the one on screen, kept for the next boot), read the same way. */
export const readEnvelope = (payload: string): EnvelopeOutcome => envelopeFrom(decodeMessage('manifest', payload));

/**
 * Everything a manifest must pass before the player even downloads its assets: the pinned key, a valid Ed25519
 * signature over exactly the manifest received, this screen, on a public screen an approval of exactly this
 * content, a version above the one playing (no rollback, no replay), and an expiry still ahead. The manifest itself
 * is parsed only once its signature checks out.
 */
export async function checkManifest(envelope: SignedManifest, ctx: GateContext): Promise<GateOutcome> {
  const claimed = typeof envelope.manifest.version === 'number' ? envelope.manifest.version : null;
  if (envelope.keyId !== ctx.key.keyId) {
    return reject(
      ErrorCode.manifestUnknownKey,
      `manifest signed with key ${envelope.keyId}, this player trusts ${ctx.key.keyId}`,
      claimed,
    );
  }
  const signature = canonicalSignature(envelope.signature);
  let valid = false;
  try {
    valid =
      signature !== null &&
      (await crypto.subtle.verify(
        { name: 'Ed25519' },
        ctx.cryptoKey,
        signature,
        new TextEncoder().encode(manifestSigningInput(envelope.manifest)),
      ));
  } catch {
    valid = false;
  }
  if (!valid) return reject(ErrorCode.manifestSignature, 'manifest signature does not verify', claimed);

  const parsed = parseManifest(envelope.manifest);
  if (!parsed.ok) return reject(ErrorCode.manifestInvalid, parsed.error.message, claimed);
  const manifest = parsed.value;
  if (manifest.screenId !== ctx.screenId) {
    return reject(ErrorCode.manifestWrongScreen, `manifest is for screen ${manifest.screenId}`, manifest.version);
  }
  // A public screen shows only what a second person approved, exactly as signed (the two-person rule).
  const unapproved = await approvalRefusal(envelope.manifest, manifest);
  if (unapproved) return reject(ErrorCode.manifestUnapproved, unapproved, manifest.version);
  if (ctx.current) {
    if (manifest.version === ctx.current.version && envelope.signature === ctx.current.signature) {
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
  return { kind: 'accept', manifest, envelope };
}
