import { getContentType } from '@baruga/content';
import type { LoopItemView, Screen, ScreenDelivery } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { AnnouncementForm } from './announcement-form';
import { useLang, useT } from '../i18n/catalogue';
import { SchedulePanel } from '../schedule/schedule-panel';
import { ScreenDeliveryPanel } from './screen-delivery';

function summary(item: LoopItemView): string {
  const props = item.props;
  if (typeof props.title === 'string' && props.title) return props.title;
  if (typeof props.body === 'string') return props.body.slice(0, 80);
  if (typeof props.caption === 'string') return props.caption;
  if (typeof props.alt === 'string' && props.alt) return props.alt;
  return item.type;
}

export function ScreenPanel({
  screen,
  delivery,
  onChanged,
}: {
  screen: Screen | null;
  delivery: ScreenDelivery | null;
  onChanged: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [items, setItems] = useState<LoopItemView[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const screenId = screen?.id;
  const report = (error: unknown) =>
    setMessage({
      ok: false,
      text: error instanceof ApiFailure ? `${error.error.code}: ${error.message}` : String(error),
    });
  const load = useCallback(async () => {
    if (screenId) setItems(await api.items(screenId));
  }, [screenId]);
  // The panel is keyed by screen (app.tsx): a new screen starts with fresh state and loads its loop.
  useEffect(() => {
    if (!screenId) return;
    let live = true;
    api.items(screenId).then((loaded) => {
      if (live) setItems(loaded);
    }, report);
    return () => {
      live = false;
    };
  }, [screenId]);

  if (!screen) return <section className="bc-card bc-panel bc-muted">{t('selectScreen')}</section>;

  const publish = async () => {
    try {
      const result = await api.publish(screen.id);
      setMessage({ ok: true, text: `${t('publishedOk')} ${result.version}` });
      onChanged();
    } catch (error) {
      report(error);
    }
  };

  return (
    <section className="bc-card bc-panel" aria-label={screen.name}>
      <div className="bc-panel__head">
        <h2>{screen.name}</h2>
        <a href={`/player/?screen=${screen.id}`} target="_blank" rel="noreferrer">
          {t('openPlayer')} ↗
        </a>
      </div>
      <p className="bc-muted">
        {screen.id} · {screen.width}×{screen.height} · {screen.timezone} ·{' '}
        {screen.publishedVersion ? `${t('published')} ${screen.publishedVersion}` : t('notPublished')}
      </p>
      <SchedulePanel screenId={screen.id} timezone={screen.timezone} />
      <ScreenDeliveryPanel screenId={screen.id} delivery={delivery} />

      <h3>{t('loop')}</h3>
      {items.length === 0 ? <p className="bc-muted">{t('emptyLoop')}</p> : null}
      <ol className="bc-items">
        {items.map((item) => (
          <li key={item.id}>
            <span className="bc-tag">{getContentType(item.type)?.label[lang] ?? item.type}</span>
            <span className="bc-items__summary">{summary(item)}</span>
            {item.sample ? <span className="bc-tag bc-tag--sample">{t('sample')}</span> : null}
            <span className="bc-muted">
              {item.durationMs / 1000} {t('seconds')}
            </span>
            <button
              type="button"
              className="bc-link"
              onClick={async () => {
                try {
                  await api.removeItem(screen.id, item.id);
                  await load();
                } catch (error) {
                  report(error);
                }
              }}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void publish()}>
        {t('publish')}
      </button>

      <AnnouncementForm
        onSubmit={async (item) => {
          try {
            await api.addItem(screen.id, item);
            await load();
            await publish();
            return true;
          } catch (error) {
            report(error);
            return false;
          }
        }}
      />
      {message ? (
        <p className={message.ok ? 'bc-ok' : 'bc-error'} role="status">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
