import type { LoopItem, Manifest } from '@baruga/protocol';
import { parseContentProps } from '../registry';

/** Every content item a manifest can put on screen: its loop, scheduled playlists, layouts' zones and overlays. */
export function itemsOf(manifest: Manifest): LoopItem[] {
  return [
    ...manifest.loop,
    ...Object.values(manifest.playlists).flat(),
    ...Object.values(manifest.layouts).flatMap((layout) => layout.zones.flatMap((zone) => zone.items)),
    ...manifest.overlays.flatMap((zone) => zone.items),
  ];
}

/** The data sources a screen's manifest shows (sorted, once each), asked of each item's content type. */
export function feedsOfManifest(manifest: Manifest): string[] {
  const feeds = new Set<string>();
  for (const item of itemsOf(manifest)) {
    const parsed = parseContentProps(item.type, item.typeVersion, item.props);
    if (!parsed.ok || !parsed.value.type.feeds) continue;
    for (const feed of parsed.value.type.feeds(parsed.value.props)) feeds.add(feed);
  }
  return [...feeds].sort();
}
