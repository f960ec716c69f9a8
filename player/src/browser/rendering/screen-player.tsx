import type { Manifest } from '@baruga/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Timers } from '../clock/timers';
import { LayoutView } from './layout-view';
import { chooseProgramme, overlayProgramme } from './programme';
import { Switcher } from './switcher';

export interface ScreenPlayerProps {
  manifest: Manifest;
  assetUrl: (sha256: string) => string;
  /** The player's clock (clock/player-clock.ts): what plays, and where, is a function of its `now()`. */
  timers: Timers;
  onShown: (itemId: string, zoneId: string) => void;
  onRejected: (reason: string) => void;
}

/** The instant the schedule was last asked about, for which manifest, and how often the clock jumped. */
interface Asked {
  manifest: Manifest;
  now: number;
  epoch: number;
}

/**
 * The screen: the programme the schedule says plays now, switched without a gap when the schedule or
 * the manifest changes.
 */
export function ScreenPlayer({ manifest, assetUrl, timers, onShown, onRejected }: ScreenPlayerProps) {
  const [asked, setAsked] = useState<Asked>(() => ({ manifest, now: timers.now(), epoch: 0 }));
  if (asked.manifest !== manifest) {
    // A new manifest is resolved at the time it arrives, not at the last schedule boundary.
    setAsked({ manifest, now: timers.now(), epoch: asked.epoch });
  }
  const { now, epoch } = asked;
  const choice = useMemo(() => chooseProgramme(manifest, now, onRejected, epoch), [manifest, now, epoch, onRejected]);

  // Ask again at the next schedule boundary, an instant of the controller's clock.
  const nextChangeAt = choice.nextChangeAt;
  useEffect(() => {
    if (nextChangeAt === null) return;
    return timers.at(nextChangeAt, () => setAsked((a) => ({ ...a, now: timers.now() })));
  }, [nextChangeAt, timers]);
  // The clock jumped (a first estimate far from the local clock): every zone starts over from the new time.
  useEffect(() => timers.onJump?.(() => setAsked((a) => ({ ...a, now: timers.now(), epoch: a.epoch + 1 }))), [timers]);

  const onFailed = useCallback(
    (itemId: string, reason: string) => onRejected(`item ${itemId}: ${reason}`),
    [onRejected],
  );
  const overlays = useMemo(() => overlayProgramme(manifest, onRejected, epoch), [manifest, onRejected, epoch]);
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
