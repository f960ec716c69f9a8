import type { Manifest } from '@baruga/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LayoutView } from './layout-view';
import { playlistAt } from '@baruga/schedules';
import { type Programme, layoutProgramme, overlayProgramme, playlistProgramme } from './programme';
import { Switcher } from './switcher';
import type { Timers } from './timers';

export interface ScreenPlayerProps {
  manifest: Manifest;
  assetUrl: (sha256: string) => string;
  timers: Timers;
  onShown: (itemId: string, zoneId: string) => void;
  onRejected: (reason: string) => void;
}

/** What plays on this screen now, and when that may change next (null: not before a new manifest). */
export interface ProgrammeChoice {
  id: string;
  programme: Programme;
  nextChangeAt: number | null;
}

/**
 * Asks the schedule engine (the same code the controller previews with) what plays now; a layout id
 * fills the screen with its zones, a playlist id with one full-screen zone.
 */
export function chooseProgramme(manifest: Manifest, now: number, reject: (reason: string) => void): ProgrammeChoice {
  const at = playlistAt(manifest, now);
  const layout = manifest.layouts[at.playlistId];
  const programme = layout
    ? layoutProgramme(layout, manifest, reject)
    : playlistProgramme(at.playlistId, at.items, manifest, reject);
  return { id: at.playlistId, programme, nextChangeAt: Number.isFinite(at.until) ? at.until : null };
}

/**
 * The screen: the programme the schedule says plays now, switched without a gap when the schedule or
 * the manifest changes.
 */
export function ScreenPlayer({ manifest, assetUrl, timers, onShown, onRejected }: ScreenPlayerProps) {
  const [now, setNow] = useState(() => timers.now());
  const choice = useMemo(() => chooseProgramme(manifest, now, onRejected), [manifest, now, onRejected]);

  // Re-evaluate at the next schedule boundary.
  const nextChangeAt = choice.nextChangeAt;
  useEffect(() => {
    if (nextChangeAt === null) return;
    return timers.after(nextChangeAt - timers.now(), () => setNow(timers.now()));
  }, [nextChangeAt, timers]);

  const onFailed = useCallback(
    (itemId: string, reason: string) => onRejected(`item ${itemId}: ${reason}`),
    [onRejected],
  );
  const overlays = useMemo(() => overlayProgramme(manifest, onRejected), [manifest, onRejected]);
  return (
    <>
      <Switcher
        // By programme only: a new manifest updates the layout in place and each zone swaps what changed.
        targetKey={choice.id}
        target={choice.programme}
        render={(programme, onLive) => (
          <LayoutView
            programme={programme}
            screen={manifest.screen}
            assetUrl={assetUrl}
            timers={timers}
            onLive={onLive}
            onShown={onShown}
            onFailed={onFailed}
          />
        )}
      />
      {overlays ? (
        <div className="bg-overlays">
          <LayoutView
            programme={overlays}
            screen={manifest.screen}
            assetUrl={assetUrl}
            timers={timers}
            onLive={noop}
            onShown={onShown}
            onFailed={onFailed}
          />
        </div>
      ) : null}
    </>
  );
}

const noop = () => {};
