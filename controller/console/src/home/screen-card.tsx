import type { ScreenOverview } from '@baruga/protocol';
import { hrefOf } from '../app/router';
import { useT } from '../i18n/catalogue';
import { HealthBadge, OnScreen, PlayingNow, Thumbnail } from '../screens/screen-status';
import { Data } from '../ui/feedback';

/** One screen on the home page: its last picture, health, what plays and why, and what is on screen. */
export function ScreenCard({ screen, compact }: { screen: ScreenOverview; compact?: boolean }) {
  const t = useT();
  return (
    <article
      className={compact ? 'bc-screen-card bc-screen-card--compact' : 'bc-screen-card'}
      data-screen-id={screen.screenId}
    >
      <Thumbnail screen={screen} />
      <div className="bc-screen-card__body">
        <h3 className="bc-screen-card__name">
          <a href={hrefOf({ page: 'screen', id: screen.screenId })}>
            <Data>{screen.name}</Data>
          </a>
        </h3>
        <p className="bc-screen-card__badges">
          <HealthBadge health={screen.health} />
          {screen.public ? <span className="bc-tag bc-tag--public">{t('publicScreen')}</span> : null}
          {screen.blackout ? <span className="bc-tag bc-tag--danger">{t('blackedOut')}</span> : null}
          {screen.unpublishedChanges ? (
            <span className="bc-tag bc-tag--warning" data-testid="unpublished">
              {t('unpublishedBadge')}
            </span>
          ) : null}
        </p>
        <dl className="bc-facts">
          <dt>{t('nowLabel')}</dt>
          <dd data-testid="playing-now">
            <PlayingNow now={screen.now} />
          </dd>
          {compact ? null : (
            <>
              <dt>{t('onScreenLabel')}</dt>
              <dd>
                <OnScreen screen={screen} />
              </dd>
            </>
          )}
        </dl>
      </div>
    </article>
  );
}
