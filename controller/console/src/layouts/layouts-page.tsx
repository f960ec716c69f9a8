import { NEW, hrefOf } from '../app/router';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { Data, Empty, ErrorNote, Loading } from '../ui/feedback';

export function LayoutsPage() {
  const t = useT();
  const { loaded, reload } = useLoad(() => api.layouts(), [], ['schedule']);
  return (
    <section className="bc-page" aria-labelledby="layouts-title">
      <div className="bc-page__head">
        <h1 id="layouts-title" tabIndex={-1}>
          {t('layoutsTitle')}
        </h1>
        <a className="bc-button" href={hrefOf({ page: 'layout', id: NEW })}>
          {t('newLayout')}
        </a>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' && loaded.value.length === 0 ? <Empty>{t('noLayouts')}</Empty> : null}
      <ul className="bc-list bc-list--links">
        {(loaded.state === 'ok' ? loaded.value : []).map((l) => (
          <li key={l.id} data-layout-id={l.id}>
            <a href={hrefOf({ page: 'layout', id: l.id })}>
              <Data>{l.name}</Data>
            </a>
            <span className="bc-muted">
              {t('layoutSummary', { width: l.width, height: l.height, n: l.zones.length })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
