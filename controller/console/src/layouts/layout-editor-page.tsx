import { NEW, hrefOf } from '../app/router';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { ErrorNote, Loading } from '../ui/feedback';
import { LayoutEditor } from './layout-editor';
import './layouts.css';
import '../playlists/editors.css';

export function LayoutEditorPage({ id }: { id: string }) {
  const t = useT();
  const { loaded, reload } = useLoad(
    () => Promise.all([id === NEW ? Promise.resolve(null) : api.layout(id), api.screens(), api.playlists()]),
    [id],
  );
  return (
    <section className="bc-page" aria-labelledby="layout-title">
      <div className="bc-page__head">
        <h1 id="layout-title" tabIndex={-1}>
          {id === NEW ? t('newLayout') : t('editLayout')}
        </h1>
        <a href={hrefOf({ page: 'layouts' })}>{t('backToLayouts')}</a>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        <LayoutEditor saved={loaded.value[0]} screens={loaded.value[1]} playlists={loaded.value[2]} />
      ) : null}
    </section>
  );
}
