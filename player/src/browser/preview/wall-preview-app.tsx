import { type Manifest, WallView, parseManifest } from '@baruga/protocol';
import { useEffect, useMemo, useState } from 'react';
import { createPlayerClock } from '../clock/player-clock';
import { httpTimeExchange } from '../clock/time-exchange';
import { realTimers } from '../clock/timers';
import { apiUrl, assetUrl } from '../delivery/host-bridge';
import { ScreenPlayer } from '../rendering/screen-player';
import { Stage } from '../stage';

/** How often the preview asks for newer manifests: an operator's publish shows within this. */
const REFRESH_MS = 5_000;

interface Tile {
  screenId: string;
  viewport: { x: number; y: number; width: number; height: number };
  manifest: Manifest | null;
}

/**
 * A tile's manifest as the preview draws it: upright and at its viewport's size, so the whole wall reads as it
 * hangs (a rotated or scaled panel shows the same part of the picture, turned back).
 */
function asPreview(manifest: Manifest): Manifest {
  if (!manifest.wall) return manifest;
  const { viewport } = manifest.wall;
  return {
    ...manifest,
    wall: { ...manifest.wall, rotation: 0 },
    screen: { ...manifest.screen, width: viewport.width, height: viewport.height },
  };
}

async function load(wallId: string, previous: readonly Tile[]): Promise<{ wall: WallView; tiles: Tile[] }> {
  const wallResponse = await fetch(apiUrl(`api/walls/${encodeURIComponent(wallId)}`), { credentials: 'same-origin' });
  if (!wallResponse.ok) throw new Error(`wall ${wallId}: HTTP ${wallResponse.status}`);
  const wall = WallView.parse(await wallResponse.json());
  const assigned = wall.tiles.flatMap((t) => (t.screenId === null ? [] : [{ ...t, screenId: t.screenId }]));
  const tiles = await Promise.all(
    assigned.map(async ({ screenId, viewport }): Promise<Tile> => {
      const response = await fetch(apiUrl(`api/screens/${encodeURIComponent(screenId)}/manifest`), {
        credentials: 'same-origin',
      });
      const parsed = response.ok ? parseManifest(await response.json()) : null;
      const fresh = parsed?.ok ? parsed.value : null;
      const old = previous.find((p) => p.screenId === screenId)?.manifest ?? null;
      // The same version keeps its object: nothing on that tile starts over.
      const manifest = fresh && old && old.version === fresh.version ? old : fresh;
      return { screenId, viewport, manifest };
    }),
  );
  return { wall, tiles };
}

/**
 * The whole wall as its players draw it (`/player/?wall=<id>&preview=1`, the console's wall preview): every tile's
 * published manifest played by the real renderer on a clock synchronised with the controller, each at its viewport
 * on the canvas, bezels dark between them. It records no proof of play and opens no broker connection: it reads
 * the manifests with the operator's session.
 */
export function WallPreviewApp({ wallId }: { wallId: string }) {
  const [state, setState] = useState<{ wall: WallView; tiles: Tile[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const clock = useMemo(
    () => createPlayerClock({ local: realTimers, exchange: httpTimeExchange(apiUrl('api/player/time')) }),
    [],
  );
  useEffect(() => () => clock.dispose(), [clock]);
  useEffect(() => {
    let live = true;
    let tiles: Tile[] = [];
    const refresh = () =>
      load(wallId, tiles).then(
        (next) => {
          if (!live) return;
          tiles = next.tiles;
          setState(next);
          setProblem(null);
        },
        (error: unknown) => live && setProblem(String(error)),
      );
    let cancel = () => {};
    const loop = () => {
      void refresh().finally(() => {
        if (live) cancel = clock.timers.after(REFRESH_MS, loop);
      });
    };
    loop();
    return () => {
      live = false;
      cancel();
    };
  }, [wallId, clock]);

  if (!state) return <div className="bg-message">{problem ?? wallId}</div>;
  const { canvas } = state.wall;
  return (
    <Stage width={canvas.width} height={canvas.height}>
      <div className="bg-wall-preview" data-wall-id={state.wall.id}>
        {state.tiles.map((tile) => (
          <div
            key={tile.screenId}
            className="bg-wall-preview__tile"
            data-screen-id={tile.screenId}
            style={{
              left: tile.viewport.x,
              top: tile.viewport.y,
              width: tile.viewport.width,
              height: tile.viewport.height,
            }}
          >
            {tile.manifest ? (
              <ScreenPlayer
                manifest={asPreview(tile.manifest)}
                assetUrl={assetUrl}
                timers={clock.timers}
                onShown={noop}
                onRejected={noop}
              />
            ) : null}
          </div>
        ))}
      </div>
    </Stage>
  );
}

const noop = () => {};
