import { PlayerSelf } from '@baruga/protocol';
import type { ViewState } from './delivery-view';
import { apiUrl, hostBridge } from './host-bridge';
import type { OwnerScope } from './owner-scope';
import type { Enrollment, PlayerStore } from './player-store';

const basicAuth = (e: Enrollment) => `Basic ${btoa(`${e.playerId}:${e.secret}`)}`;

/**
 * What the controller says about this player (`GET /api/players/self`): why the broker refused it (revoked:
 * back to pairing; the screen claimed by another player), and which screens it drives now.
 */
export function enrolledSelf(deps: {
  screenId: string;
  enrolled: Enrollment | null;
  store: PlayerStore;
  view: ViewState;
  scope: OwnerScope;
  /** Stops connecting. */
  drop: () => void;
}) {
  const { enrolled, view } = deps;
  const ask = (e: Enrollment) =>
    fetch(apiUrl('api/players/self'), { headers: { authorization: basicAuth(e) } }).catch(() => null);
  return {
    /** The broker refused the connection: 4 bad credentials, 5 not authorized. */
    async refused(code: number): Promise<void> {
      if (!enrolled) {
        // The screen was claimed by an enrolled player meanwhile (or anonymous players were turned off).
        view.set({ problem: 'claimed' });
        return deps.drop();
      }
      const self = await ask(enrolled);
      if (self?.status === 401 || self?.status === 403) {
        // Revoked (or forgotten): stop connecting, forget the credentials, and go back to pairing.
        await deps.store.forgetEnrollment();
        deps.drop();
        view.set({ problem: 'revoked' });
        deps.scope.later(5000, () => window.location.replace('./'));
      } else if (code === 5) {
        view.set({ problem: 'claimed' });
      }
    },
    /** Keeps the enrollment current; a screen moved to another player goes back to the host's enrollment page. */
    async refresh(): Promise<void> {
      if (!enrolled) return;
      const response = await ask(enrolled);
      if (!response?.ok) return;
      const self = PlayerSelf.safeParse(await response.json());
      if (!self.success || self.data.state !== 'active') return;
      await deps.store.saveEnrollment({ ...enrolled, screens: self.data.screens, manifestKey: self.data.manifestKey });
      if (!self.data.screens.some((s) => s.id === deps.screenId)) await hostBridge()?.openScreens(self.data.screens);
    },
  };
}
