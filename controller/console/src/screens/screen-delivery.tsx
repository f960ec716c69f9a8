import type { PlayerHostKind, ScreenDelivery, ScreenOverview } from '@baruga/protocol';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { formatBytes, formatNumber, formatWhen } from '../i18n/format';
import { Data } from '../ui/feedback';
import { failureText } from '../ui/failure';
import { ApiFailure } from '../api/client';

const HOST: Record<PlayerHostKind, TextKey> = {
  browser: 'hostBrowser',
  chromium: 'hostChromium',
  electron: 'hostElectron',
};

/** What the screen's player last said about itself, in words: versions, storage, smoothness, its clock, refusals. */
export function ScreenDeliveryFacts({ screen, delivery }: { screen: ScreenOverview; delivery: ScreenDelivery | null }) {
  const t = useT();
  const lang = useLang();
  const beat = delivery?.heartbeat ?? null;
  const when = (iso: string) => formatWhen(Date.parse(iso), screen.timezone, lang);
  return (
    <section className="bc-card" aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('delivery')}</h2>
      <dl className="bc-facts bc-facts--grid">
        <dt>{t('lastHeartbeat')}</dt>
        <dd data-testid="last-heartbeat">
          {delivery?.lastHeartbeatAt ? <Data>{when(delivery.lastHeartbeatAt)}</Data> : t('never')}
        </dd>
        <dt>{t('player')}</dt>
        <dd>{delivery?.player ? <Data>{delivery.player.name}</Data> : t('noPlayer')}</dd>
        {beat ? (
          <>
            <dt>{t('playerKind')}</dt>
            <dd>{t(HOST[beat.host.kind])}</dd>
          </>
        ) : null}
        <dt>{t('versions')}</dt>
        <dd data-testid="running-version">
          {t('versionsValue', {
            running: beat?.manifestVersion ?? '–',
            published: screen.publishedVersion ?? '–',
          })}
          {beat?.stale ? <span className="bc-muted"> · {t('stale')}</span> : null}
          {beat?.pendingVersion ? (
            <span className="bc-muted"> · {t('downloadingVersion', { version: beat.pendingVersion })}</span>
          ) : null}
        </dd>
        {beat ? (
          <>
            <dt>{t('storage')}</dt>
            <dd>
              {t('storageValue', {
                used: formatBytes(beat.cache.usedBytes, lang),
                files: formatNumber(beat.cache.assets, lang),
              })}
            </dd>
            <dt>{t('frameRate')}</dt>
            <dd>{beat.fps === null ? '–' : t('frameRateValue', { fps: formatNumber(beat.fps, lang) })}</dd>
            <dt>{t('clockOffset')}</dt>
            <dd>
              {beat.clockOffsetMs === null
                ? '–'
                : t('clockOffsetValue', { ms: formatNumber(beat.clockOffsetMs, lang) })}
            </dd>
          </>
        ) : null}
        {beat?.lastRejection ? (
          <>
            <dt>{t('lastRejection')}</dt>
            <dd data-testid="last-rejection">
              {failureText(new ApiFailure(0, beat.lastRejection), lang).sentence}{' '}
              <small>
                <code translate="no">{beat.lastRejection.code}</code>
              </small>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
