import type { HostWindow } from '../common/host-contract';
import { PlayerApp } from './player-app';

/**
 * One window across several outputs (a wall controller's desktop, `?span=`): each screen drawn at its output's
 * offset, at its own pixel size, each with its own session (clock, manifest, heartbeat, proof of play), as if it
 * had a window of its own.
 */
export function SpanApp({ screens }: { screens: HostWindow['screens'] }) {
  return (
    <>
      {screens.map((s) => (
        <div
          key={s.screenId}
          className="bg-span-screen"
          data-screen-id={s.screenId}
          style={{ left: s.x, top: s.y, width: s.width, height: s.height }}
        >
          <PlayerApp screenId={s.screenId} />
        </div>
      ))}
    </>
  );
}
