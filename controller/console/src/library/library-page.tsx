import type { LibraryItem, LibraryKind } from '@baruga/protocol';
import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { ConfirmDialog, Dialog } from '../ui/dialog';
import { Empty, ErrorNote, Loading, Notice } from '../ui/feedback';
import { failureCode, failureDetails } from '../ui/failure';
import { SelectField, TextField } from '../ui/fields';
import { ContentUsage } from '@baruga/protocol';
import { DropZone } from './drop-zone';
import { KIND_TEXT, LibraryCard, LibraryPreview } from './library-card';
import { usageText } from './usage';
import { useUploads } from './uploads';
import './library.css';

type Filters = { kind: '' | LibraryKind; tag: string; q: string };

/** Filters, then the files as cards. Shared by the library page and the picker the content editors open. */
export function LibraryBrowser({
  kinds,
  onPick,
  manage,
}: {
  kinds?: readonly LibraryKind[];
  onPick?: (item: LibraryItem) => void;
  manage?: { onPreview: (item: LibraryItem) => void; onDelete: (item: LibraryItem) => void };
}) {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({
    kind: kinds?.length === 1 ? (kinds[0] ?? '') : '',
    tag: '',
    q: '',
  });
  const { loaded, reload } = useLoad(
    () =>
      Promise.all([
        api.library({
          limit: 200,
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(filters.tag ? { tag: filters.tag } : {}),
          ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
        }),
        api.tags(),
      ]),
    [filters.kind, filters.tag, filters.q],
    ['library', 'screens', 'schedule'],
  );
  const kindOptions = (kinds ?? (['image', 'video', 'stream'] as const)).map((k) => ({
    value: k,
    label: t(KIND_TEXT[k]),
  }));
  const [page, tags] = loaded.state === 'ok' ? loaded.value : [null, []];
  return (
    <>
      <div className="bc-filters" role="search">
        <SelectField
          label={t('filterKind')}
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={[...(kinds?.length === 1 ? [] : [{ value: '' as const, label: t('allKinds') }]), ...kindOptions]}
        />
        <SelectField
          label={t('filterTag')}
          value={filters.tag}
          onChange={(tag) => setFilters({ ...filters, tag })}
          options={[
            { value: '', label: t('allTags') },
            ...tags.map((c) => ({ value: c.tag, label: c.tag, data: true })),
          ]}
        />
        <TextField
          label={t('searchName')}
          type="search"
          value={filters.q}
          onChange={(q) => setFilters({ ...filters, q })}
        />
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {page ? (
        <>
          <p className="bc-muted">{t('libraryCount', { n: page.total })}</p>
          {page.items.length === 0 ? (
            <Empty>{filters.kind || filters.tag || filters.q ? t('libraryNoMatch') : t('libraryEmpty')}</Empty>
          ) : (
            <ul className="bc-lib-grid" data-testid="library-grid">
              {page.items.map((item) => (
                <LibraryCard
                  key={item.id}
                  item={item}
                  {...(onPick ? { onPick: () => onPick(item) } : {})}
                  {...(manage
                    ? { onPreview: () => manage.onPreview(item), onDelete: () => manage.onDelete(item) }
                    : {})}
                />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}

/** The library: drop many files at once and watch each one's progress; browse, preview, and delete unused files. */
export function LibraryPage() {
  const t = useT();
  const lang = useLang();
  const { uploads, add, clearFinished } = useUploads(() => undefined);
  const [previewing, setPreviewing] = useState<LibraryItem | null>(null);
  const [deleting, setDeleting] = useState<LibraryItem | null>(null);
  const [outcome, setOutcome] = useState<{ item: LibraryItem; error: unknown } | null>(null);

  const remove = async (item: LibraryItem) => {
    setDeleting(null);
    try {
      await api.deleteContent(item.id);
      setOutcome({ item, error: null });
    } catch (error) {
      setOutcome({ item, error });
    }
  };
  const refusedWhere = (error: unknown) => {
    const usage = ContentUsage.safeParse(failureDetails(error));
    return usage.success ? usageText(usage.data, lang) : null;
  };

  return (
    <section className="bc-page" aria-labelledby="library-title">
      <div className="bc-page__head">
        <h1 id="library-title" tabIndex={-1}>
          {t('libraryTitle')}
        </h1>
      </div>
      <DropZone uploads={uploads} onFiles={add} onClearFinished={clearFinished} />
      {outcome && outcome.error === null ? <Notice>{t('deleted', { name: outcome.item.name })}</Notice> : null}
      {outcome && outcome.error !== null ? (
        failureCode(outcome.error) === 'BARUGA_ERR_CONTENT_IN_USE' ? (
          <p className="bc-error" role="alert" data-testid="delete-refused">
            {t('deleteRefused', { name: outcome.item.name, where: refusedWhere(outcome.error) ?? '' })}
          </p>
        ) : (
          <ErrorNote error={outcome.error} />
        )
      ) : null}
      <LibraryBrowser manage={{ onPreview: setPreviewing, onDelete: setDeleting }} />
      {previewing ? (
        <Dialog title={t('previewOf', { name: previewing.name })} onClose={() => setPreviewing(null)} wide>
          <LibraryPreview item={previewing} />
        </Dialog>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('confirmDeleteFileTitle')}
          body={<p>{t('confirmDeleteFile', { name: deleting.name })}</p>}
          confirm={t('deleteFile')}
          danger
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
