import type { AssetRef, Layout, LoopItem, Manifest, Transition } from '@baruga/protocol';
import { type PlayableItem, playableItems } from './playable';

/** A zone ready to play: geometry plus the items this player can show. */
export interface ZoneProgramme {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  z: number;
  background?: string | undefined;
  transition: Transition;
  items: PlayableItem[];
  /** Identity of the zone's content: when it changes, the zone is swapped without a gap. */
  contentKey: string;
}

/** What a screen shows: one layout's zones, filling the screen's canvas. */
export interface Programme {
  /** The layout or playlist id (`default` for the screen's own loop). */
  id: string;
  width: number;
  height: number;
  background: string;
  zones: ZoneProgramme[];
}

const FULL_SCREEN_TRANSITION: Transition = { kind: 'fade', durationMs: 500 };

function zoneKey(zoneId: string, geometry: unknown, items: readonly LoopItem[]): string {
  return `${zoneId}:${JSON.stringify(geometry)}:${JSON.stringify(items)}`;
}

/** A playlist fills the whole screen as a single zone. */
export function playlistProgramme(
  id: string,
  items: readonly LoopItem[],
  manifest: Manifest,
  reject: (reason: string) => void,
): Programme {
  const assets = new Map<string, AssetRef>(manifest.assets.map((a) => [a.sha256, a]));
  const { width, height } = manifest.screen;
  const geometry = { x: 0, y: 0, width, height, z: 0, transition: FULL_SCREEN_TRANSITION };
  return {
    id,
    width,
    height,
    background: '#000000',
    zones: [
      {
        id: 'main',
        ...geometry,
        items: playableItems(items, assets, reject),
        contentKey: zoneKey('main', geometry, items),
      },
    ],
  };
}

export function layoutProgramme(
  layout: Omit<Layout, 'background'> & { background: string },
  manifest: Manifest,
  reject: (reason: string) => void,
): Programme {
  const assets = new Map<string, AssetRef>(manifest.assets.map((a) => [a.sha256, a]));
  return {
    id: layout.id,
    width: layout.width,
    height: layout.height,
    background: layout.background,
    zones: [...layout.zones]
      .sort((a, b) => a.z - b.z)
      .map((zone) => {
        const { items, ...geometry } = zone;
        return {
          ...geometry,
          items: playableItems(items, assets, reject),
          contentKey: zoneKey(zone.id, geometry, items),
        };
      }),
  };
}

/**
 * Where a replaced zone should begin: at the first item that is new or changed (what the operator just
 * published), else at the start.
 */
export function startIndexFor(previous: readonly PlayableItem[] | undefined, next: readonly PlayableItem[]): number {
  if (!previous || previous.length === 0) return 0;
  const before = new Map(previous.map((p) => [p.item.id, JSON.stringify(p.item)]));
  const changed = next.findIndex((p) => before.get(p.item.id) !== JSON.stringify(p.item));
  return changed >= 0 ? changed : 0;
}

/** The screen's overlay zones as one transparent programme above everything scheduled, or null. */
export function overlayProgramme(manifest: Manifest, reject: (reason: string) => void): Programme | null {
  if (manifest.overlays.length === 0) return null;
  const { width, height } = manifest.screen;
  return layoutProgramme(
    { id: 'overlays', name: 'overlays', width, height, background: 'transparent', zones: manifest.overlays },
    manifest,
    reject,
  );
}
