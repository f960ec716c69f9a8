import { TEXT_BODY_MAX } from '@baruga/content';
import type { CreateLoopItem, LoopItemView, ScreenOverview } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { ItemEditorDialog, newItem } from '../playlists/item-editor';
import { itemLabel } from '../playlists/item-label';
import { ConfirmDialog } from '../ui/dialog';
import { Data, ErrorNote, Loading, Notice } from '../ui/feedback';
import { NumberField, SelectField, TextField } from '../ui/fields';
import { useTypeLabel } from './screen-status';

/** Adds a text to the loop (not published until the operator publishes: the banner above says so). */
function AddText({ screenId, onAdded }: { screenId: string; onAdded: () => void }) {
  const t = useT();
  const [body, setBody] = useState('');
  const [seconds, setSeconds] = useState(10);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!body.trim()) return;
    try {
      await api.addItem(screenId, { type: 'text', durationMs: seconds * 1000, props: { body }, sample: false });
      setBody('');
      setTried(false);
      setFailure(null);
      onAdded();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form className="bc-form bc-form--inline" onSubmit={submit} noValidate>
      <TextField
        label={t('addText')}
        name="loop-text"
        value={body}
        onChange={setBody}
        maxLength={TEXT_BODY_MAX}
        error={tried && !body.trim() ? t('required') : null}
      />
      <NumberField label={t('durationSeconds')} value={seconds} onChange={setSeconds} min={2} max={600} />
      <button type="submit" className="bc-button bc-button--quiet">
        {t('addToLoop')}
      </button>
      {failure ? <ErrorNote error={failure} /> : null}
    </form>
  );
}

/** The data widgets (docs/data.md) an operator adds to a screen's loop, each with its content type's own editor. */
const WIDGETS = [
  'kpi',
  'chart',
  'table',
  'prayer-times',
  'apbd-dashboard',
  'complaints-dashboard',
  'chart-3d',
] as const;

/** Adds a data widget to the loop: pick its kind, fill its editor in a dialog, apply. */
function AddWidget({ screenId, onAdded }: { screenId: string; onAdded: () => void }) {
  const t = useT();
  const typeLabel = useTypeLabel();
  const [type, setType] = useState<(typeof WIDGETS)[number]>('kpi');
  const [editing, setEditing] = useState<CreateLoopItem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const add = async (item: CreateLoopItem) => {
    setEditing(null);
    try {
      await api.addItem(screenId, item);
      setFailure(null);
      onAdded();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <form
        className="bc-form bc-form--inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setEditing(newItem(type));
        }}
      >
        <SelectField
          label={t('widgetType')}
          name="widget-type"
          value={type}
          options={WIDGETS.map((w) => ({ value: w, label: typeLabel(w) }))}
          onChange={setType}
        />
        <button type="submit" className="bc-button bc-button--quiet">
          {t('widgetAdd')}
        </button>
        {failure ? <ErrorNote error={failure} /> : null}
      </form>
      {/* Outside the form: Enter in the editor must not start a new widget. */}
      {editing ? (
        <ItemEditorDialog item={editing} onApply={(item) => void add(item)} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

/**
 * The screen's own loop (what plays when nothing is scheduled). Removing an item asks first and says the screen
 * keeps showing it until published; unpublished changes are shown in a banner with the publish button beside them.
 */
export function ScreenLoop({ screen }: { screen: ScreenOverview }) {
  const t = useT();
  const typeLabel = useTypeLabel();
  const { loaded, reload } = useLoad(() => api.items(screen.screenId), [screen.screenId], ['screens']);
  const [removing, setRemoving] = useState<LoopItemView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  const label = (item: LoopItemView) => itemLabel(item.props) ?? typeLabel(item.type);

  const act = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const publish = () =>
    act(async () => {
      const result = await api.publish(screen.screenId);
      setPublished(result.version);
    });

  return (
    <section className="bc-card" aria-labelledby="loop-title">
      <h2 id="loop-title">{t('loop')}</h2>
      <p className="bc-muted">{t('loopHelp')}</p>
      {screen.unpublishedChanges ? (
        <div className="bc-banner bc-banner--warning" data-testid="unpublished-banner">
          <p>{t('unpublishedNotice')}</p>
          <button type="button" className="bc-button" onClick={() => void publish()}>
            {t('publish')}
          </button>
        </div>
      ) : null}
      {published !== null && !screen.unpublishedChanges ? (
        <Notice>{t('publishedAs', { version: published })}</Notice>
      ) : null}
      {failure ? <ErrorNote error={failure} /> : null}
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' && loaded.value.length === 0 ? <p className="bc-muted">{t('emptyLoop')}</p> : null}
      {loaded.state === 'ok' ? (
        <ol className="bc-list">
          {loaded.value.map((item) => (
            <li key={item.id} data-item-id={item.id}>
              <span className="bc-tag">{typeLabel(item.type)}</span>
              <span className="bc-list__main">{itemLabel(item.props) ? <Data>{label(item)}</Data> : null}</span>
              {item.sample ? <span className="bc-tag bc-tag--sample">{t('sample')}</span> : null}
              <span className="bc-muted">{t('seconds', { n: item.durationMs / 1000 })}</span>
              <button type="button" className="bc-button bc-button--quiet" onClick={() => setRemoving(item)}>
                {t('removeFromLoop')}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <AddText screenId={screen.screenId} onAdded={reload} />
      <AddWidget screenId={screen.screenId} onAdded={reload} />
      {removing ? (
        <ConfirmDialog
          title={t('confirmRemoveTitle')}
          body={<p>{t('confirmRemove', { item: label(removing), name: screen.name })}</p>}
          confirm={t('removeFromLoop')}
          danger
          onConfirm={() => {
            const item = removing;
            setRemoving(null);
            void act(() => api.removeItem(screen.screenId, item.id));
          }}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}
