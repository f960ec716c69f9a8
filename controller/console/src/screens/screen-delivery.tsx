import type { CommandName, CommandView, ScreenDelivery, ScreenHealth } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { type TextKey, useT } from '../i18n/catalogue';
import { useLang } from '../i18n/catalogue';
import './delivery.css';

const HEALTH_TEXT: Record<ScreenHealth, TextKey> = {
  online: 'healthOnline',
  late: 'healthLate',
  offline: 'healthOffline',
  unknown: 'healthUnknown',
};

export function HealthBadge({ health }: { health: ScreenHealth }) {
  const t = useT();
  return (
    <span className={`bc-health bc-health--${health}`} data-health={health}>
      {t(HEALTH_TEXT[health])}
    </span>
  );
}

/** `enrolled`: asked of an enrolled player only (the controller refuses it for anonymous screens). */
const COMMANDS: { name: CommandName; label: TextKey; enrolled?: true }[] = [
  { name: 'identify', label: 'cmdIdentify' },
  { name: 'screenshot', label: 'cmdScreenshot', enrolled: true },
  { name: 'reload', label: 'cmdReload' },
  { name: 'blackout', label: 'cmdBlackout' },
  { name: 'restore', label: 'cmdRestore' },
  { name: 'clear-cache', label: 'cmdClearCache' },
  { name: 'restart-host', label: 'cmdRestartHost', enrolled: true },
];

const STATE_TEXT: Record<CommandView['state'], TextKey> = {
  pending: 'cmdPending',
  sent: 'cmdSent',
  ok: 'cmdOk',
  failed: 'cmdFailed',
  expired: 'cmdExpired',
};

function bytes(n: number): string {
  return n >= 1e9
    ? `${(n / 1e9).toFixed(1)} GB`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)} MB`
      : `${Math.round(n / 1e3)} kB`;
}

/**
 * One screen's delivery in the panel: online, late or offline, the last heartbeat and what it said, remote
 * commands with their outcome, and the last screenshot.
 */
export function ScreenDeliveryPanel({ screenId, delivery }: { screenId: string; delivery: ScreenDelivery | null }) {
  const t = useT();
  const lang = useLang();
  const [commands, setCommands] = useState<CommandView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api
        .commands(screenId)
        .then(setCommands, (e: unknown) =>
          setError(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e)),
        ),
    [screenId],
  );
  // Acknowledgements arrive a moment after a command is sent: follow them while the panel is open.
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, [load]);

  const send = async (name: CommandName) => {
    setError(null);
    try {
      await api.command(screenId, { name });
      await load();
    } catch (e) {
      setError(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e));
    }
  };

  const beat = delivery?.heartbeat ?? null;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: 'Asia/Makassar',
    }).format(new Date(iso));
  const shot = delivery?.lastScreenshot ?? null;

  return (
    <section className="bc-delivery" aria-label={t('commands')}>
      <dl>
        <dt>{t('status')}</dt>
        <dd>
          <HealthBadge health={delivery?.health ?? 'unknown'} />
        </dd>
        <dt>{t('lastHeartbeat')}</dt>
        <dd data-testid="last-heartbeat">{delivery?.lastHeartbeatAt ? time(delivery.lastHeartbeatAt) : '–'}</dd>
        <dt>{t('player')}</dt>
        <dd>{delivery?.player ? `${delivery.player.name} (${delivery.player.id})` : t('noPlayer')}</dd>
        {beat ? (
          <>
            <dt>{t('running')}</dt>
            <dd data-testid="running-version">
              {beat.manifestVersion ?? '–'}
              {beat.stale ? ` · ${t('stale')}` : ''}
              {beat.pendingVersion ? ` · ${beat.pendingVersion} ${t('downloading')}` : ''}
            </dd>
            <dt>{t('cache')}</dt>
            <dd>
              {bytes(beat.cache.usedBytes)} · {beat.cache.assets} · {beat.fps ?? '–'} fps ·{' '}
              {beat.clockOffsetMs === null ? '' : `${beat.clockOffsetMs} ms`}
            </dd>
            {beat.lastRejection ? (
              <>
                <dt>{t('rejected')}</dt>
                <dd className="bc-error" data-testid="last-rejection">
                  {beat.lastRejection.code}: {beat.lastRejection.message}
                </dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      <h3>{t('commands')}</h3>
      {delivery && !delivery.player ? (
        <p className="bc-muted" data-testid="anonymous-commands">
          {t('anonymousCommands')}
        </p>
      ) : null}
      <div className="bc-commands">
        {COMMANDS.map((c) => (
          <button
            key={c.name}
            type="button"
            disabled={c.enrolled === true && delivery !== null && !delivery.player}
            onClick={() => void send(c.name)}
          >
            {t(c.label)}
          </button>
        ))}
      </div>
      {error ? (
        <p className="bc-error" role="alert">
          {error}
        </p>
      ) : null}
      <ol className="bc-items" aria-label={t('commands')}>
        {commands.slice(0, 5).map((c) => (
          <li key={c.id} data-command={c.name} data-state={c.state}>
            <span className="bc-tag">{c.name}</span>
            <span className="bc-items__summary">
              {t(STATE_TEXT[c.state])}
              {c.message ? ` · ${c.message}` : ''}
            </span>
            <span className="bc-muted">{time(c.issuedAt)}</span>
          </li>
        ))}
      </ol>
      {shot ? (
        <figure>
          <figcaption>
            {t('lastScreenshot')} · {time(shot.takenAt)}
          </figcaption>
          <img className="bc-screenshot" src={shot.url} alt={t('lastScreenshot')} data-testid="screenshot" />
        </figure>
      ) : null}
    </section>
  );
}
