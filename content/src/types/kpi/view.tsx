import { useMemo } from 'react';
import { DataFrame } from '../../browser/data-frame';
import { useDataFeed } from '../../browser/data-feeds';
import { useReadyOnMount } from '../../browser/use-ready';
import { useTweened } from '../../browser/use-tween';
import type { ContentViewProps } from '../../browser/view-props';
import { formatPercent, formatValue } from '../../data/format';
import { type KpiProps, tileValue } from './index';

/** Up to eight figures in a grid, each easing to its new value when the feed changes. */
export function KpiView({ props, screen, onReady, active = true, now }: ContentViewProps<KpiProps>) {
  useReadyOnMount(onReady);
  const { table, meta } = useDataFeed(props.table, props.feedId);
  const values = useMemo(() => props.tiles.map((t) => tileValue(table, t, t.column)), [props.tiles, table]);
  const targets = useMemo(
    () => props.tiles.map((t) => (t.targetColumn ? tileValue(table, t, t.targetColumn) : null)),
    [props.tiles, table],
  );
  const shown = useTweened(values, now ?? Date.now, active);
  const columns = props.tiles.length <= 2 ? props.tiles.length : props.tiles.length <= 4 ? 2 : 4;
  const locale = screen.locale;
  return (
    <DataFrame
      type="kpi"
      title={props.title}
      titleEn={props.titleEn}
      screen={screen}
      meta={meta}
      credit={props.credit}
      asOf={props.asOf}
      sample={props.sample}
      background={props.background}
    >
      <div
        style={{
          position: 'absolute',
          inset: 0,
          display: 'grid',
          gridTemplateColumns: `repeat(${columns}, 1fr)`,
          gap: '2cqmin',
        }}
      >
        {props.tiles.map((tile, i) => {
          const value = shown[i] ?? null;
          const goal = values[i] ?? null;
          const target = targets[i] ?? null;
          const share = goal !== null && target ? (goal / target) * 100 : null;
          return (
            <div
              key={`${tile.label}-${i}`}
              className="bg-kpi__tile"
              data-value={goal ?? ''}
              style={{
                borderTop: `0.6cqmin solid ${props.accent}`,
                background: 'rgba(255,255,255,0.05)',
                padding: '2cqmin',
                display: 'flex',
                flexDirection: 'column',
                justifyContent: 'center',
                minWidth: 0,
              }}
            >
              <div lang="id" style={{ fontSize: '3.2cqmin', opacity: 0.9 }}>
                {tile.label}
              </div>
              {tile.labelEn ? (
                <div lang="en" style={{ fontSize: '2.4cqmin', opacity: 0.7 }}>
                  {tile.labelEn}
                </div>
              ) : null}
              <div
                className="bg-kpi__value"
                style={{ fontSize: '6.5cqmin', fontWeight: 800, fontVariantNumeric: 'tabular-nums' }}
              >
                {formatValue(value, tile.format, { locale, decimals: tile.decimals ?? 2 })}
              </div>
              {share !== null ? (
                <div className="bg-kpi__share" style={{ fontSize: '2.8cqmin', color: props.accent }}>
                  {formatPercent(share, { locale })} dari target · of target
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </DataFrame>
  );
}
