import { AlertSettings } from '@baruga/protocol';
import type { Repositories } from '../db/repositories';

const KEY = 'alerts';

/**
 * Alert settings (BMKG polling and thresholds, CAP feeds to poll, defaults), kept in the settings table as one
 * document. `BARUGA_BMKG_AUTOGEMPA_URL` and `BARUGA_BMKG_GEMPATERKINI_URL` give the BMKG feed URLs before an
 * operator sets them, so a site mirror or a test can stand in for BMKG.
 */
export function createAlertSettingsStore(repos: Repositories, env: NodeJS.ProcessEnv = process.env) {
  const defaults = AlertSettings.parse({
    bmkg: {
      ...(env.BARUGA_BMKG_AUTOGEMPA_URL ? { autogempaUrl: env.BARUGA_BMKG_AUTOGEMPA_URL } : {}),
      ...(env.BARUGA_BMKG_GEMPATERKINI_URL ? { gempaterkiniUrl: env.BARUGA_BMKG_GEMPATERKINI_URL } : {}),
      ...(env.BARUGA_BMKG_ENABLED === '1' ? { enabled: true } : {}),
    },
  });
  const listeners = new Set<(settings: AlertSettings) => void>();
  return {
    get(): AlertSettings {
      const stored = repos.settings.get(KEY);
      if (!stored) return defaults;
      const parsed = AlertSettings.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : defaults;
    },
    set(settings: AlertSettings): void {
      repos.settings.set(KEY, JSON.stringify(settings));
      for (const l of listeners) l(settings);
    },
    onChange(listener: (settings: AlertSettings) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type AlertSettingsStore = ReturnType<typeof createAlertSettingsStore>;
