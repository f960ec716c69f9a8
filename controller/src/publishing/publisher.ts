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
import { manifestWall } from '../walls/wall-canvas';
import { BrokerUnavailableError } from '../messaging/bus';
import type { Messaging } from '../messaging/messaging';
import type { AssetDelivery, Surface } from '../library/renditions';
import { playbackCues } from './cues';
import type { ManifestSigner } from './manifest-signer';
import { FAN_OUT, type StoredManifest, fanOut, inPool } from './fan-out';
import type { ApprovalGate } from '../approvals/approval-gate';

type StoredItem = Pick<LoopItem, 'id' | 'type' | 'typeVersion' | 'durationMs' | 'props' | 'sample'>;

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
    const { deliver, deliverZones } = itemDelivery(delivery, screen, assets);
    const loop: LoopItem[] = [];
    for (const item of repos.items.list({ kind: 'loop', screenId })) {
      const delivered = deliver(item);
      if (!delivered.ok) return delivered;
      loop.push(delivered.value);
    }
    // The events that target this screen and what they play: the player resolves them itself (docs/schedules.md).
    const source = scheduleSource(repos, screen);
    const wall = manifestWall(repos, screenId);
    // A playlist an event of the wall plays fills the wall's canvas, so its pictures are cut at the canvas's size.
    const onCanvas = new Set(
      wall ? source.schedule.events.filter((e) => e.targets.walls.includes(wall.id)).map((e) => e.playlistId) : [],
    );
    const playlists: Record<string, LoopItem[]> = {};
    for (const playlist of source.playlists) {
      const items: LoopItem[] = [];
      const surface = wall && onCanvas.has(playlist.id) ? wall.canvas : screen;
      for (const item of playlist.items) {
        const delivered = deliver(item, surface);
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
      wall,
      brightness: repos.screens.brightness(screenId),
    });
    if (!manifest.success) {
      return err({
        code: ErrorCode.validation,
        message: `manifest for ${screenId} failed its own schema: ${manifest.error.message}`,
      });
    }
    return ok(manifest.data);
  }

  /** A screen's manifest with its renditions cut; the real version is given when it is stored (1 is a placeholder). */
  async function prepare(screenId: string, now: Date): Promise<Result<Manifest>> {
    const compiled = await delivery.prepare(() => compile(screenId, 1, now));
    if (!compiled.ok) return compiled;
    // A public screen's content goes out only with its approval (approvals/approval-gate.ts).
    const approval = approvals.check(compiled.value, { now });
    if (!approval.ok) return approval;
    return ok(approval.value ? { ...compiled.value, approval: approval.value } : compiled.value);
  }

  /** Gives a compiled manifest the next version, signs it and stores it; the caller holds the transaction. */
  function store(screenId: string, compiled: Manifest, now: Date): StoredManifest {
    // Zones whose items changed begin at what changed, from now, on every player alike (cues.ts).
    const cues = playbackCues(repos.manifests.latest(screenId), compiled, now);
    const manifest: Manifest = { ...compiled, version: repos.manifests.latestVersion(screenId) + 1, cues };
    const signed = signer.wire(manifest);
    repos.manifests.save(manifest, signed);
    return { manifest, signed };
  }

  const send = (screenId: string, signed: string) => messaging.sendEncoded('manifest', screenId, signed);

  async function publish(screenId: string, now = new Date()): Promise<Result<Manifest>> {
    const compiled = await prepare(screenId, now);
    if (!compiled.ok) return compiled;
    const stored = db.transaction(() => store(screenId, compiled.value, now))();
    try {
      await send(screenId, stored.signed);
    } catch (error) {
      if (!(error instanceof BrokerUnavailableError)) throw error;
      // Stored and signed: it goes out when the broker is back (republishAll on reconnect, controller.ts).
      return err({
        code: ErrorCode.brokerUnavailable,
        message: `the broker is not reachable; version ${stored.manifest.version} is stored and goes out when it is back`,
        details: { version: stored.manifest.version },
      });
    }
    return ok(stored.manifest);
  }

  /** The screens, and every tile of the walls among them, in id order. */
  function withWallSiblings(screenIds: Iterable<string>): string[] {
    const ids = new Set<string>();
    for (const id of screenIds) {
      ids.add(id);
      const wallId = repos.walls.wallOf(id);
      if (wallId !== null) for (const tile of repos.walls.screensOf(wallId)) ids.add(tile);
    }
    return [...ids].sort();
  }

  return {
    compile,
    /**
     * A preview manifest (publishing/preview.ts): built exactly as a published one, through the same delivery of
     * items and assets, but neither versioned, signed, stored nor sent.
     */
    preview: (build: (delivery: AssetDelivery) => Result<Manifest>) => delivery.prepare(() => build(delivery)),
    /** The screen's manifest as it would go out now (renditions cut first), unsigned, unsent, unversioned. */
    compileNow: (screenId: string, now = new Date()) => delivery.prepare(() => compile(screenId, 1, now)),
    publish,
    /**
     * Publishes many screens (one edit that touches them all) in batches: each batch is compiled, then stored in
     * one transaction, then sent while the next batch compiles (fan-out.ts). Answers each screen's outcome; one
     * screen that cannot publish does not stop the others. All go out with one publish instant, and a tile of a wall
     * takes its whole wall with it, so zones that change start together on every tile.
     */
    publishMany: (screenIds: Iterable<string>, now = new Date()): Promise<Map<string, Result<Manifest>>> =>
      fanOut(withWallSiblings(screenIds), {
        prepare: (id) => prepare(id, now),
        store: (id, compiled) => store(id, compiled, now),
        send,
        transaction: (work) => db.transaction(work)(),
      }),
    /**
     * On start: the broker may have lost its retained messages (embedded broker, external restart). The stored
     * bytes go out as they were signed; manifests stored before signatures were kept are signed now.
     */
    async republishAll(): Promise<number> {
      const all = repos.manifests.allSigned();
      await inPool(all, FAN_OUT, ({ screenId, signed, manifest }) => send(screenId, signed ?? signer.wire(manifest())));
      return all.length;
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;

/**
 * One content item as a surface gets it (the screen, or a zone): its props brought to the type's version, its
 * assets delivered for the surface's exact pixel size (library/renditions.ts), and each asset noted in `assets`.
 * The loop, every scheduled playlist and layout, the overlays and previews all go through here.
 */
export function itemDelivery(delivery: AssetDelivery, screen: Surface, assets: Map<string, AssetRef>) {
  const deliver = (item: StoredItem, surface: Surface = screen): Result<LoopItem> => {
    const parsed = parseContentProps(item.type, item.typeVersion, item.props);
    if (!parsed.ok) return parsed;
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
  return { deliver, deliverZones };
}
