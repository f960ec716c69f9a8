import type { Screen, ScreenDelivery } from '@baruga/protocol';
import { useLang, useT } from '../i18n/catalogue';
import { HealthBadge } from './screen-delivery';

export function ScreenList(props: {
  screens: Screen[];
  /** How many screens there are in all (X-Total-Count), when the list shows only its first page. */
  total?: number;
  delivery: ScreenDelivery[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const count = new Intl.NumberFormat(useLang() === 'id' ? 'id-ID' : 'en-US');
  const groups = [
    { label: t('wall'), screens: props.screens.filter((s) => s.wallId) },
    { label: t('standalone'), screens: props.screens.filter((s) => !s.wallId) },
  ].filter((g) => g.screens.length > 0);
  return (
    <nav className="bc-card bc-screens" aria-label={t('screens')}>
      <h2>{t('screens')}</h2>
      {props.total !== undefined && props.total > props.screens.length ? (
        <p className="bc-muted">
          {count.format(props.screens.length)} {t('shownOf')} {count.format(props.total)} {t('screens').toLowerCase()}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.label}>
          <h3>{g.label}</h3>
          <ul>
            {g.screens.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={s.id === props.selected ? 'bc-screen bc-screen--selected' : 'bc-screen'}
                  onClick={() => props.onSelect(s.id)}
                  data-screen-id={s.id}
                >
                  <span
                    className={s.connected ? 'bc-dot bc-dot--online' : 'bc-dot'}
                    title={s.connected ? t('online') : t('offline')}
                  />
                  <span className="bc-screen__name">{s.name}</span>
                  <span className="bc-screen__meta">
                    {s.width}×{s.height} · {s.connected ? t('online') : t('offline')}{' '}
                    <HealthBadge health={props.delivery.find((d) => d.screenId === s.id)?.health ?? 'unknown'} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
