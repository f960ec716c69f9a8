import type { ScreenInfo, Viewport } from '@baruga/protocol';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Timers } from '../clock/timers';
import type { Programme, ZoneProgramme } from './programme';
import { Switcher } from './switcher';
import { ZonePlayer } from './zone-player';
import { type Rect, visibleRect } from './wall-stage';

export interface LayoutViewProps {
  programme: Programme;
  screen: ScreenInfo;
  assetUrl: (sha256: string) => string;
  timers: Timers;
  /**
   * On a wall tile drawing the wall's canvas: the tile's viewport. Zones outside it are not mounted, and each zone
   * learns which part of it the tile shows.
   */
  viewport?: Viewport | undefined;
  /** Every zone has its first item on screen (zones with nothing playable count as live). */
  onLive: () => void;
  onShown: (itemId: string, zoneId: string) => void;
  onFailed: (itemId: string, reason: string) => void;
}

/** A layout's zones on its canvas, each swapped without a gap when its content changes. */
export function LayoutView(props: LayoutViewProps) {
  const { programme, onLive, viewport } = props;
  const liveZones = useRef(new Set<string>());
  const reported = useRef(false);
  // What this screen draws: every zone, or on a wall tile the zones that reach into its viewport, each with the
  // part of it the tile shows (absent when all of it).
  const zones = useMemo(
    () =>
      programme.zones.flatMap((zone) => {
        if (!viewport) return [{ zone, visible: undefined }];
        const visible = visibleRect(zone, viewport);
        if (!visible) return [];
        const whole = visible.width === zone.width && visible.height === zone.height;
        return [{ zone, visible: whole ? undefined : (visible satisfies Rect) }];
      }),
    [programme.zones, viewport],
  );

  const zoneLive = useCallback(
    (zoneId: string) => {
      liveZones.current.add(zoneId);
      const waiting = zones.filter(({ zone: z }) => playsSomething(z) && !liveZones.current.has(z.id));
      if (waiting.length === 0 && !reported.current) {
        reported.current = true;
        onLive();
      }
    },
    [zones, onLive],
  );
  useEffect(() => {
    // A layout whose zones have nothing to play here is "live" at once: its background is what it shows.
    if (!zones.some(({ zone }) => playsSomething(zone))) zoneLive('');
  }, [zones, zoneLive]);

  return (
    <div
      className="bg-layout"
      data-layout-id={programme.id}
      style={{ width: programme.width, height: programme.height, background: programme.background }}
    >
      {zones.map(({ zone, visible }) => (
        <Switcher
          key={zone.id}
          targetKey={zone.contentKey}
          target={zone}
          render={(z, onZoneLive) => (
            // Replaced content begins where the pure position is: a publish cues the zone at what changed.
            <ZonePlayer
              zone={z}
              entries={z.entries}
              durations={z.durations}
              cycle={z.cycle}
              visible={visible}
              screen={props.screen}
              assetUrl={props.assetUrl}
              timers={props.timers}
              onLive={() => {
                onZoneLive();
                zoneLive(z.id);
              }}
              onShown={props.onShown}
              onFailed={props.onFailed}
            />
          )}
        />
      ))}
    </div>
  );
}

const playsSomething = (zone: ZoneProgramme) => zone.entries.some((e) => e !== null);
