import { parseContentProps } from '@baruga/content';
import { type ContentUsage, type LoopItem, type Manifest, missingCase } from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import type { ItemOwner } from '../items/items-repository';
import type { LibraryRow } from './library-repository';

/** Where an item counts as used. */
interface Place {
  screen?: string;
  playlist?: string;
  layout?: string;
}

interface Uses {
  screens: Set<string>;
  playlists: Set<string>;
  layouts: Set<string>;
  items: number;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "a", "a and b", "a, b and c". */
const list = (parts: readonly string[]) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/** Overlays belong to their screen, as its loop does; a layout zone's items to the layout. */
function placeOf(owner: ItemOwner): Place {
  switch (owner.kind) {
    case 'loop':
    case 'overlay':
      return { screen: owner.screenId };
    case 'playlist':
      return { playlist: owner.playlistId };
    case 'layout':
      return { layout: owner.layoutId };
    default:
      return missingCase(owner);
  }
}

/**
 * Every content item a manifest carries: the loop, the scheduled playlists and layouts, the overlays. Stored
 * manifests are read back as written, and those published before playlists or layouts existed lack the fields.
 */
function* manifestItems(manifest: Partial<Manifest>): Generator<LoopItem> {
  yield* manifest.loop ?? [];
  for (const items of Object.values(manifest.playlists ?? {})) yield* items;
  for (const layout of Object.values(manifest.layouts ?? {})) for (const zone of layout.zones) yield* zone.items;
  for (const zone of manifest.overlays ?? []) yield* zone.items;
}

/**
 * Who uses what, gathered once per request: the assets and URLs of every stored item, whoever holds it (a
 * screen's loop or overlays, a playlist, a layout's zone), through its content type so new types count without
 * changes here; and every published manifest's assets. A new kind of owner adds its case to `placeOf`.
 */
export function buildUsageIndex(repos: Repositories): (item: LibraryRow) => ContentUsage {
  const byKey = new Map<string, Uses>();
  const publishedBy = new Map<string, Set<string>>();

  const count = (item: { type: string; typeVersion: number; props: unknown }, where: Place) => {
    const parsed = parseContentProps(item.type, item.typeVersion, item.props);
    if (!parsed.ok) return;
    const { type, props } = parsed.value;
    for (const key of new Set([...type.assets(props), ...(type.urls?.(props) ?? [])])) {
      const uses = byKey.get(key) ?? { screens: new Set(), playlists: new Set(), layouts: new Set(), items: 0 };
      if (where.screen) uses.screens.add(where.screen);
      if (where.playlist) uses.playlists.add(where.playlist);
      if (where.layout) uses.layouts.add(where.layout);
      uses.items += 1;
      byKey.set(key, uses);
    }
  };
  for (const item of repos.items.all()) count(item, placeOf(item.owner));
  for (const manifest of repos.manifests.all()) {
    const keys = new Set(manifest.assets.map((a) => a.sha256));
    for (const item of manifestItems(manifest)) {
      const parsed = parseContentProps(item.type, item.typeVersion, item.props);
      if (parsed.ok) for (const url of parsed.value.type.urls?.(parsed.value.props) ?? []) keys.add(url);
    }
    for (const key of keys) {
      const screens = publishedBy.get(key) ?? new Set();
      screens.add(manifest.screenId);
      publishedBy.set(key, screens);
    }
  }

  return (item) => {
    // What props name (source, poster, stream URL) and what manifests carry (renditions, the delivery form).
    const named = [item.sourceSha256, item.posterSha256, item.url].filter((k): k is string => !!k);
    const carried = [
      ...named,
      item.deliverySha256,
      ...(item.sourceSha256 ? repos.library.renditionsOf(item.sourceSha256).map((r) => r.sha256) : []),
      ...(item.posterSha256 ? repos.library.renditionsOf(item.posterSha256).map((r) => r.sha256) : []),
    ].filter((k): k is string => !!k);
    const screens = new Set<string>();
    const playlists = new Set<string>();
    const layouts = new Set<string>();
    let items = 0;
    for (const key of named) {
      const uses = byKey.get(key);
      if (!uses) continue;
      items += uses.items;
      for (const s of uses.screens) screens.add(s);
      for (const p of uses.playlists) playlists.add(p);
      for (const l of uses.layouts) layouts.add(l);
    }
    const publishedOn = new Set<string>();
    for (const key of carried) for (const s of publishedBy.get(key) ?? []) publishedOn.add(s);

    const parts: string[] = [];
    if (items > 0) {
      const places = [
        ...(screens.size > 0 ? [`on ${plural(screens.size, 'screen')}`] : []),
        ...(playlists.size > 0 ? [`in ${plural(playlists.size, 'playlist')}`] : []),
        ...(layouts.size > 0 ? [`in ${plural(layouts.size, 'layout')}`] : []),
      ];
      parts.push(`used by ${plural(items, 'item')} ${list(places)}`);
    }
    if (publishedOn.size > 0) parts.push(`published on ${plural(publishedOn.size, 'screen')}`);
    return {
      inUse: items > 0 || publishedOn.size > 0,
      screens: [...screens].sort(),
      items,
      playlists: [...playlists].sort(),
      layouts: [...layouts].sort(),
      publishedOn: [...publishedOn].sort(),
      summary: parts.length > 0 ? parts.join('; ') : 'not used',
    };
  };
}
