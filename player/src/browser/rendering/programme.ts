import {
  type AssetRef,
  type Layout,
  type LoopItem,
  type Manifest,
  OVERLAYS_CUE,
  type Transition,
} from '@baruga/protocol';
import { type Cycle, MAIN_ZONE, OVERLAY_SINCE, cueOf, cycleOf, onScreenAt } from '@baruga/schedules';
import { type PlayableItem, playableItems } from './playable';

/** A zone ready to play: geometry, its items as this player can show them, and where its cycle began. */
export interface ZoneProgramme {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  z: number;
  background?: string | undefined;
  transition: Transition;
  /** The zone's items in the manifest's order; null where this player cannot play one (it is passed over). */
  entries: (PlayableItem | null)[];
  durations: number[];
  /** Where the zone's cycle began (its segment's start, or its cue): its position follows from it and the time. */
  cycle: Cycle;
  /** Identity of the zone's content and cycle: when it changes, the zone is swapped without a gap. */
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

/** What plays on a screen now, and when that may change next (null: not before a new manifest). */
export interface ProgrammeChoice {
  id: string;
  programme: Programme;
  nextChangeAt: number | null;
}

type ZoneGeometry = Omit<ZoneProgramme, 'entries' | 'durations' | 'cycle' | 'contentKey'>;

const FULL_SCREEN_TRANSITION: Transition = { kind: 'fade', durationMs: 500 };

/**
 * One zone. `epoch` counts the player clock's jumps: a zone planned on the old time is replaced by one planned on
 * the new (ScreenPlayer).
 */
function zoneProgramme(
  geometry: ZoneGeometry,
  items: readonly LoopItem[],
  cycle: Cycle,
  context: { assets: ReadonlyMap<string, AssetRef>; reject: (reason: string) => void; epoch: number },
): ZoneProgramme {
  return {
    ...geometry,
    entries: playableItems(items, context.assets, context.reject),
    durations: items.map((i) => i.durationMs),
    cycle,
    contentKey: `${geometry.id}:${JSON.stringify(geometry)}:${JSON.stringify(items)}:${cycle.start}/${cycle.index}:${context.epoch}`,
  };
}

const assetsOf = (manifest: Manifest) => new Map<string, AssetRef>(manifest.assets.map((a) => [a.sha256, a]));

function layoutProgramme(
  layout: Omit<Layout, 'background'> & { background: string },
  zoneCycle: (zoneId: string) => Cycle,
  context: Parameters<typeof zoneProgramme>[3],
): Programme {
  return {
    id: layout.id,
    width: layout.width,
    height: layout.height,
    background: layout.background,
    zones: [...layout.zones]
      .sort((a, b) => a.z - b.z)
      .map(({ items, ...geometry }) => zoneProgramme(geometry, items, zoneCycle(geometry.id), context)),
  };
}

/**
 * Asks the schedule engine (the same code the controller previews with) what plays at `now` and where each of its
 * zones is: a layout id fills the screen with its zones, a playlist id with one full-screen zone.
 */
export function chooseProgramme(
  manifest: Manifest,
  now: number,
  reject: (reason: string) => void,
  epoch = 0,
): ProgrammeChoice {
  const screen = onScreenAt(manifest, now);
  const at = screen.playlist;
  const cycles = new Map(screen.zones.map((z) => [`${z.programme}/${z.zone}`, z.cycle]));
  const zoneCycle = (zoneId: string) => cycles.get(`${at.playlistId}/${zoneId}`) ?? { start: at.since, index: 0 };
  const context = { assets: assetsOf(manifest), reject, epoch };
  const layout = manifest.layouts[at.playlistId];
  let programme: Programme;
  if (layout) {
    programme = layoutProgramme(layout, zoneCycle, context);
  } else {
    const { width, height } = manifest.screen;
    const geometry = { id: MAIN_ZONE, x: 0, y: 0, width, height, z: 0, transition: FULL_SCREEN_TRANSITION };
    const zone = zoneProgramme(geometry, at.items, zoneCycle(MAIN_ZONE), context);
    programme = { id: at.playlistId, width, height, background: '#000000', zones: [zone] };
  }
  return { id: at.playlistId, programme, nextChangeAt: Number.isFinite(at.until) ? at.until : null };
}

/** The screen's overlay zones as one transparent programme above everything scheduled, or null. */
export function overlayProgramme(manifest: Manifest, reject: (reason: string) => void, epoch = 0): Programme | null {
  if (manifest.overlays.length === 0) return null;
  const { width, height } = manifest.screen;
  return layoutProgramme(
    { id: 'overlays', name: 'overlays', width, height, background: 'transparent', zones: manifest.overlays },
    (zoneId) => cycleOf(OVERLAY_SINCE, cueOf(manifest, OVERLAYS_CUE, zoneId)),
    { assets: assetsOf(manifest), reject, epoch },
  );
}
