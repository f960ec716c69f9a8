import { type AssignedScreen, EnrollResponse, PlayerSelf } from '@baruga/protocol';
import { useEffect, useState } from 'react';
import { bilingual } from '../i18n';
import { apiUrl, hostBridge, hostInfo } from './host-bridge';
import { openPlayerDb } from './idb';
import { type Enrollment, createPlayerStore } from './player-store';
import './delivery.css';

const POLL_MS = 3000;

type Phase =
  | { kind: 'starting' }
  | { kind: 'pending'; code: string }
  | { kind: 'active'; screens: AssignedScreen[] }
  | { kind: 'offline' };

/** Hands the assigned screens to the host (a window each) or, in a plain tab, opens the only one. */
async function openScreens(screens: readonly AssignedScreen[]): Promise<void> {
  const host = hostBridge();
  if (host) return host.openScreens(screens);
  const only = screens.length === 1 ? screens[0] : undefined;
  if (only) window.location.replace(`./?screen=${encodeURIComponent(only.id)}`);
}

/**
 * `/player/` without a screen: enrollment (docs/delivery.md). A new player asks the controller for a
 * pairing code and shows it large; once an operator enters it and assigns screens, the player keeps its
 * credentials and the manifest key in IndexedDB and opens its screens. An enrolled player opens its
 * screens at once, from what it stored, with or without a network.
 */
export function EnrollmentApp() {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownCode = '';
    let opened = false;
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });

    void (async () => {
      const db = await openPlayerDb();
      const store = createPlayerStore(db);
      try {
        const stored = await store.enrollment();
        if (stored?.state === 'active') {
          // Enrolled before: open what we know at once, then look for changes while online.
          setPhase({ kind: 'active', screens: stored.screens });
          opened = true;
          await openScreens(stored.screens);
        }
        while (!stopped) {
          let enrollment: Enrollment | null = await store.enrollment();
          try {
            if (!enrollment) {
              const info = await hostInfo();
              const response = await fetch(apiUrl('api/players/enroll'), {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ host: info.kind, hostVersion: info.version, platform: info.platform }),
              });
              if (!response.ok) throw new Error(`enroll: HTTP ${response.status}`);
              const created = EnrollResponse.parse(await response.json());
              enrollment = {
                playerId: created.playerId,
                secret: created.secret,
                state: 'pending',
                screens: [],
                manifestKey: null,
              };
              await store.saveEnrollment(enrollment);
            }
            const response = await fetch(apiUrl('api/players/self'), {
              headers: { authorization: `Basic ${btoa(`${enrollment.playerId}:${enrollment.secret}`)}` },
              cache: 'no-store',
            });
            if (response.status === 401 || response.status === 403) {
              // Revoked or unknown to this controller: start over with a new code.
              await store.forgetEnrollment();
              continue;
            }
            if (!response.ok) throw new Error(`self: HTTP ${response.status}`);
            const self = PlayerSelf.parse(await response.json());
            if (self.state === 'pending' && self.pairingCode) {
              setPhase({ kind: 'pending', code: self.pairingCode });
              if (self.pairingCode !== shownCode) {
                shownCode = self.pairingCode;
                void hostBridge()?.showPairingCode(self.pairingCode);
              }
            } else if (self.state === 'active' && self.manifestKey) {
              await store.saveEnrollment({
                ...enrollment,
                state: 'active',
                screens: self.screens,
                manifestKey: self.manifestKey,
              });
              await store.pinKey(self.manifestKey);
              setPhase({ kind: 'active', screens: self.screens });
              if (!opened && self.screens.length > 0) {
                opened = true;
                await openScreens(self.screens);
              }
            }
          } catch {
            if (!enrollment || enrollment.state !== 'active') setPhase({ kind: 'offline' });
          }
          await wait(POLL_MS);
        }
      } finally {
        db.close();
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const text = bilingual;
  return (
    <div className="bg-pairing" data-testid="pairing" data-phase={phase.kind}>
      {phase.kind === 'pending' ? (
        <>
          <div>
            {text('pairTitle').id} · <small>{text('pairTitle').en}</small>
          </div>
          <div className="bg-pairing__code" data-testid="pairing-code" aria-label="pairing code">
            {phase.code.slice(0, 3)} {phase.code.slice(3)}
          </div>
          <div>{text('pairHelp').id}</div>
          <small>{text('pairHelp').en}</small>
        </>
      ) : phase.kind === 'active' ? (
        phase.screens.length === 0 ? (
          <>
            <div>{text('pairNoScreens').id}</div>
            <small>{text('pairNoScreens').en}</small>
          </>
        ) : (
          <>
            <div>{text('pairDone').id}</div>
            <small>{text('pairDone').en}</small>
            {hostBridge() || phase.screens.length === 1 ? null : (
              <div>
                {text('pairPick').id}{' '}
                {phase.screens.map((s) => (
                  <a key={s.id} href={`./?screen=${encodeURIComponent(s.id)}`}>
                    {s.name}{' '}
                  </a>
                ))}
              </div>
            )}
          </>
        )
      ) : (
        <>
          <div>{text('pairWaiting').id}</div>
          <small>{text('pairWaiting').en}</small>
        </>
      )}
    </div>
  );
}
