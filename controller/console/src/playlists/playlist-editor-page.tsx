import type { CreateLoopItem, PlaylistView } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { NEW, hrefOf, navigate } from '../app/router';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { PlayerPreview } from '../preview/player-preview';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorNote, Loading, Notice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import { type EditableItem, ItemList, editable } from './item-list';
import { slugOf } from './slug';
import './editors.css';

const asInput = (
  items: readonly { type: string; durationMs: number; props: Record<string, unknown>; sample: boolean }[],
) => items.map((i): CreateLoopItem => ({ type: i.type, durationMs: i.durationMs, props: i.props, sample: i.sample }));

function PlaylistEditor({ saved, screens }: { saved: PlaylistView | null; screens: { id: string; name: string }[] }) {
  const t = useT();
  const [name, setName] = useState(saved?.name ?? '');
  const [items, setItems] = useState<EditableItem[]>(() => asInput(saved?.items ?? []).map(editable));
  const [dirty, setDirty] = useState(false);
  const [tried, setTried] = useState(false);
  const [outcome, setOutcome] = useState<'saved' | { error: unknown } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [previewOn, setPreviewOn] = useState(screens[0]?.id ?? '');
  const change = (next: EditableItem[]) => {
    setItems(next);
    setDirty(true);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    const body = { name: name.trim(), items: items.map((e) => e.item) };
    try {
      if (saved) await api.updatePlaylist(saved.id, body);
      else {
        const created = await api.createPlaylist({ id: slugOf(name), ...body });
        navigate({ page: 'playlist', id: created.id });
      }
      setDirty(false);
      setOutcome('saved');
    } catch (error) {
      setOutcome({ error });
    }
  };
  const remove = async () => {
    setDeleting(false);
    try {
      if (saved) await api.deletePlaylist(saved.id);
      navigate({ page: 'playlists' });
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <form className="bc-editor-page" onSubmit={save} noValidate>
      <div className="bc-editor-page__main">
        <TextField
          label={t('playlistName')}
          name="playlist-name"
          value={name}
          onChange={(v) => {
            setName(v);
            setDirty(true);
          }}
          maxLength={120}
          error={tried && !name.trim() ? t('required') : null}
        />
        <h2>{t('playlistItems')}</h2>
        {items.length === 0 ? <p className="bc-muted">{t('playlistEmpty')}</p> : null}
        <ItemList items={items} onChange={change} />
        <p className="bc-muted">{t('transitionsNote')}</p>
        {dirty ? <p className="bc-banner bc-banner--warning">{t('unsavedChanges')}</p> : null}
        {outcome === 'saved' && !dirty ? <Notice>{t('playlistSaved')}</Notice> : null}
        {outcome && outcome !== 'saved' ? <ErrorNote error={outcome.error} /> : null}
        <div className="bc-form__row">
          <button type="submit" className="bc-button bc-button--primary">
            {t('savePlaylist')}
          </button>
          {saved ? (
            <button
              type="button"
              className="bc-button bc-button--quiet bc-button--danger-text"
              onClick={() => setDeleting(true)}
            >
              {t('deletePlaylist')}
            </button>
          ) : null}
        </div>
      </div>
      <aside className="bc-editor-page__side">
        <h2>{t('preview')}</h2>
        <SelectField
          label={t('previewOnScreen')}
          value={previewOn}
          onChange={setPreviewOn}
          options={screens.map((s) => ({ value: s.id, label: s.name, data: true }))}
        />
        <PlayerPreview
          request={
            items.length > 0
              ? {
                  ...(previewOn ? { screenId: previewOn } : {}),
                  content: { kind: 'playlist', items: items.map((e) => e.item) },
                }
              : null
          }
          width={356}
        />
      </aside>
      {deleting && saved ? (
        <ConfirmDialog
          title={t('confirmTitle')}
          body={<p>{t('confirmDeletePlaylist', { name: saved.name })}</p>}
          confirm={t('deletePlaylist')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
    </form>
  );
}

/** A playlist: its name, items in order, each in its type's editor, and the real player's preview beside. */
export function PlaylistEditorPage({ id }: { id: string }) {
  const t = useT();
  const { loaded, reload } = useLoad(
    () => Promise.all([id === NEW ? Promise.resolve(null) : api.playlist(id), api.screens()]),
    [id],
  );
  return (
    <section className="bc-page" aria-labelledby="playlist-title">
      <div className="bc-page__head">
        <h1 id="playlist-title" tabIndex={-1}>
          {id === NEW ? t('newPlaylist') : t('editPlaylist')}
        </h1>
        <a href={hrefOf({ page: 'playlists' })}>{t('backToPlaylists')}</a>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        <PlaylistEditor saved={loaded.value[0]} screens={loaded.value[1].map((s) => ({ id: s.id, name: s.name }))} />
      ) : null}
    </section>
  );
}
