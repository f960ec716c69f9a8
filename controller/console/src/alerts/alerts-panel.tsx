import type { AlertView, Screen } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useLang, useT } from '../i18n/catalogue';
import { AlertForm } from './alert-form';
import { ScreenLocations } from './screen-locations';
import './alerts.css';

/** How often the panel asks for acknowledgements while an alert is active: they arrive within a second. */
const LIVE_MS = 1000;

function AlertAcks({ alert, screens }: { alert: AlertView; screens: Screen[] }) {
  const t = useT();
  const name = (id: string) => screens.find((s) => s.id === id)?.name ?? id;
  return (
    <table className="bc-acks" aria-label={alert.notice.texts[0]?.event}>
      <tbody>
        {alert.screens.map((s) => (
          <tr key={s.screenId} data-screen={s.screenId} data-acked={s.ackAt ? 'yes' : 'no'}>
            <td>{name(s.screenId)}</td>
            <td className={s.ackAt ? 'bc-ok' : 'bc-muted'}>
              {s.ackAt ? `${t('alertAcked')} · ${Math.round(s.latencyMs ?? 0)} ms` : t('alertWaiting')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The alert panel: send an operator's alert, watch each screen acknowledge it live, end it (with an all-clear or
 * without), and see earlier alerts and why any did not show.
 */
export function AlertsPanel({ screens, onScreensChanged }: { screens: Screen[]; onScreensChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const [active, setActive] = useState<AlertView[]>([]);
  const [recent, setRecent] = useState<AlertView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(
    () =>
      Promise.all([
        api.alerts('active').then(setActive, () => undefined),
        api.alerts('ended', 10).then(setRecent, () => undefined),
      ]),
    [],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), active.length > 0 ? LIVE_MS : 5000);
    return () => clearInterval(timer);
  }, [load, active.length]);

  const clear = (id: string, allClear: boolean) =>
    void api.clearAlert(id, allClear).then(
      () => load(),
      (e: unknown) => setMessage(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e)),
    );
  const text = (a: AlertView) => a.notice.texts.find((x) => x.language.startsWith(lang)) ?? a.notice.texts[0];
  const time = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Makassar' });

  return (
    <section className="bc-card" aria-label={t('alerts')}>
      <h2>{t('alerts')}</h2>
      <h3>{t('alertActive')}</h3>
      {active.length === 0 ? <p className="bc-muted">{t('alertNoneActive')}</p> : null}
      <ul className="bc-items">
        {active.map((a) => (
          <li key={a.id} data-alert={a.id}>
            <strong>{text(a)?.event}</strong> {text(a)?.headline ? `· ${text(a)?.headline}` : ''}{' '}
            <span className="bc-tag">{a.origin}</span> · {a.acknowledged}/{a.screens.length} {t('alertAcked')} ·{' '}
            {t('alertExpires')} {time(a.expiresAt)}
            {a.notShownBecause ? <div className="bc-muted">{`${t('alertNotShown')}: ${a.notShownBecause}`}</div> : null}
            <AlertAcks alert={a} screens={screens} />
            <div className="bc-form__row">
              <button type="button" onClick={() => clear(a.id, true)}>
                {t('alertAllClear')}
              </button>
              <button type="button" onClick={() => clear(a.id, false)}>
                {t('alertEnd')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {message ? <p className="bc-error">{message}</p> : null}
      <AlertForm screens={screens} onSent={() => void load()} />
      <h3>{t('alertRecent')}</h3>
      <ul className="bc-items">
        {recent.map((a) => (
          <li key={a.id}>
            {time(a.receivedAt)} · <strong>{text(a)?.event}</strong> · {a.identifier} · {t('alertEnded')} (
            {a.endedReason}) · {a.acknowledged}/{a.screens.length} {t('alertAcked')}
            {a.notShownBecause ? <span className="bc-muted">{` · ${a.notShownBecause}`}</span> : null}
          </li>
        ))}
      </ul>
      <ScreenLocations screens={screens} onChanged={onScreensChanged} />
    </section>
  );
}
