import {
  type AssetRef,
  ErrorCode,
  Heartbeat,
  type Manifest,
  type ManifestKey,
  PlayAck,
  type PlayerConfig,
  PlayerSelf,
  type Rejection,
  type Result,
  err,
  ok,
  topics,
} from '@baruga/protocol';
import {
  ConfigFetchError,
  type ConnectionState,
  type PlayerConnection,
  connectPlayer,
  fetchPlayerConfig,
  playerId as anonymousPlayerId,
} from '../connection';
import { onShown, recordRejected } from '../telemetry';
import { type AssetCache, createAssetCache } from './asset-cache';
import { createCommandRunner } from './command-runner';
import { createClockOffset, createFpsMeter, jsHeapBytes } from './heartbeat';
import { apiUrl, assetUrl, hostBridge, hostInfo } from './host-bridge';
import { openPlayerDb } from './idb';
import { type GateRejection, base64urlBytes, checkManifest, importManifestKey } from './manifest-gate';
import { type Enrollment, createPlayerStore } from './player-store';
import { createPlayRecorder, createPlayUploader } from './proof-of-play';

/** Why the player cannot play (or connect) as it should; the overlay says it in Indonesian and English. */
export type DeliveryProblem = 'insecure' | 'unknownScreen' | 'claimed' | 'revoked' | null;

/** What the screen shows besides content: blackout, identify, problems. */
export interface DeliveryView {
  connection: ConnectionState;
  problem: DeliveryProblem;
  blackout: boolean;
  identify: { until: number } | null;
  /** The manifest on screen is past its expiry (the player was cut off): for operators, never on screen. */
  stale: boolean;
  pendingVersion: number | null;
}

/** The same shape as rendering/timers.ts: owner-scoped timers, so tests can run hours in seconds. */
export interface DeliveryTimers {
  now(): number;
  after(ms: number, fn: () => void): () => void;
}

const wallClock: DeliveryTimers = {
  now: () => Date.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};

const POP_SEND_MS = 5_000;
const CONFIG_RETRY_MAX_MS = 10_000;
const CHECKPOINT_MS = 5_000;
const CLOCK_SYNC_MS = 5 * 60_000;
const SELF_REFRESH_MS = 5 * 60_000;

export const INITIAL_VIEW: DeliveryView = {
  connection: 'connecting',
  problem: null,
  blackout: false,
  identify: null,
  stale: false,
  pendingVersion: null,
};

function assetsOf(manifest: Manifest): AssetRef[] {
  return manifest.assets;
}

function itemTypes(manifest: Manifest): Map<string, string> {
  const types = new Map<string, string>();
  for (const item of [...manifest.loop, ...Object.values(manifest.playlists).flat()]) types.set(item.id, item.type);
  return types;
}

const basicAuth = (e: Enrollment) => `Basic ${btoa(`${e.playerId}:${e.secret}`)}`;

/**
 * Player delivery for one screen (docs/delivery.md): boots from what it has (signed manifest and assets in
 * IndexedDB and the Cache API) before it asks the network for anything, verifies every manifest (signature,
 * screen, version, expiry) and every asset (SHA-256) before it goes on screen, and keeps the controller
 * informed: heartbeat, proof of play, command acknowledgements.
 */
export function startDelivery(
  screenId: string,
  events: { onManifest(manifest: Manifest): void; onView(view: DeliveryView): void },
  timers: DeliveryTimers = wallClock,
): { dispose(): void } {
  const secure = window.isSecureContext && !!globalThis.crypto?.subtle && typeof caches !== 'undefined';
  const session = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  const cleanups: (() => void)[] = [];
  let disposed = false;
  let view: DeliveryView = { ...INITIAL_VIEW, problem: secure ? null : 'insecure' };
  const setView = (patch: Partial<DeliveryView>) => {
    const next = { ...view, ...patch };
    // Only real changes re-render the screen (a reconnect attempt every second while offline is not one).
    if ((Object.keys(next) as (keyof DeliveryView)[]).every((k) => next[k] === view[k])) return;
    view = next;
    if (!disposed) events.onView(view);
  };
  events.onView(view);
  /** One-shot timers still to fire; each forgets itself when it fires, so months of retries leave nothing. */
  const pending = new Set<() => void>();
  const later = (ms: number, fn: () => void): (() => void) => {
    const cancel = timers.after(ms, () => {
      pending.delete(cancel);
      fn();
    });
    pending.add(cancel);
    return () => {
      pending.delete(cancel);
      cancel();
    };
  };
  cleanups.push(() => {
    for (const cancel of pending) cancel();
    pending.clear();
  });
  /** Repeats `fn` every `ms` until disposed (owner-scoped, never a raw setInterval). */
  const every = (ms: number, fn: () => void) => {
    let cancel = timers.after(ms, function tick() {
      fn();
      cancel = timers.after(ms, tick);
    });
    cleanups.push(() => cancel());
  };

  void (async () => {
    // Marks for the cold-start benchmark (bench/delivery): delivery started, manifest from cache ready.
    performance.mark('baruga:delivery-start');
    const db = await openPlayerDb();
    cleanups.push(() => db.close());
    if (disposed) return db.close();
    const store = createPlayerStore(db);
    const cache: AssetCache | null = secure ? createAssetCache({ db, assetUrl }) : null;
    const recorder = createPlayRecorder({ db, screenId, session, now: timers.now });

    const [enrollment, pinned, blackout, saved] = await Promise.all([
      store.enrollment(),
      store.pinnedKey(),
      store.blackout(screenId),
      store.savedManifest(screenId),
    ]);
    const enrolled =
      enrollment?.state === 'active' && enrollment.screens.some((s) => s.id === screenId) ? enrollment : null;
    const playerId = enrolled?.playerId ?? anonymousPlayerId();
    let key: ManifestKey | null = enrolled?.manifestKey ?? pinned;
    let cryptoKey: CryptoKey | null = null;

    let active: { manifest: Manifest; signature: string; types: Map<string, string> } | null = null;
    let lastRejection: Rejection | null = null;
    let connection: PlayerConnection | null = null;
    let heartbeatIntervalS = 15;
    let seq = 0;
    let retry: { cancel(): void; delayMs: number } | null = null;
    const fps = createFpsMeter(timers.now);
    cleanups.push(() => fps.dispose());
    const clock = createClockOffset({ url: apiUrl('api/player/time'), now: timers.now });
    const host = hostInfo();

    // A blacked-out screen stays black across a reboot until an operator restores it.
    setView({ blackout });
    if (blackout) void recorder.pause();

    const report = (error: GateRejection | (Rejection & { version: number | null })) => {
      lastRejection = {
        code: error.code,
        message: error.message.slice(0, 500),
        at: new Date(timers.now()).toISOString(),
        version: error.version,
      };
      recordRejected(`${error.code}: ${error.message}`);
      void sendHeartbeat();
    };

    const isStale = () => active !== null && Date.parse(active.manifest.expiresAt) <= timers.now();

    /** On screen now; `fromWire`: also kept as the last good manifest, and what it no longer needs evicted. */
    async function activate(manifest: Manifest, signature: string, payload: string, fromWire: boolean) {
      active = { manifest, signature, types: itemTypes(manifest) };
      document.body.dataset.manifestStale = String(isStale());
      setView({ pendingVersion: null, stale: isStale() });
      events.onManifest(manifest);
      connection?.reportStatus({ manifestVersion: manifest.version });
      void sendHeartbeat();
      if (!fromWire) return;
      await store.saveManifest(screenId, payload);
      await store.setNeeds(screenId, { active: assetsOf(manifest).map((a) => a.sha256), pending: [] });
      if (cache) await cache.evictExcept(await store.allNeeded());
    }

    // Listening before the boot manifest goes on screen: its very first frame is a play too.
    cleanups.push(
      onShown((shown) => {
        if (disposed) return;
        void recorder.shown({
          itemId: shown.itemId,
          itemType: active?.types.get(shown.itemId) ?? 'unknown',
          zoneId: shown.zoneId,
          manifestVersion: shown.manifestVersion || (active?.manifest.version ?? 1),
          at: Date.now(),
        });
        connection?.reportStatus({ currentItemId: shown.itemId });
      }),
    );

    // ── Boot: the last good manifest, verified again, before any network. ──────────────────────────
    if (secure && key) {
      try {
        cryptoKey = await importManifestKey(key);
        if (saved) {
          const outcome = await checkManifest(saved, {
            screenId,
            key,
            cryptoKey,
            current: null,
            now: timers.now(),
            allowExpired: true,
          });
          if (outcome.kind === 'accept') {
            performance.mark('baruga:boot-manifest');
            await activate(outcome.manifest, outcome.envelope.signature, saved, false);
          } else if (outcome.kind === 'reject') report(outcome.error);
        }
      } catch (error) {
        report({ code: ErrorCode.manifestSignature, message: `cannot verify: ${String(error)}`, version: null });
      }
    }
    if (disposed) return;
    // What a crashed or reloaded page left open is closed now, after the screen has content again.
    await recorder.recover();

    // ── Manifests from the wire, one at a time. ────────────────────────────────────────────────────
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (payload: string) => {
      chain = chain
        .then(() => handleManifest(payload))
        .catch((error: unknown) => {
          report({ code: ErrorCode.internal, message: String(error), version: null });
        });
    };

    async function handleManifest(payload: string): Promise<void> {
      if (disposed) return;
      if (!secure || !cryptoKey || !key || !cache) {
        report({
          code: ErrorCode.insecureContext,
          message: 'not a secure context: Service Worker, Cache API and WebCrypto are off, nothing can be verified',
          version: null,
        });
        return;
      }
      const outcome = await checkManifest(payload, {
        screenId,
        key,
        cryptoKey,
        current: active ? { version: active.manifest.version, signature: active.signature } : null,
        now: timers.now(),
      });
      if (outcome.kind === 'same') return;
      if (outcome.kind === 'reject') return report(outcome.error);
      const manifest = outcome.manifest;
      const activeShas = active ? assetsOf(active.manifest).map((a) => a.sha256) : [];
      setView({ pendingVersion: manifest.version });
      await store.setNeeds(screenId, { active: activeShas, pending: assetsOf(manifest).map((a) => a.sha256) });
      const cached = await cache.ensure(assetsOf(manifest));
      if (!cached.ok) {
        // The old manifest plays on; the same one is tried again later (a network error may pass).
        await store.setNeeds(screenId, { active: activeShas, pending: [] });
        setView({ pendingVersion: null });
        report({ ...cached.error, version: manifest.version });
        scheduleRetry(payload);
        return;
      }
      retry?.cancel();
      retry = null;
      await activate(manifest, outcome.envelope.signature, payload, true);
    }

    function scheduleRetry(payload: string) {
      const delayMs = Math.min(5 * 60_000, (retry?.delayMs ?? 2_500) * 2);
      retry?.cancel();
      retry = { cancel: later(delayMs, () => enqueue(payload)), delayMs };
    }

    // ── Proof of play, commands, heartbeat. ────────────────────────────────────────────────────────
    const uploader = createPlayUploader({
      db,
      screenId,
      playerId,
      now: timers.now,
      publish: (payload) => connection?.publish(topics.pop(screenId), payload) ?? false,
    });
    const onPageHide = () => void recorder.closeAll();
    window.addEventListener('pagehide', onPageHide);
    cleanups.push(() => window.removeEventListener('pagehide', onPageHide));

    const runner = createCommandRunner({
      db,
      screenId,
      playerId,
      now: timers.now,
      // Only an enrolled player acknowledges: the broker closes an anonymous connection that tries (the console
      // shows its commands as sent, without an answer).
      ack: (ack) =>
        enrolled
          ? (connection?.publishConfirmed(topics.acks(screenId), JSON.stringify(ack), 2000) ?? Promise.resolve(false))
          : Promise.resolve(true),
      actions: {
        reload: () => void later(300, () => window.location.reload()),
        screenshot: (commandId) => screenshot(commandId),
        async blackout(on) {
          await store.setBlackout(screenId, on);
          setView({ blackout: on });
          await (on ? recorder.pause() : recorder.resume());
          void sendHeartbeat();
        },
        identify(seconds) {
          setView({ identify: { until: timers.now() + seconds * 1000 } });
          later(seconds * 1000, () => setView({ identify: null }));
        },
        async clearCache() {
          if (!cache) return 'nothing cached: not a secure context';
          const others = await store.allNeeded(screenId);
          const everything = await cache.usage();
          const removed = await cache.evictExcept(others);
          const wanted = active ? assetsOf(active.manifest) : [];
          const again = await cache.ensure(wanted);
          void navigator.serviceWorker?.controller?.postMessage('refresh-shell');
          return `cleared ${removed.removed} of ${everything.assets} assets (${removed.bytes} bytes); ${
            again.ok ? `downloaded ${again.value.fetched} again` : `download failed: ${again.error.code}`
          }`;
        },
        restartHost: hostBridge() ? () => hostBridge()?.restart() ?? Promise.resolve() : null,
      },
    });

    async function screenshot(commandId: string): Promise<Result<string>> {
      const bridge = hostBridge();
      if (!bridge) return err({ code: ErrorCode.commandUnsupported, message: 'no host to take a screenshot' });
      const png = base64urlBytes((await bridge.screenshot()).replace(/\+/g, '-').replace(/\//g, '_'));
      const response = await fetch(apiUrl(`api/commands/${commandId}/screenshot`), {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: png,
      });
      if (!response.ok) {
        return err({ code: ErrorCode.commandFailed, message: `screenshot upload: HTTP ${response.status}` });
      }
      return ok(`screenshot uploaded (${png.byteLength} bytes)`);
    }

    async function sendHeartbeat(): Promise<void> {
      if (!connection?.connected) return;
      const stale = isStale();
      if (stale !== view.stale) setView({ stale });
      document.body.dataset.manifestStale = String(stale);
      const usage = cache ? await cache.usage() : { usedBytes: 0, assets: 0, quotaBytes: null };
      const heartbeat = Heartbeat.safeParse({
        playerId,
        screenId,
        at: new Date(timers.now()).toISOString(),
        seq: seq++,
        uptimeS: Math.round(performance.now() / 100) / 10,
        manifestVersion: active?.manifest.version ?? null,
        manifestExpiresAt: active?.manifest.expiresAt ?? null,
        stale,
        pendingVersion: view.pendingVersion,
        zones: recorder.zones().slice(0, 64),
        cache: usage,
        jsHeapBytes: jsHeapBytes(),
        fps: fps.sample(),
        clockOffsetMs: clock.offset(),
        blackout: view.blackout,
        host: await host,
        lastRejection,
        popBacklog: await uploader.backlog(),
      });
      if (heartbeat.success) connection?.publish(topics.heartbeat(screenId), JSON.stringify(heartbeat.data), 0);
    }

    // ── The controller: config, then MQTT (with this player's own credentials when enrolled). ─────
    async function onRefused(code: number) {
      if (!enrolled) {
        // The screen was claimed by an enrolled player meanwhile (or anonymous players were turned off).
        setView({ problem: 'claimed' });
        connection?.dispose();
        connection = null;
        return;
      }
      const self = await fetch(apiUrl('api/players/self'), { headers: { authorization: basicAuth(enrolled) } }).catch(
        () => null,
      );
      if (self?.status === 401 || self?.status === 403) {
        // Revoked (or forgotten): stop connecting, forget the credentials, and go back to pairing.
        await store.forgetEnrollment();
        connection?.dispose();
        connection = null;
        setView({ problem: 'revoked' });
        later(5000, () => window.location.replace('./'));
      } else if (code === 5) {
        setView({ problem: 'claimed' });
      }
    }

    async function refreshSelf() {
      if (!enrolled) return;
      const response = await fetch(apiUrl('api/players/self'), {
        headers: { authorization: basicAuth(enrolled) },
      }).catch(() => null);
      if (!response?.ok) return;
      const self = PlayerSelf.safeParse(await response.json());
      if (!self.success || self.data.state !== 'active') return;
      await store.saveEnrollment({ ...enrolled, screens: self.data.screens, manifestKey: self.data.manifestKey });
      // This screen was moved to another player: hand the window back to the host's enrollment page.
      if (!self.data.screens.some((s) => s.id === screenId)) {
        await hostBridge()?.openScreens(self.data.screens);
      }
    }

    async function connect(attempt: number): Promise<void> {
      if (disposed) return;
      let config: PlayerConfig;
      try {
        config = await fetchPlayerConfig(screenId);
      } catch (error) {
        if (disposed) return;
        if (error instanceof ConfigFetchError && error.status === 404) setView({ problem: 'unknownScreen' });
        // Controller unreachable: play on from the cache and try again, backing off to 10 s, with jitter so
        // a province of players does not knock all at once when it comes back.
        const delay = Math.min(CONFIG_RETRY_MAX_MS, 1000 * 2 ** attempt) * (0.8 + 0.4 * Math.random());
        later(delay, () => void connect(attempt + 1));
        return;
      }
      if (disposed) return;
      if (view.problem === 'unknownScreen') setView({ problem: null });
      heartbeatIntervalS = config.heartbeatIntervalS;
      if (!enrolled && (config.claimed || !config.openToAnonymous)) {
        // Claimed by an enrolled player, public (a videotron), or anonymous players turned off.
        setView({ problem: 'claimed' });
        return;
      }
      if (!key) {
        // Anonymous: trust on first use the key served with the page's own code, then keep to it.
        key = config.manifestKey;
        await store.pinKey(key);
      } else if (key.keyId !== config.manifestKey.keyId) {
        report({
          code: ErrorCode.manifestUnknownKey,
          message: `the controller now signs with key ${config.manifestKey.keyId}; this player trusts ${key.keyId}`,
          version: null,
        });
      }
      if (secure && !cryptoKey) {
        try {
          cryptoKey = await importManifestKey(key);
        } catch (error) {
          report({ code: ErrorCode.manifestSignature, message: `cannot verify: ${String(error)}`, version: null });
        }
      }
      void navigator.serviceWorker?.controller?.postMessage('refresh-shell');
      connection = connectPlayer(
        config,
        {
          onManifest: enqueue,
          onState(state) {
            setView({ connection: state });
            if (state === 'online') {
              void uploader.reconnected();
              void sendHeartbeat();
              if (active) connection?.reportStatus({ manifestVersion: active.manifest.version });
            }
          },
          onMessage(topic, payload) {
            if (topic === topics.popAck(screenId)) {
              try {
                const ack = PlayAck.safeParse(JSON.parse(payload));
                if (ack.success) void uploader.acknowledged(ack.data.ids);
              } catch {
                // Not JSON: nothing to acknowledge.
              }
            } else void runner.handle(payload);
          },
          onRefused: (code) => void onRefused(code),
        },
        {
          credentials: enrolled ? { username: enrolled.playerId, password: enrolled.secret } : undefined,
          subscriptions: [
            topics.commands(screenId),
            topics.popAck(screenId),
            ...(enrolled ? [topics.playerCommands(enrolled.playerId)] : []),
          ],
        },
      );
      cleanups.push(() => connection?.dispose());
      every(heartbeatIntervalS * 1000, () => void sendHeartbeat());
      every(CLOCK_SYNC_MS, () => void clock.measure().catch(() => undefined));
      every(SELF_REFRESH_MS, () => void refreshSelf());
      void clock.measure().catch(() => undefined);
    }

    every(POP_SEND_MS, () => void uploader.send());
    every(CHECKPOINT_MS, () => void recorder.checkpoint());
    if (secure) void navigator.storage?.persist?.().catch(() => false);
    void connect(0);
  })().catch((error: unknown) => {
    recordRejected(`${ErrorCode.internal}: delivery failed to start: ${String(error)}`);
  });

  return {
    dispose() {
      disposed = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
