import { parseContentProps } from '@baruga/content';
import {
  type AssetRef,
  ErrorCode,
  type Layout,
  type LoopItem,
  MANIFEST_SCHEMA_VERSION,
  Manifest,
  type Result,
  type Zone,
  type ZoneView,
  err,
  ok,
} from '@baruga/protocol';
import type { Db } from '../db/database';
import type { Repositories } from '../db/repositories';
import { screenInfo } from '../screens/screens-repository';
import { scheduleSource } from '../schedules/schedule-source';
import type { Messaging } from '../messaging/messaging';
import type { AssetDelivery, Surface } from '../library/renditions';
import { playbackCues } from './cues';
import type { ManifestSigner } from './manifest-signer';
import type { ApprovalGate } from '../approvals/approval-gate';

type StoredItem = Pick<LoopItem, 'id' | 'type' | 'typeVersion' | 'durationMs' | 'props' | 'sample'>;

/** How many screens a fan-out publishes at once: enough to overlap broker round trips, few enough to stay fair. */
const FAN_OUT = 32;

/** Runs `work` over `items`, at most `size` at a time. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

/** How long a manifest is valid without a refresh; the player keeps playing past it while cut off. */
export const MANIFEST_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Compiles a screen's manifest from the database, signs it, stores it with its signed bytes (versions only grow)
 * and publishes those bytes retained, so a player that connects later still gets it at once. The manifest is
 * built and validated once (twice only when renditions had to be cut first), signed as the object it is, and
 * never turned into text to be parsed back. This is the only place manifests leave the controller.
 */
export function createPublisher(
  db: Db,
  repos: Repositories,
  messaging: Messaging,
  signer: ManifestSigner,
  delivery: AssetDelivery,
  approvals: ApprovalGate,
) {
  function compile(screenId: string, version: number, now: Date): Result<Manifest> {
    const screen = repos.screens.get(screenId);
    if (!screen) return err({ code: ErrorCode.screenNotFound, message: `no screen "${screenId}"` });
    const assets = new Map<string, AssetRef>();
    /**
     * One content item as this screen gets it, on the surface it fills (the screen, or a zone); the loop, every
     * scheduled playlist and layout, and the overlays go through here.
     */
    const deliver = (item: StoredItem, surface: Surface = screen): Result<LoopItem> => {
      const parsed = parseContentProps(item.type, item.typeVersion, item.props);
      if (!parsed.ok) return parsed;
      // Renditions at the surface's exact pixel size and a video's delivery form: library/renditions.ts.
      const delivered = delivery.deliverItem(surface, parsed.value.type, parsed.value.props);
      if (!delivered.ok) {
        return err({ ...delivered.error, message: `item ${item.id}: ${delivered.error.message}` });
      }
      for (const asset of delivered.value.assets) assets.set(asset.sha256, asset);
      return ok({
        id: item.id,
        type: item.type,
        typeVersion: parsed.value.version,
        durationMs: item.durationMs,
        props: delivered.value.props as Record<string, unknown>,
        sample: item.sample,
      });
    };
    function deliverZones(stored: readonly ZoneView[]): Result<Zone[]> {
      const zones: Zone[] = [];
      for (const { items: storedItems, ...geometry } of stored) {
        const items: LoopItem[] = [];
        for (const item of storedItems) {
          const delivered = deliver(item, geometry);
          if (!delivered.ok) {
            return err({ ...delivered.error, message: `zone ${geometry.id}: ${delivered.error.message}` });
          }
          items.push(delivered.value);
        }
        zones.push({ ...geometry, items });
      }
      return ok(zones);
    }
    const loop: LoopItem[] = [];
    for (const item of repos.items.list({ kind: 'loop', screenId })) {
      const delivered = deliver(item);
      if (!delivered.ok) return delivered;
      loop.push(delivered.value);
    }
    // The events that target this screen and what they play: the player resolves them itself (docs/schedules.md).
    const source = scheduleSource(repos, screen);
    const playlists: Record<string, LoopItem[]> = {};
    for (const playlist of source.playlists) {
      const items: LoopItem[] = [];
      for (const item of playlist.items) {
        const delivered = deliver(item);
        if (!delivered.ok) {
          return err({ ...delivered.error, message: `playlist ${playlist.id}: ${delivered.error.message}` });
        }
        items.push(delivered.value);
      }
      playlists[playlist.id] = items;
    }
    // A layout's canvas is drawn unscaled, so each zone's items are cut for the zone's own pixel size.
    const layouts: Record<string, Layout> = {};
    for (const layout of source.layouts) {
      const zones = deliverZones(layout.zones);
      if (!zones.ok) return err({ ...zones.error, message: `layout ${layout.id}: ${zones.error.message}` });
      const { id, name, width, height, background } = layout;
      layouts[layout.id] = { id, name, width, height, background, zones: zones.value };
    }
    const overlays = deliverZones(repos.layouts.overlays(screenId));
    if (!overlays.ok) return err({ ...overlays.error, message: `overlays: ${overlays.error.message}` });
    const manifest = Manifest.safeParse({
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      screenId,
      version,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + MANIFEST_TTL_MS).toISOString(),
      screen: screenInfo(screen),
      loop,
      playlists,
      schedule: source.schedule,
      layouts,
      overlays: overlays.value,
      assets: [...assets.values()],
    });
    if (!manifest.success) {
      return err({
        code: ErrorCode.validation,
        message: `manifest for ${screenId} failed its own schema: ${manifest.error.message}`,
      });
    }
    return ok(manifest.data);
  }

  async function publish(screenId: string, now = new Date()): Promise<Result<Manifest>> {
    // The body is complete here; the real version is given in the transaction below (1 is a placeholder).
    const compiled = await delivery.prepare(() => compile(screenId, 1, now));
    if (!compiled.ok) return compiled;
    // A public screen's content goes out only with its approval (approvals/approval-gate.ts).
    const approval = approvals.check(compiled.value, { now });
    if (!approval.ok) return approval;
    const stored = db.transaction(() => {
      // Zones whose items changed begin at what changed, from now, on every player alike (cues.ts).
      const cues = playbackCues(repos.manifests.latest(screenId), compiled.value, now);
      const manifest: Manifest = {
        ...compiled.value,
        version: repos.manifests.latestVersion(screenId) + 1,
        cues,
        ...(approval.value ? { approval: approval.value } : {}),
      };
      const signed = signer.wire(manifest);
      repos.manifests.save(manifest, signed);
      return { manifest, signed };
    })();
    await messaging.sendEncoded('manifest', screenId, stored.signed);
    return ok(stored.manifest);
  }

  return {
    compile,
    /** The screen's manifest as it would go out now (renditions cut first), unsigned, unsent, unversioned. */
    compileNow: (screenId: string, now = new Date()) => delivery.prepare(() => compile(screenId, 1, now)),
    publish,
    /**
     * Publishes many screens (one edit that touches them all), a bounded number at a time: compiling is
     * synchronous, but each send waits for the broker's acknowledgement, and those waits overlap. Answers each
     * screen's outcome; one screen that cannot publish does not stop the others.
     */
    async publishMany(screenIds: Iterable<string>, now = new Date()): Promise<Map<string, Result<Manifest>>> {
      const outcomes = new Map<string, Result<Manifest>>();
      await inPool([...new Set(screenIds)].sort(), FAN_OUT, async (id) => {
        try {
          outcomes.set(id, await publish(id, now));
        } catch (error) {
          outcomes.set(id, err({ code: ErrorCode.brokerUnavailable, message: String(error) }));
        }
      });
      return outcomes;
    },
    /**
     * On start: the broker may have lost its retained messages (embedded broker, external restart). The stored
     * bytes go out as they were signed; manifests stored before signatures were kept are signed now.
     */
    async republishAll(): Promise<number> {
      const all = repos.manifests.allSigned();
      await inPool(all, FAN_OUT, ({ screenId, signed, manifest }) =>
        messaging.sendEncoded('manifest', screenId, signed ?? signer.wire(manifest())),
      );
      return all.length;
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;
