import type { Manifest } from '@baruga/protocol';

/**
 * The content type of every item a manifest can put on screen, by item id: proof of play names it. Layout zones
 * and overlays count as much as the loop and playlists (their records once said "unknown").
 */
export function itemTypes(manifest: Manifest): Map<string, string> {
  const types = new Map<string, string>();
  const zones = [...Object.values(manifest.layouts).flatMap((layout) => layout.zones), ...manifest.overlays];
  const items = [...manifest.loop, ...Object.values(manifest.playlists).flat(), ...zones.flatMap((z) => z.items)];
  for (const item of items) types.set(item.id, item.type);
  return types;
}
