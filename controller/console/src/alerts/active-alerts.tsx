import type { AlertEndReason, AlertOrigin, AlertView, Overview } from '@baruga/protocol';
import { useState } from 'react';
import { api } from '../api/client';
import { type Lang, type TextKey, useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatDateTime, formatNumber } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { Data, Empty, ErrorNote } from '../ui/feedback';

export const ORIGIN: Record<AlertOrigin, TextKey> = {
  cap: 'originCap',
  'cap-feed': 'originCapFeed',
  bmkg: 'originBmkg',
  manual: 'originManual',
};

export const ENDED: Record<AlertEndReason, TextKey> = {
  expired: 'endedExpired',
  cancelled: 'endedCancelled',
  cleared: 'endedCleared',
  superseded: 'endedSuperseded',
};

/** The notice's words in the console's language where it has them, else its first language. */
export const textOf = (alert: AlertView, lang: Lang) =>
  alert.notice.texts.find((x) => x.language.toLowerCase().startsWith(lang)) ?? alert.notice.texts[0];

/** Each screen the alert reaches, and whether (and how fast) it has shown it. */
function AlertAcks({ alert, overview }: { alert: AlertView; overview: Overview }) {
  const t = useT();
  const lang = useLang();
  const name = (id: string) => overview.screens.find((s) => s.screenId === id)?.name ?? id;
  return (
    <table className="bc-table ba-acks">
      <caption>{t('alertAcksCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('alertAckScreen')}</th>
          <th scope="col">{t('alertAckState')}</th>
          <th scope="col" className="bc-num">
            {t('alertAckLatency')}
          </th>
        </tr>
      </thead>
      <tbody>
        {alert.screens.map((s) => (
          <tr key={s.screenId} data-screen={s.screenId} data-acked={s.ackAt ? 'yes' : 'no'}>
            <td>
              <Data>{name(s.screenId)}</Data>
            </td>
            <td className={s.ackAt ? 'bc-ok' : 'bc-muted'}>{s.ackAt ? t('alertAckShown') : t('alertWaiting')}</td>
            <td className="bc-num">
              {s.ackAt && s.latencyMs !== null ? <Data>{`${formatNumber(s.latencyMs, lang)} ms`}</Data> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Alerts on screens now, each screen's acknowledgement as it arrives, and ending one (asked first). */
export function ActiveAlerts({
  alerts,
  overview,
  onChanged,
}: {
  alerts: AlertView[];
  overview: Overview;
  onChanged: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [ending, setEnding] = useState<{ alert: AlertView; allClear: boolean } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const end = async (alert: AlertView, allClear: boolean) => {
    setEnding(null);
    setFailure(null);
    try {
      await api.clearAlert(alert.id, allClear);
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section className="bc-card" aria-labelledby="alerts-active-title">
      <h2 id="alerts-active-title">{t('alertActive')}</h2>
      {failure ? <ErrorNote error={failure} /> : null}
      {alerts.length === 0 ? <Empty>{t('alertNoneActive')}</Empty> : null}
      <ul className="ba-list">
        {alerts.map((a) => {
          const words = textOf(a, lang);
          return (
            <li key={a.id} data-alert={a.id} className="ba-alert">
              <p className="ba-alert__head">
                <strong>
                  <Data>{words?.event}</Data>
                </strong>
                {words?.headline ? <Data> · {words.headline}</Data> : null}
                <span className="bc-tag">{t(ORIGIN[a.origin])}</span>
                {a.notice.exercise ? <span className="bc-tag bc-tag--warning">{t('alertDrill')}</span> : null}
              </p>
              <p className="bc-muted">
                <span data-testid="alert-acked">
                  {t('alertShownCount', { acked: a.acknowledged, n: a.screens.length })}
                </span>{' '}
                · {t('alertExpiresAt', { when: formatDateTime(Date.parse(a.expiresAt), DEFAULT_ZONE, lang) })}
              </p>
              {a.notShownBecause ? (
                <p className="bc-muted">
                  {t('alertNotShown')} <Data>{a.notShownBecause}</Data>
                </p>
              ) : null}
              {a.screens.length > 0 ? <AlertAcks alert={a} overview={overview} /> : null}
              <div className="bc-form__row">
                <button type="button" className="bc-button" onClick={() => setEnding({ alert: a, allClear: true })}>
                  {t('alertAllClear')}
                </button>
                <button
                  type="button"
                  className="bc-button bc-button--quiet"
                  onClick={() => setEnding({ alert: a, allClear: false })}
                >
                  {t('alertEnd')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {ending ? (
        <ConfirmDialog
          title={t('alertEndTitle')}
          body={
            <p>
              {t(ending.allClear ? 'alertAllClearBody' : 'alertEndBody', {
                event: textOf(ending.alert, lang)?.event ?? ending.alert.identifier,
              })}
            </p>
          }
          confirm={ending.allClear ? t('alertAllClear') : t('alertEnd')}
          onConfirm={() => void end(ending.alert, ending.allClear)}
          onCancel={() => setEnding(null)}
        />
      ) : null}
    </section>
  );
}

/** The last alerts that ended: when, why, and how many screens showed them. */
export function RecentAlerts({ alerts }: { alerts: AlertView[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="bc-card" aria-labelledby="alerts-recent-title">
      <h2 id="alerts-recent-title">{t('alertRecent')}</h2>
      {alerts.length === 0 ? <Empty>{t('alertNoneRecent')}</Empty> : null}
      <ul className="ba-list">
        {alerts.map((a) => (
          <li key={a.id} data-alert={a.id}>
            <Data>{formatDateTime(Date.parse(a.receivedAt), DEFAULT_ZONE, lang)}</Data> ·{' '}
            <strong>
              <Data>{textOf(a, lang)?.event}</Data>
            </strong>{' '}
            <span className="bc-tag">{t(ORIGIN[a.origin])}</span>{' '}
            {a.endedReason ? <span className="bc-muted">{t(ENDED[a.endedReason])}</span> : null} ·{' '}
            {t('alertShownCount', { acked: a.acknowledged, n: a.screens.length })}
            {a.notShownBecause ? (
              <span className="bc-muted">
                {' '}
                · {t('alertNotShown')} <Data>{a.notShownBecause}</Data>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
