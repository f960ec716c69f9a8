import type { RenditionFit } from '@baruga/protocol';
import type { z } from 'zod';

/** A content type as a plugin: one folder under `types/`, registered once in `registry.ts`. */
export interface ContentTypeDefinition<P = unknown> {
  /** Stable id, also the `type` of manifest loop items. */
  id: string;
  /** Version of the props schema; bump it and add a migration when the props change shape. */
  version: number;
  label: { id: string; en: string };
  props: z.ZodType<P>;
  defaults: P;
  duration: { defaultMs: number; minMs: number; maxMs: number };
  /** `migrations[n]` turns props of version n into props of version n + 1. */
  migrations: Readonly<Record<number, (props: unknown) => unknown>>;
  /** SHA-256 digests of the stored blobs these props refer to. */
  assets(props: P): string[];
  /**
   * What each asset-bearing prop must name: a picture or a video. The controller refuses an item whose prop names
   * a blob of the other kind (a video item pointing at a PNG published as `video/mp4` and failed every publish).
   * Every digest `assets` returns comes from one of these fields.
   */
  assetFields?: Readonly<Partial<Record<keyof P & string, AssetKind>>>;
  /**
   * How the controller delivers these props to one surface: each stored asset goes through `deliver`, which
   * names the blob a player should fetch instead (a rendition at the surface's exact pixel size, a video's
   * streaming package, or the blob itself). Types whose assets go out as stored leave this out.
   */
  deliver?(props: P, deliver: AssetDeliverer): P;
  /** External URLs the item loads (a live stream, a web page): the library's usage counts by these. */
  urls?(props: P): string[];
  /**
   * The data sources whose feeds the item shows (data widgets): a player subscribes to them, and the broker lets a
   * player read a feed only when a screen of its shows it.
   */
  feeds?(props: P): string[];
}

/** The kinds of stored media a prop can name. */
export type AssetKind = 'image' | 'video';

/** HLS segments are `video/mp2t` but are no video by themselves; only a whole file is. */
export function mimeIsKind(mime: string, kind: AssetKind): boolean {
  const m = mime.toLowerCase();
  return kind === 'image' ? m.startsWith('image/') : m.startsWith('video/') && m !== 'video/mp2t';
}

/** How a surface receives an image: re-rendered at its exact pixel size, never scaled by the player. */
export interface RenditionRequest {
  fit: RenditionFit;
  /** The point (0–1 from the left and from the top) a `cover` crop keeps in view; the centre if absent. */
  focal?: { x: number; y: number } | undefined;
  /** Fills the bars of `contain` and any transparency, as `#rrggbb`. */
  background?: string | undefined;
}

export interface DeliveredAsset {
  sha256: string;
  mime: string;
}

/** Given by the controller when it compiles a manifest; see `ContentTypeDefinition.deliver`. */
export type AssetDeliverer = (sha256: string, rendition?: RenditionRequest) => DeliveredAsset;

export function defineContentType<P>(definition: ContentTypeDefinition<P>): ContentTypeDefinition<P> {
  return definition;
}
