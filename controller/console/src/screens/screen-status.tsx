import { getContentType } from '@baruga/content';
import type { ScreenHealth, ScreenOverview } from '@baruga/protocol';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { formatWhen } from '../i18n/format';
import { Data } from '../ui/feedback';

const HEALTH_TEXT: Record<ScreenHealth, TextKey> = {
  online: 'healthOnline',
  late: 'healthLate',
  offline: 'healthOffline',
  unknown: 'healthUnknown',
};

export function HealthBadge({ health }: { health: ScreenHealth }) {
  const t = useT();
  return (
    <span className={`bc-health bc-health--${health}`} data-health={health}>
      {t(HEALTH_TEXT[health])}
    </span>
  );
}

/** A content type's own name in the console's language (the type's plugin carries it). */
export function useTypeLabel(): (type: string | null) => string {
  const t = useT();
  const lang = useLang();
  return (type) => (type ? (getContentType(type)?.label[lang] ?? t('unknownType')) : t('unknownType'));
}

/** What plays now and why, in one line: the playlist's name and the reason in a word. */
export function PlayingNow({ now }: { now: ScreenOverview['now'] }) {
  const t = useT();
  const name =
    now.playlistKind === 'default' ? (
      t('screenLoop')
    ) : now.playlistName ? (
      <Data>{now.playlistName}</Data>
    ) : (
      t('unknownPlaylist')
    );
  const why =
    now.source.kind === 'default'
      ? t('whyDefaultShort')
      : now.playlistKind === 'announcement'
        ? t('kindAnnouncement')
        : now.source.kind === 'event'
          ? t('whyEventShort')
          : t('whyInterruptShort');
  return (
    <span className="bc-now">
      <strong>{name}</strong>{' '}
      <span className={`bc-tag bc-tag--${now.playlistKind === 'announcement' ? 'announcement' : now.source.kind}`}>
        {why}
      </span>
      {now.playlistKind === 'layout' ? <span className="bc-muted"> ({t('kindLayout')})</span> : null}
    </span>
  );
}

/** The items a player last reported on screen, by name (one per zone). */
export function OnScreen({ screen }: { screen: ScreenOverview }) {
  const t = useT();
  const typeLabel = useTypeLabel();
  if (screen.onScreen.length === 0) return <span className="bc-muted">{t('onScreenUnknown')}</span>;
  return (
    <ul className="bc-onscreen" data-testid="on-screen">
      {screen.onScreen.map((z) => (
        <li key={z.zoneId}>
          {z.label ? <Data>{z.label}</Data> : null} <span className="bc-muted">({typeLabel(z.type)})</span>
        </li>
      ))}
    </ul>
  );
}

/** The last screenshot, or a frame of the screen's shape saying there is none. */
export function Thumbnail({ screen }: { screen: ScreenOverview }) {
  const t = useT();
  const lang = useLang();
  const ratio = `${screen.width} / ${screen.height}`;
  const shot = screen.lastScreenshot;
  if (!shot) {
    return (
      <div className="bc-thumb bc-thumb--empty" style={{ aspectRatio: ratio }}>
        <span>{t('noScreenshot')}</span>
      </div>
    );
  }
  return (
    <figure className="bc-thumb" style={{ aspectRatio: ratio }}>
      <img src={shot.url} alt={t('screenshotOf', { name: screen.name })} loading="lazy" data-testid="screenshot" />
      <figcaption className="bc-thumb__when">
        <Data>{formatWhen(Date.parse(shot.takenAt), screen.timezone, lang)}</Data>
      </figcaption>
    </figure>
  );
}
