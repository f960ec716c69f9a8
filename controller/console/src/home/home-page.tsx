import type { Overview, ScreenHealth, ScreenOverview } from '@baruga/protocol';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { wallsOf } from '../api/walls';
import { useT } from '../i18n/catalogue';
import { zoneLabel } from '../i18n/format';
import { Empty, ErrorNote, Loading } from '../ui/feedback';
import { SelectField } from '../ui/fields';
import { ScreenCard } from './screen-card';
import './home.css';

type Filters = { group: string; location: string; health: '' | ScreenHealth };
const ALL = '';
const STANDALONE = '-';

function matches(screen: ScreenOverview, f: Filters): boolean {
  if (f.group !== ALL && !screen.groups.includes(f.group)) return false;
  if (f.health !== ALL && screen.health !== f.health) return false;
  if (f.location === STANDALONE) return screen.wallId === null;
  if (f.location.startsWith('wall:')) return screen.wallId === f.location.slice(5);
  if (f.location.startsWith('zone:')) return screen.timezone === f.location.slice(5);
  return true;
}

function FilterBar({
  overview,
  filters,
  onChange,
}: {
  overview: Overview;
  filters: Filters;
  onChange: (f: Filters) => void;
}) {
  const t = useT();
  const zones = [...new Set(overview.screens.map((s) => s.timezone))].sort();
  return (
    <div className="bc-filters" role="search">
      <SelectField
        label={t('filterGroup')}
        value={filters.group}
        onChange={(group) => onChange({ ...filters, group })}
        options={[
          { value: ALL, label: t('allGroups') },
          ...overview.groups.map((g) => ({ value: g, label: g, data: true })),
        ]}
      />
      <SelectField
        label={t('filterLocation')}
        value={filters.location}
        onChange={(location) => onChange({ ...filters, location })}
        options={[
          { value: ALL, label: t('allLocations') },
          ...wallsOf(overview).map((w) => ({ value: `wall:${w.id}`, label: w.name, data: true })),
          { value: STANDALONE, label: t('standaloneScreens') },
          ...(zones.length > 1
            ? zones.map((z) => ({ value: `zone:${z}`, label: t('locationZone', { zone: zoneLabel(z) }) }))
            : []),
        ]}
      />
      <SelectField
        label={t('filterStatus')}
        value={filters.health}
        onChange={(health) => onChange({ ...filters, health })}
        options={[
          { value: ALL, label: t('allStatuses') },
          { value: 'online', label: t('healthOnline') },
          { value: 'late', label: t('healthLate') },
          { value: 'offline', label: t('healthOffline') },
          { value: 'unknown', label: t('healthUnknown') },
        ]}
      />
    </div>
  );
}

function Walls({ overview, shown }: { overview: Overview; shown: Set<string> }) {
  const t = useT();
  const byId = new Map(overview.screens.map((s) => [s.screenId, s]));
  return (
    <>
      {wallsOf(overview).map((wall) => {
        const tiles = wall.screenIds.flatMap((id) => byId.get(id) ?? []).filter((s) => shown.has(s.screenId));
        if (tiles.length === 0) return null;
        return (
          <section key={wall.id} className="bc-wall" aria-labelledby={`wall-${wall.id}`} data-wall-id={wall.id}>
            <h2 id={`wall-${wall.id}`}>
              <span translate="no">{wall.name}</span>{' '}
              <span className="bc-muted">{t('wallGrid', { columns: wall.columns, rows: wall.rows })}</span>
            </h2>
            <div className="bc-wall__grid" style={{ gridTemplateColumns: `repeat(${wall.columns}, minmax(0, 1fr))` }}>
              {tiles.map((s) => (
                <ScreenCard key={s.screenId} screen={s} compact />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}

/** Home: every screen and wall at a glance, kept current by the live feed. */
export function HomePage() {
  const t = useT();
  const { loaded, reload } = useLoad(() => api.overview(), [], ['screens', 'schedule', 'delivery', 'players']);
  const [filters, setFilters] = useState<Filters>({ group: ALL, location: ALL, health: ALL });
  const overview = loaded.state === 'ok' ? loaded.value : null;
  const shown = useMemo(
    () => new Set((overview?.screens ?? []).filter((s) => matches(s, filters)).map((s) => s.screenId)),
    [overview, filters],
  );
  const count = (h: ScreenHealth) => overview?.screens.filter((s) => s.health === h).length ?? 0;
  return (
    <section className="bc-page" aria-labelledby="home-title">
      <div className="bc-page__head">
        <h1 id="home-title" tabIndex={-1}>
          {t('homeTitle')}
        </h1>
        {overview ? (
          <p className="bc-muted" data-testid="home-summary">
            {t('homeSummary', {
              total: overview.screens.length,
              online: count('online'),
              late: count('late'),
              offline: count('offline'),
            })}
          </p>
        ) : null}
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {overview ? (
        <>
          <FilterBar overview={overview} filters={filters} onChange={setFilters} />
          {overview.screens.length === 0 ? <Empty>{t('noScreens')}</Empty> : null}
          {overview.screens.length > 0 && shown.size === 0 ? <Empty>{t('noScreensMatch')}</Empty> : null}
          <Walls overview={overview} shown={shown} />
          {overview.screens.some((s) => !s.wallId && shown.has(s.screenId)) ? (
            <section aria-labelledby="standalone-title">
              <h2 id="standalone-title">{t('standaloneScreens')}</h2>
              <div className="bc-cards">
                {overview.screens
                  .filter((s) => !s.wallId && shown.has(s.screenId))
                  .map((s) => (
                    <ScreenCard key={s.screenId} screen={s} />
                  ))}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
