import type { PlaySummary, Screen } from '@baruga/protocol';
import { useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { useT } from '../i18n/catalogue';
import '../screens/delivery.css';

/** Midnight today and tomorrow in Makassar (WITA, UTC+8, no daylight saving), as ISO instants. */
function todayWita(): { from: string; to: string } {
  const witaNow = new Date(Date.now() + 8 * 3600_000);
  const start = Date.UTC(witaNow.getUTCFullYear(), witaNow.getUTCMonth(), witaNow.getUTCDate()) - 8 * 3600_000;
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

/** Local date input value (yyyy-mm-dd in WITA) to and from ISO instants. */
const toDateInput = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const fromDateInput = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();

/** Proof-of-play report: plays and time on screen per item, by day or hour, with a CSV export. */
export function ProofOfPlayReport({ screens }: { screens: Screen[] }) {
  const t = useT();
  const [range, setRange] = useState(todayWita);
  const [by, setBy] = useState<'day' | 'hour'>('day');
  const [screen, setScreen] = useState('');
  const [summary, setSummary] = useState<PlaySummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const query = { by, from: range.from, to: range.to, screen: screen || undefined };
  const csv = `/api/proof-of-play/summary?${new URLSearchParams({ ...query, screen, format: 'csv' }).toString()}`;
  const show = () =>
    api.summary(query).then(
      (s) => {
        setSummary(s);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e)),
    );

  return (
    <section className="bc-card" aria-label={t('proofOfPlay')}>
      <h2>{t('proofOfPlay')}</h2>
      <div className="bc-form__row">
        <label>
          {t('from')}
          <input
            type="date"
            value={toDateInput(range.from)}
            onChange={(e) => e.target.value && setRange({ ...range, from: fromDateInput(e.target.value) })}
          />
        </label>
        <label>
          {t('to')}
          <input
            type="date"
            value={toDateInput(new Date(Date.parse(range.to) - 1).toISOString())}
            onChange={(e) =>
              e.target.value &&
              setRange({
                ...range,
                to: new Date(Date.parse(fromDateInput(e.target.value)) + 86_400_000).toISOString(),
              })
            }
          />
        </label>
        <label>
          <select value={screen} onChange={(e) => setScreen(e.target.value)} aria-label={t('allScreens')}>
            <option value="">{t('allScreens')}</option>
            {screens.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <select value={by} onChange={(e) => setBy(e.target.value === 'hour' ? 'hour' : 'day')}>
            <option value="day">{t('byDay')}</option>
            <option value="hour">{t('byHour')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void show()}>
          {t('show')}
        </button>
        <a href={csv} download>
          {t('exportCsv')}
        </a>
      </div>
      {error ? <p className="bc-error">{error}</p> : null}
      {summary ? (
        summary.rows.length === 0 ? (
          <p className="bc-muted">{t('noPlays')}</p>
        ) : (
          <table className="bc-table" data-testid="pop-report">
            <thead>
              <tr>
                <th>{t('period')}</th>
                <th>{t('screen')}</th>
                <th>{t('item')}</th>
                <th>{t('plays')}</th>
                <th>{t('playDuration')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.rows.map((r) => (
                <tr key={`${r.period}-${r.screenId}-${r.itemId}`}>
                  <td>{r.period.replace('T', ' ')}</td>
                  <td>{r.screenId}</td>
                  <td>
                    {r.itemType} · {r.itemId.slice(0, 8)}
                  </td>
                  <td>{r.plays}</td>
                  <td>{Math.round(r.totalMs / 1000)} s</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
