import type { ScreenInfo } from '@baruga/protocol';
import { useCallback, useEffect, useRef } from 'react';
import type { Timers } from '../clock/timers';
import type { Programme, ZoneProgramme } from './programme';
import { Switcher } from './switcher';
import { ZonePlayer } from './zone-player';

export interface LayoutViewProps {
  programme: Programme;
  screen: ScreenInfo;
  assetUrl: (sha256: string) => string;
  timers: Timers;
  /** Every zone has its first item on screen (zones with nothing playable count as live). */
  onLive: () => void;
  onShown: (itemId: string, zoneId: string) => void;
  onFailed: (itemId: string, reason: string) => void;
}

/** A layout's zones on its canvas, each swapped without a gap when its content changes. */
export function LayoutView(props: LayoutViewProps) {
  const { programme, onLive } = props;
  const liveZones = useRef(new Set<string>());
  const reported = useRef(false);

  const zoneLive = useCallback(
    (zoneId: string) => {
      liveZones.current.add(zoneId);
      const waiting = programme.zones.filter((z) => playsSomething(z) && !liveZones.current.has(z.id));
      if (waiting.length === 0 && !reported.current) {
        reported.current = true;
        onLive();
      }
    },
    [programme.zones, onLive],
  );
  useEffect(() => {
    // A layout whose zones have nothing to play is "live" at once: its background is what it shows.
    if (!programme.zones.some(playsSomething)) zoneLive('');
  }, [programme.zones, zoneLive]);

  return (
    <div
      className="bg-layout"
      data-layout-id={programme.id}
      style={{ width: programme.width, height: programme.height, background: programme.background }}
    >
      {programme.zones.map((zone) => (
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
