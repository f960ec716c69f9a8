import type { SourceData, SourceKind, SourceView } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { Dialog } from '../ui/dialog';
import { ErrorNote, Notice } from '../ui/feedback';
import { Field, NumberField, SelectField, TextField } from '../ui/fields';
import { RowsTable } from './rows-table';
import { type SourceDraft, emptySourceDraft, sourceDefinition, sourceDraftOf, sourceProblems } from './source-draft';

const KINDS: readonly { value: SourceKind; label: string; data: true }[] = [
  { value: 'ckan', label: 'CKAN', data: true },
  { value: 'json', label: 'JSON', data: true },
  { value: 'csv', label: 'CSV', data: true },
];

/** Where the rows come from, by kind: a CKAN resource, a JSON path, or a CSV address or file. */
function KindFields({
  draft,
  set,
  before,
  urlError,
  csvError,
}: {
  draft: SourceDraft;
  set: <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => void;
  before: SourceView | null;
  urlError: string | null;
  csvError: string | null;
}) {
  const t = useT();
  const url = (
    <TextField
      label={t('sourceUrl')}
      name="sourceUrl"
      value={draft.url}
      onChange={(v) => set('url', v)}
      error={urlError}
    />
  );
  switch (draft.kind) {
    case 'ckan':
      return (
        <>
          {url}
          <div className="bd-form__grid">
            <TextField
              label={t('sourceResource')}
              name="resourceId"
              value={draft.resourceId}
              onChange={(v) => set('resourceId', v)}
            />
            <TextField
              label={t('sourceToken')}
              name="apiToken"
              type="password"
              autoComplete="off"
              value={draft.apiToken}
              onChange={(v) => set('apiToken', v)}
              hint={before?.apiTokenSet ? t('sourceTokenKept') : undefined}
            />
          </div>
        </>
      );
    case 'json':
      return (
        <>
          {url}
          <TextField label={t('sourcePath')} name="path" value={draft.path} onChange={(v) => set('path', v)} />
        </>
      );
    case 'csv':
      return (
        <>
          {draft.csv === null ? url : null}
          <Field
            label={t('sourceFile')}
            error={csvError}
            hint={before?.uploaded ? t('sourceUploaded') : t('sourceFileHint')}
          >
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void file.text().then((text) => set('csv', text));
                  else set('csv', null);
                }}
              />
            )}
          </Field>
        </>
      );
  }
}

/**
 * Adds or edits a data source in a dialog: its kind's fields, a test that reads the first rows without storing
 * anything, then save (which fetches at once, so the list shows straight away whether it works).
 */
export function SourceFormDialog({
  before,
  onSaved,
  onClose,
}: {
  before: SourceView | null;
  onSaved: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<SourceDraft>(() => (before ? sourceDraftOf(before) : emptySourceDraft()));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [preview, setPreview] = useState<SourceData | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setPreview(null);
  };
  const problems = sourceProblems(draft, before);
  const show = (p: 'id' | 'url' | 'csv') => tried && problems.includes(p);

  const run = async (what: 'test' | 'save') => {
    setTried(true);
    setFailure(null);
    if (problems.length > 0) return;
    setBusy(what);
    try {
      const definition = sourceDefinition(draft, before);
      if (what === 'test') {
        setPreview(await api.testSource(definition));
      } else {
        if (before) await api.updateSource(before.id, definition);
        else await api.createSource({ id: draft.id, ...definition });
        onSaved();
      }
    } catch (error) {
      setPreview(null);
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('save');
  };

  return (
    <Dialog title={before ? t('sourceEditTitle', { name: before.name }) : t('sourceAdd')} onClose={onClose} wide>
      <form className="bd-form" onSubmit={submit} noValidate>
        <div className="bd-form__grid">
          {before ? null : (
            <TextField
              label={t('sourceId')}
              name="sourceId"
              value={draft.id}
              onChange={(v) => set('id', v.trim().toLowerCase())}
              maxLength={63}
              error={show('id') ? t('sourceIdBad') : null}
              hint={t('sourceIdHint')}
            />
          )}
          <TextField
            label={t('sourceName')}
            name="sourceName"
            value={draft.name}
            maxLength={200}
            onChange={(v) => set('name', v)}
          />
          <SelectField
            label={t('sourceKind')}
            name="sourceKind"
            value={draft.kind}
            options={KINDS}
            onChange={(v) => set('kind', v)}
          />
        </div>
        <KindFields
          draft={draft}
          set={set}
          before={before}
          urlError={show('url') ? t('sourceUrlBad') : null}
          csvError={show('csv') ? t('sourceCsvNeeded') : null}
        />
        <div className="bd-form__grid">
          <TextField
            label={t('sourceCredit')}
            name="credit"
            value={draft.credit}
            maxLength={160}
            onChange={(v) => set('credit', v)}
            hint={t('sourceCreditHint')}
          />
          <NumberField
            label={t('sourceRefresh')}
            name="refreshS"
            value={draft.refreshS}
            min={30}
            max={86_400}
            onChange={(v) => set('refreshS', v)}
          />
        </div>
        {failure ? <ErrorNote error={failure} /> : null}
        {preview ? (
          <>
            <Notice>{t('sourceTestOk', { n: preview.rows.length })}</Notice>
            <RowsTable data={preview} name={draft.name || draft.id} limit={10} />
          </>
        ) : null}
        <div className="bc-dialog__actions">
          <button type="button" className="bc-button bc-button--quiet" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="bc-button bc-button--quiet"
            disabled={busy !== null}
            onClick={() => void run('test')}
          >
            {busy === 'test' ? t('sourceTesting') : t('sourceTest')}
          </button>
          <button type="submit" className="bc-button bc-button--primary" disabled={busy !== null}>
            {busy === 'save' ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
