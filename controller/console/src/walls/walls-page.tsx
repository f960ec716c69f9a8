import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { ErrorNote, Loading } from '../ui/feedback';
import { WallsPanel } from './walls-panel';

/** Video walls as a page of the console: the screens they are made of and those screens' clocks stay current. */
export function WallsPage() {
  const t = useT();
  const { loaded, reload } = useLoad(
    () => Promise.all([api.screens(), api.deliveryScreens()]),
    [],
    ['screens', 'delivery'],
  );
  return (
    <section className="bc-page" aria-labelledby="walls-title">
      <h1 id="walls-title" tabIndex={-1}>
        {t('walls')}
      </h1>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorNote error={loaded.error} onRetry={reload} />
      ) : (
        <WallsPanel screens={loaded.value[0]} delivery={loaded.value[1]} onChanged={reload} />
      )}
    </section>
  );
}
