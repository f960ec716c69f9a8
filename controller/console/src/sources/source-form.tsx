import type { SourceData, SourceKind } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { RowsTable } from './rows-table';

const KINDS: readonly SourceKind[] = ['ckan', 'json', 'csv'];

/** Adds a data source: its kind's fields, a test that shows the first rows, then save. */
export function SourceForm({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<SourceKind>('ckan');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [apiToken, setApiToken] = useState('');
  const [path, setPath] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [credit, setCredit] = useState('');
  const [refreshS, setRefreshS] = useState(300);
  const [preview, setPreview] = useState<SourceData | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const definition = () => {
    const common = { name: name || id, credit, refreshS };
    switch (kind) {
      case 'ckan':
        return { ...common, kind, url, resourceId, ...(apiToken ? { apiToken } : {}) };
      case 'json':
        return { ...common, kind, url, path };
      case 'csv':
        return { ...common, kind, ...(csv !== null ? { text: csv } : { url }) };
    }
  };
  const failed = (e: unknown) => setMessage(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e));

  const test = async () => {
    setMessage(null);
    try {
      setPreview(await api.testSource(definition()));
    } catch (e) {
      setPreview(null);
      failed(e);
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.createSource({ id, ...definition() });
      setPreview(null);
      setId('');
      setName('');
      onSaved();
    } catch (e) {
      failed(e);
    }
  };

  return (
    <form className="bc-form" onSubmit={save} aria-label={t('sourceAdd')}>
      <h3>{t('sourceAdd')}</h3>
      <div className="bc-form__row">
        <label>
          {t('sourceId')}
          <input
            name="sourceId"
            required
            pattern="[a-z0-9][a-z0-9-]{0,62}"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        </label>
        <label>
          {t('sourceName')}
          <input name="sourceName" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('sourceKind')}
          <select name="sourceKind" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      {kind !== 'csv' || csv === null ? (
        <label>
          {t('sourceUrl')}
          <input name="sourceUrl" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
      ) : null}
      {kind === 'ckan' ? (
        <div className="bc-form__row">
          <label>
            {t('sourceResource')}
            <input name="resourceId" value={resourceId} onChange={(e) => setResourceId(e.target.value)} />
          </label>
          <label>
            {t('sourceToken')}
            <input
              name="apiToken"
              type="password"
              autoComplete="off"
              value={apiToken}
              onChange={(e) => setApiToken(e.target.value)}
            />
          </label>
        </div>
      ) : null}
      {kind === 'json' ? (
        <label>
          {t('sourcePath')}
          <input name="path" value={path} onChange={(e) => setPath(e.target.value)} />
        </label>
      ) : null}
      {kind === 'csv' ? (
        <label>
          {t('sourceFile')}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setCsv);
              else setCsv(null);
            }}
          />
        </label>
      ) : null}
      <div className="bc-form__row">
        <label>
          {t('sourceCredit')}
          <input name="credit" value={credit} maxLength={160} onChange={(e) => setCredit(e.target.value)} />
        </label>
        <label>
          {t('sourceRefresh')}
          <input
            type="number"
            min={30}
            max={86400}
            value={refreshS}
            onChange={(e) => setRefreshS(Number(e.target.value))}
          />
        </label>
      </div>
      <div className="bc-form__row">
        <button type="button" onClick={() => void test()}>
          {t('sourceTest')}
        </button>
        <button type="submit">{t('sourceSave')}</button>
      </div>
      {message ? <p className="bc-error">{message}</p> : null}
      {preview ? <RowsTable data={preview} limit={10} /> : null}
    </form>
  );
}
