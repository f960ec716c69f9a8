import { DEFAULT_PLAYLIST_ID } from '@baruga/protocol';

/** Playlists and layouts by id, as `GET /api/playlists` and `GET /api/layouts` list them. */
export interface PlaylistNames {
  playlists: readonly { id: string; name: string }[];
  layouts: readonly { id: string; name: string }[];
}

export interface PlaylistLabel {
  /** The playlist's or layout's name; null for the screen's own loop or an id neither list has. */
  name: string | null;
  kind: 'default' | 'playlist' | 'layout' | 'unknown';
  colour: string;
}

const LOOP_COLOUR = '#94a3b8';
const UNKNOWN_COLOUR = '#334155';

/**
 * Labels and colours for what a timeline plays. Each playlist keeps its colour from day to day: the colour
 * follows its place among all playlists and layouts by id, not the order a day happens to play them in, and
 * hues step by the golden angle so that neighbours differ however many there are.
 */
export function playlistLabels(names: PlaylistNames | null): (playlistId: string) => PlaylistLabel {
  const known = new Map<string, { name: string; kind: 'playlist' | 'layout' }>();
  for (const p of names?.playlists ?? []) known.set(p.id, { name: p.name, kind: 'playlist' });
  for (const l of names?.layouts ?? []) known.set(l.id, { name: l.name, kind: 'layout' });
  const order = [...known.keys()].sort();
  const colours = new Map(order.map((id, i) => [id, `hsl(${Math.round((210 + i * 137.508) % 360)} 65% 42%)`]));
  return (playlistId) => {
    if (playlistId === DEFAULT_PLAYLIST_ID) return { name: null, kind: 'default', colour: LOOP_COLOUR };
    const entry = known.get(playlistId);
    if (!entry) return { name: null, kind: 'unknown', colour: UNKNOWN_COLOUR };
    return { name: entry.name, kind: entry.kind, colour: colours.get(playlistId) ?? UNKNOWN_COLOUR };
  };
}
