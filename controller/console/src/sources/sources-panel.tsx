import type { SourceData, SourceView } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useLang, useT } from '../i18n/catalogue';
import { RowsTable } from './rows-table';
import { SourceForm } from './source-form';
import './sources.css';

/** Data sources: each with its rows, when it was last fetched, and whether it is stale and why. */
export function SourcesPanel() {
  const t = useT();
  const lang = useLang();
  const [sources, setSources] = useState<SourceView[]>([]);
  const [rows, setRows] = useState<{ id: string; data: SourceData } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => api.sources().then(setSources, () => undefined), []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);

  const act = (work: () => Promise<unknown>) => () =>
    void work().then(
      () => load(),
      (e: unknown) => setMessage(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e)),
    );
  const when = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Makassar' })
      : t('sourceNever');

  return (
    <section className="bc-card" aria-label={t('sources')}>
      <h2>{t('sources')}</h2>
      {sources.length === 0 ? <p className="bc-muted">{t('sourceNone')}</p> : null}
      <ul className="bc-items">
        {sources.map((s) => (
          <li key={s.id} data-source={s.id}>
            <strong>{s.name}</strong> <span className="bc-tag">{s.kind}</span> · {s.status.rows} {t('sourceRows')} ·{' '}
            <span className={s.status.stale ? 'bc-error' : 'bc-ok'}>
              {s.status.stale ? t('sourceStale') : t('sourceFresh')}
            </span>{' '}
            · {t('sourceAsOf')} {when(s.status.fetchedAt)}
            {s.status.error ? (
              <div className="bc-error">{`${s.status.error.code}: ${s.status.error.message}`}</div>
            ) : null}
            <div className="bc-form__row">
              <button type="button" onClick={act(() => api.refreshSource(s.id))}>
                {t('sourceRefreshNow')}
              </button>
              <button
                type="button"
                onClick={act(() => api.sourceData(s.id).then((data) => setRows({ id: s.id, data })))}
              >
                {t('sourceShowRows')}
              </button>
              <button type="button" onClick={act(() => api.deleteSource(s.id))}>
                {t('remove')}
              </button>
            </div>
            {rows?.id === s.id ? <RowsTable data={rows.data} limit={50} /> : null}
          </li>
        ))}
      </ul>
      {message ? <p className="bc-error">{message}</p> : null}
      <SourceForm onSaved={() => void load()} />
    </section>
  );
}
