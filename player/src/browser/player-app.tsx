import type { Manifest } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import {
  ConfigFetchError,
  type ConnectionState,
  type PlayerConnection,
  connectPlayer,
  fetchPlayerConfig,
} from './connection';
import { bilingual } from './i18n';
import { LoopPlayer } from './loop-player';
import { acceptManifest, loadStoredManifest, storeManifest } from './manifest-store';
import { Stage } from './stage';
import { recordManifest, recordRejected } from './telemetry';

const assetUrl = (sha256: string) => new URL(`../content/${sha256}`, window.location.href).toString();

export function PlayerApp({ screenId }: { screenId: string }) {
  const [manifest, setManifest] = useState<Manifest | null>(() => loadStoredManifest(screenId));
  const [state, setState] = useState<ConnectionState>('connecting');
  const [problem, setProblem] = useState<'unknownScreen' | null>(null);
  const [connection, setConnection] = useState<PlayerConnection | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let conn: PlayerConnection | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const start = async (attempt: number) => {
      try {
        const config = await fetchPlayerConfig(screenId, abort.signal);
        if (abort.signal.aborted) return;
        conn = connectPlayer(config, {
          onState: setState,
          onManifest: (payload) =>
            setManifest((current) => {
              const accepted = acceptManifest(current, screenId, payload);
              if (!accepted.ok) {
                // Replays of the retained manifest on reconnect land here too; the last good one plays on.
                recordRejected(accepted.error.message);
                return current;
              }
              storeManifest(accepted.value);
              return accepted.value;
            }),
        });
        setConnection(conn);
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof ConfigFetchError && error.status === 404) setProblem('unknownScreen');
        // Controller unreachable: keep playing the stored manifest and try again, backing off to 30 s.
        retry = setTimeout(() => void start(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
      }
    };
    void start(0);
    return () => {
      abort.abort();
      clearTimeout(retry);
      conn?.dispose();
    };
  }, [screenId]);

  useEffect(() => {
    if (!manifest) return;
    recordManifest(manifest.version);
    document.body.dataset.manifestVersion = String(manifest.version);
    connection?.reportStatus({ manifestVersion: manifest.version });
  }, [manifest, connection]);

  const onItemShown = useCallback(
    (itemId: string) => connection?.reportStatus({ currentItemId: itemId }),
    [connection],
  );

  if (!manifest) {
    const text = bilingual(problem ?? (state === 'online' ? 'waiting' : 'connecting'));
    return (
      <div className="bg-message" data-testid="player-waiting">
        <div>{text.id}</div>
        <small>{text.en}</small>
        <small>{screenId}</small>
      </div>
    );
  }
  return (
    <Stage width={manifest.screen.width} height={manifest.screen.height}>
      <LoopPlayer manifest={manifest} assetUrl={assetUrl} onItemShown={onItemShown} />
    </Stage>
  );
}
