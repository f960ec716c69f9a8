import { DEFAULT_PLAYLIST_ID, type LoopItem, type Manifest, OVERLAYS_CUE, type PlaybackCue } from '@baruga/protocol';

/** Each zone of a manifest by `programme/zone`, with its items. */
function zonesOf(manifest: Pick<Manifest, 'loop' | 'playlists' | 'layouts' | 'overlays'>) {
  const zones = new Map<string, { programme: string; zone: string; items: readonly LoopItem[] }>();
  const add = (programme: string, zone: string, items: readonly LoopItem[]) =>
    zones.set(`${programme}/${zone}`, { programme, zone, items });
  add(DEFAULT_PLAYLIST_ID, 'main', manifest.loop);
  for (const [id, items] of Object.entries(manifest.playlists)) add(id, 'main', items);
  for (const layout of Object.values(manifest.layouts)) for (const z of layout.zones) add(layout.id, z.id, z.items);
  for (const z of manifest.overlays) add(OVERLAYS_CUE, z.id, z.items);
  return zones;
}

/** The first item that is new or changed (by id and content); 0 when only removals or moves changed the list. */
function firstChanged(before: readonly LoopItem[], after: readonly LoopItem[]): number {
  const old = new Map(before.map((i) => [i.id, JSON.stringify(i)]));
  const index = after.findIndex((i) => old.get(i.id) !== JSON.stringify(i));
  return Math.max(0, index);
}

/**
 * Where each zone of a new manifest begins (protocol PlaybackCue): a zone whose items changed since the previous
 * manifest, or that is new, is cued at the publish instant to its first new or changed item, so the operator sees
 * what they just published at once, on every tile of a wall alike. A zone left as it was keeps its cue, so a
 * publish elsewhere does not move it. The first manifest of a screen has none: nothing was on screen before it.
 */
export function playbackCues(
  previous: Manifest | null,
  next: Pick<Manifest, 'loop' | 'playlists' | 'layouts' | 'overlays'>,
  at: Date,
): PlaybackCue[] {
  if (!previous) return [];
  const before = zonesOf(previous);
  // Manifests stored before cues existed have none.
  const kept = new Map((previous.cues ?? []).map((c) => [`${c.programme}/${c.zone}`, c]));
  const cues: PlaybackCue[] = [];
  for (const [key, zone] of zonesOf(next)) {
    const old = before.get(key);
    if (old && JSON.stringify(old.items) === JSON.stringify(zone.items)) {
      const cue = kept.get(key);
      if (cue) cues.push(cue);
      continue;
    }
    if (zone.items.length === 0) continue;
    const index = old ? firstChanged(old.items, zone.items) : 0;
    cues.push({ programme: zone.programme, zone: zone.zone, at: at.toISOString(), index });
  }
  return cues;
}
