import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { ErrorNote, Loading } from '../ui/feedback';
import { ActiveAlerts, RecentAlerts } from './active-alerts';
import { AlertForm } from './alert-form';
import { ScreenLocations } from './screen-locations';
import './alerts.css';

/** The alerts on screens now and earlier ones; acknowledgements arrive as players paint, through the live feed. */
function AlertLists() {
  const { loaded, reload } = useLoad(
    () => Promise.all([api.alerts('active'), api.alerts('ended', 10), api.overview()]),
    [],
    ['alerts', 'screens'],
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorNote error={loaded.error} onRetry={reload} />;
  const [active, recent, overview] = loaded.value;
  return (
    <>
      <ActiveAlerts alerts={active} overview={overview} onChanged={reload} />
      <RecentAlerts alerts={recent} />
    </>
  );
}

/**
 * Emergency alerts: what is on screens now and each screen's acknowledgement, ending one (with an all-clear or
 * without), sending an operator's alert, earlier alerts, and where each screen stands (which alerts reach it).
 */
export function AlertsPage() {
  const t = useT();
  const { loaded, reload } = useLoad(
    () => Promise.all([api.overview(), api.screens(), api.alertTemplates()]),
    [],
    ['screens'],
  );
  return (
    <section className="bc-page ba-page" aria-labelledby="alerts-title">
      <h1 id="alerts-title" tabIndex={-1}>
        {t('alertsTitle')}
      </h1>
      <p className="bc-muted">{t('alertsHelp')}</p>
      <AlertLists />
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        <>
          <AlertForm overview={loaded.value[0]} templates={loaded.value[2]} onSent={reload} />
          <ScreenLocations screens={loaded.value[1]} onSaved={reload} />
        </>
      ) : null}
    </section>
  );
}
