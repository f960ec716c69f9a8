import type { SourceData, SourceError, SourceView } from '@baruga/protocol';
import { useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatWhen } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { failureText } from '../ui/failure';
import { Data, Empty, ErrorNote, Loading } from '../ui/feedback';
import { RowsTable } from './rows-table';
import { SourceFormDialog } from './source-form';
import './sources.css';

/** How many rows the list shows under a source: enough to recognise the data, not a spreadsheet. */
const PREVIEW_ROWS = 20;

/** Why the last fetch failed: the catalogue's sentence for its code, then the code and the source's own words. */
function LastError({ error }: { error: SourceError }) {
  const t = useT();
  const lang = useLang();
  const { sentence } = failureText(new ApiFailure(0, error), lang);
  return (
    <div className="bc-error" data-testid="source-error">
      <p>
        {t('sourceLastError')} {sentence}
      </p>
      <p className="bc-error__code">
        <small>
          {t('errorCodeLabel')} <code translate="no">{error.code}</code> · <Data>{error.message}</Data>
        </small>
      </p>
    </div>
  );
}

/** One source: how fresh its rows are, why its last fetch failed, and what can be done with it. */
function SourceCard({ source, onEdit, onDelete }: { source: SourceView; onEdit: () => void; onDelete: () => void }) {
  const t = useT();
  const lang = useLang();
  const [rows, setRows] = useState<SourceData | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const { status } = source;
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const fetched = status.fetchedAt ? formatWhen(Date.parse(status.fetchedAt), DEFAULT_ZONE, lang) : null;
  return (
    <li className="bc-card" data-source={source.id} aria-labelledby={`source-${source.id}`}>
      <div className="bd-source__head">
        <h2 id={`source-${source.id}`}>
          <Data>{source.name}</Data>
        </h2>
        <Data className="bc-tag">{source.kind.toUpperCase()}</Data>
        <span className={status.stale ? 'bc-tag bc-tag--warning' : 'bc-tag bc-tag--on'} data-testid="source-state">
          {status.stale ? t('sourceStale') : t('sourceFresh')}
        </span>
      </div>
      <p className="bc-muted">
        <Data>{source.id}</Data> · {t('sourceRows', { n: status.rows })} ·{' '}
        {fetched ? t('sourceFetchedAt', { when: fetched }) : t('sourceNever')}
      </p>
      {status.error ? <LastError error={status.error} /> : null}
      {failure ? <ErrorNote error={failure} /> : null}
      <div className="bc-form__row">
        <button
          type="button"
          className="bc-button bc-button--quiet"
          disabled={busy}
          onClick={() => void act(() => api.refreshSource(source.id))}
        >
          {t('sourceRefreshNow')}
        </button>
        <button
          type="button"
          className="bc-button bc-button--quiet"
          aria-expanded={rows !== null}
          onClick={() => (rows ? setRows(null) : void act(() => api.sourceData(source.id).then(setRows)))}
        >
          {rows ? t('sourceHideRows') : t('sourceShowRows')}
        </button>
        <button type="button" className="bc-button bc-button--quiet" onClick={onEdit}>
          {t('edit')}
        </button>
        <button type="button" className="bc-button bc-button--quiet bc-button--danger-text" onClick={onDelete}>
          {t('delete')}
        </button>
      </div>
      {rows ? <RowsTable data={rows} name={source.name} limit={PREVIEW_ROWS} /> : null}
    </li>
  );
}

/** Data sources: each with its rows, when it was last fetched, whether it is stale and why. */
export function SourcesPage() {
  const t = useT();
  const { loaded, reload } = useLoad(() => api.sources(), [], ['sources']);
  const [editing, setEditing] = useState<SourceView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SourceView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const remove = async (source: SourceView) => {
    setDeleting(null);
    setFailure(null);
    try {
      await api.deleteSource(source.id);
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section className="bc-page" aria-labelledby="sources-title">
      <div className="bc-page__head">
        <h1 id="sources-title" tabIndex={-1}>
          {t('sourcesTitle')}
        </h1>
        <button type="button" className="bc-button bc-button--primary" onClick={() => setEditing('new')}>
          {t('sourceAdd')}
        </button>
      </div>
      <p className="bc-muted">{t('sourcesHelp')}</p>
      {failure ? <ErrorNote error={failure} /> : null}
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' && loaded.value.length === 0 ? <Empty>{t('sourceNone')}</Empty> : null}
      {loaded.state === 'ok' ? (
        <ul className="bd-sources">
          {loaded.value.map((s) => (
            <SourceCard key={s.id} source={s} onEdit={() => setEditing(s)} onDelete={() => setDeleting(s)} />
          ))}
        </ul>
      ) : null}
      {editing ? (
        <SourceFormDialog
          before={editing === 'new' ? null : editing}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('sourceDeleteTitle')}
          body={<p>{t('sourceDeleteBody', { name: deleting.name })}</p>}
          confirm={t('sourceDelete')}
          danger
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
