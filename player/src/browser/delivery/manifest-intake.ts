import { type Decoded, ErrorCode, type Manifest, type ManifestKey, type SignedManifest } from '@baruga/protocol';
import type { Timers } from '../clock/timers';
import type { AssetCache } from './asset-cache';
import type { ViewState } from './delivery-view';
import { itemTypes } from './item-types';
import { type GateRejection, checkManifest, envelopeFrom, importManifestKey, readEnvelope } from './manifest-gate';
import type { OwnerScope } from './owner-scope';
import type { PlayerStore } from './player-store';

/** The manifest on screen, its signature (to recognise it when it comes again) and its items' types. */
export interface ActiveManifest {
  manifest: Manifest;
  signature: string;
  types: Map<string, string>;
}

const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 5 * 60_000;

/**
 * Manifest intake for one screen (docs/delivery.md): the last good manifest from IndexedDB before any network,
 * then manifests from the wire one at a time, each verified (manifest-gate.ts) and all its assets cached and
 * checked before it goes on screen; the old one plays on meanwhile. A download that fails is tried again,
 * backing off from 5 s to 5 minutes.
 */
export function createManifestIntake(deps: {
  screenId: string;
  secure: boolean;
  /** The key this player trusts: from its enrollment, or pinned on first sight. */
  key: ManifestKey | null;
  store: PlayerStore;
  cache: AssetCache | null;
  timers: Pick<Timers, 'now'>;
  scope: OwnerScope;
  view: ViewState;
  report(error: GateRejection): void;
  /** A manifest went on screen. */
  onActive(manifest: Manifest): void;
}) {
  const { screenId, store, cache, scope, view, report } = deps;
  let key = deps.key;
  let cryptoKey: CryptoKey | null = null;
  let active: ActiveManifest | null = null;
  let retry: { cancel(): void; delayMs: number } | null = null;
  let chain: Promise<void> = Promise.resolve();

  const isStale = () => active !== null && Date.parse(active.manifest.expiresAt) <= deps.timers.now();
  const shas = (m: Manifest | undefined) => (m?.assets ?? []).map((a) => a.sha256);

  async function trust(next: ManifestKey): Promise<void> {
    key = next;
    try {
      cryptoKey = await importManifestKey(next);
    } catch (error) {
      report({ code: ErrorCode.manifestSignature, message: `cannot verify: ${String(error)}`, version: null });
    }
  }

  /** On screen now; `fromWire`: also kept as the last good manifest, and what it no longer needs evicted. */
  async function activate(manifest: Manifest, signature: string, payload: string, fromWire: boolean) {
    active = { manifest, signature, types: itemTypes(manifest) };
    document.body.dataset.manifestStale = String(isStale());
    view.set({ pendingVersion: null, stale: isStale() });
    deps.onActive(manifest);
    if (!fromWire) return;
    await store.saveManifest(screenId, payload);
    await store.setNeeds(screenId, { active: shas(manifest), pending: [] });
    if (cache) await cache.evictExcept(await store.allNeeded());
  }

  async function handle(envelope: SignedManifest, payload: string): Promise<void> {
    if (scope.disposed) return;
    if (!deps.secure || !cryptoKey || !key || !cache) {
      const message = 'not a secure context: Service Worker, Cache API and WebCrypto are off, nothing can be verified';
      return report({ code: ErrorCode.insecureContext, message, version: null });
    }
    const current = active ? { version: active.manifest.version, signature: active.signature } : null;
    const outcome = await checkManifest(envelope, { screenId, key, cryptoKey, current, now: deps.timers.now() });
    if (outcome.kind === 'same') return;
    if (outcome.kind === 'reject') return report(outcome.error);
    const manifest = outcome.manifest;
    view.set({ pendingVersion: manifest.version });
    await store.setNeeds(screenId, { active: shas(active?.manifest), pending: shas(manifest) });
    const cached = await cache.ensure(manifest.assets);
    if (!cached.ok) {
      // The old manifest plays on; the same one is tried again later (a network error may pass).
      await store.setNeeds(screenId, { active: shas(active?.manifest), pending: [] });
      view.set({ pendingVersion: null });
      report({ ...cached.error, version: manifest.version });
      const delayMs = Math.min(RETRY_MAX_MS, retry ? retry.delayMs * 2 : RETRY_FIRST_MS);
      retry?.cancel();
      retry = { cancel: scope.later(delayMs, () => enqueue(envelope, payload)), delayMs };
      return;
    }
    retry?.cancel();
    retry = null;
    await activate(manifest, outcome.envelope.signature, payload, true);
  }

  function enqueue(envelope: SignedManifest, payload: string) {
    chain = chain
      .then(() => handle(envelope, payload))
      .catch((error: unknown) => report({ code: ErrorCode.internal, message: String(error), version: null }));
  }

  return {
    /** The last good manifest (IndexedDB), verified again, on screen before any network. */
    async boot(saved: string | null): Promise<void> {
      if (!deps.secure || !key) return;
      await trust(key);
      if (!saved || !cryptoKey) return;
      const read = readEnvelope(saved);
      if (read.kind === 'reject') return report(read.error);
      const outcome = await checkManifest(read.envelope, {
        screenId,
        key,
        cryptoKey,
        current: null,
        now: deps.timers.now(),
        allowExpired: true,
      });
      if (outcome.kind === 'accept') {
        performance.mark('baruga:boot-manifest');
        await activate(outcome.manifest, outcome.envelope.signature, saved, false);
      } else if (outcome.kind === 'reject') report(outcome.error);
    },
    /** A manifest message, decoded once by the controller link; handled one at a time. */
    receive(decoded: Decoded<SignedManifest>, payload: string): void {
      const read = envelopeFrom(decoded);
      if (read.kind === 'reject') report(read.error);
      else enqueue(read.envelope, payload);
    },
    /** The key the controller signs with, as its config says: pinned on first sight, compared after that. */
    async offerKey(offered: ManifestKey): Promise<void> {
      if (!key) {
        // Anonymous: trust on first use the key served with the page's own code, then keep to it.
        key = offered;
        await store.pinKey(offered);
      } else if (key.keyId !== offered.keyId) {
        const message = `the controller now signs with key ${offered.keyId}; this player trusts ${key.keyId}`;
        report({ code: ErrorCode.manifestUnknownKey, message, version: null });
      }
      if (deps.secure && !cryptoKey) await trust(key);
    },
    active: () => active,
    isStale,
  };
}
export type ManifestIntake = ReturnType<typeof createManifestIntake>;
