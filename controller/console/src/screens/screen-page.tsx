import type { ScreenOverview } from '@baruga/protocol';
import { ApiFailure, api } from '../api/client';
import { useLoad } from '../api/live';
import { useT } from '../i18n/catalogue';
import { zoneLabel } from '../i18n/format';
import { SchedulePanel } from '../schedule/schedule-panel';
import { Data, ErrorNote, Loading } from '../ui/feedback';
import { ScreenCommands } from './screen-commands';
import { ScreenDeliveryFacts } from './screen-delivery';
import { ScreenGroups } from './screen-groups';
import { ScreenLoop } from './screen-loop';
import { HealthBadge, OnScreen, PlayingNow, Thumbnail } from './screen-status';
import './screen-page.css';
import '../home/home.css';

function NowCard({ screen }: { screen: ScreenOverview }) {
  const t = useT();
  return (
    <section className="bc-card bc-now-card" aria-labelledby="now-title">
      <h2 id="now-title">{t('liveScreenshot')}</h2>
      <Thumbnail screen={screen} />
      <dl className="bc-facts">
        <dt>{t('nowLabel')}</dt>
        <dd data-testid="playing-now-short">
          <PlayingNow now={screen.now} />
        </dd>
        <dt>{t('onScreenLabel')}</dt>
        <dd>
          <OnScreen screen={screen} />
        </dd>
      </dl>
    </section>
  );
}

/** One screen: what it shows now and why, its live screenshot, commands and their answers, its loop and schedule. */
export function ScreenPage({ screenId }: { screenId: string }) {
  const t = useT();
  const { loaded, reload } = useLoad(
    () => Promise.all([api.overview(), api.deliveryScreens()]),
    [screenId],
    ['screens', 'schedule', 'delivery', 'players'],
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorNote error={loaded.error} onRetry={reload} />;
  const [overview, deliveries] = loaded.value;
  const screen = overview.screens.find((s) => s.screenId === screenId);
  if (!screen) {
    return <ErrorNote error={new ApiFailure(404, { code: 'BARUGA_ERR_SCREEN_NOT_FOUND', message: screenId })} />;
  }
  const delivery = deliveries.find((d) => d.screenId === screenId) ?? null;
  return (
    <section className="bc-page bc-screen-page" aria-labelledby="screen-title">
      <div className="bc-page__head">
        <h1 id="screen-title" tabIndex={-1}>
          <Data>{screen.name}</Data>
        </h1>
        <p className="bc-screen-page__badges">
          <HealthBadge health={screen.health} />
          {screen.public ? <span className="bc-tag bc-tag--public">{t('publicScreen')}</span> : null}
          <span className="bc-muted">
            {t('screenFacts', { width: screen.width, height: screen.height, zone: zoneLabel(screen.timezone) })}
          </span>{' '}
          <Data className="bc-muted">{screen.screenId}</Data>{' '}
          <a href={`/player/?screen=${screen.screenId}`} target="_blank" rel="noreferrer">
            {t('openPlayer')}
          </a>
        </p>
      </div>
      <div className="bc-screen-page__grid">
        <div className="bc-screen-page__main">
          <SchedulePanel screenId={screen.screenId} timezone={screen.timezone} />
          <ScreenLoop screen={screen} />
          <section className="bc-card">
            <ScreenGroups screen={screen} />
          </section>
        </div>
        <div className="bc-screen-page__side">
          <NowCard screen={screen} />
          <ScreenCommands screen={screen} />
          <ScreenDeliveryFacts screen={screen} delivery={delivery} />
        </div>
      </div>
    </section>
  );
}
