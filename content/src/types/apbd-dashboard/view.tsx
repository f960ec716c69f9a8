import { useMemo } from 'react';
import { DataFrame } from '../../browser/data-frame';
import { useDataFeed } from '../../browser/data-feeds';
import { useEcharts } from '../../browser/use-echarts';
import type { ContentViewProps } from '../../browser/view-props';
import { formatPercent, formatRupiah } from '../../data/format';
import { ChartProps } from '../chart';
import { chartOption } from '../chart/option';
import type { ApbdDashboardProps } from './index';
import { type PostureFigure, posture } from './posture';

const WITHHELD = 'Jumlah tidak sesuai · Totals do not add up';

function Tile(props: { label: string; labelEn: string; figure: PostureFigure; locale: string; share?: boolean }) {
  const { figure, locale } = props;
  const percent =
    props.share && figure.anggaran && figure.realisasi !== null ? (figure.realisasi / figure.anggaran) * 100 : null;
  return (
    <div
      className="bg-apbd__tile"
      data-problem={figure.problem ?? ''}
      style={{ background: 'rgba(255,255,255,0.06)', padding: '1.6cqmin', minWidth: 0 }}
    >
      <div style={{ fontSize: '3cqmin' }}>
        {props.label} <span style={{ opacity: 0.7, fontSize: '0.8em' }}>{props.labelEn}</span>
      </div>
      {figure.problem ? (
        <div className="bg-apbd__withheld" style={{ fontSize: '3cqmin', color: '#fca5a5', fontWeight: 700 }}>
          {WITHHELD}
        </div>
      ) : (
        <>
          <div className="bg-apbd__value" style={{ fontSize: '4.6cqmin', fontWeight: 800 }}>
            {figure.anggaran === null ? '–' : formatRupiah(figure.anggaran, { locale })}
          </div>
          <div style={{ fontSize: '2.6cqmin', opacity: 0.9 }}>
            Realisasi · Realised {figure.realisasi === null ? '–' : formatRupiah(figure.realisasi, { locale })}
            {percent !== null ? ` (${formatPercent(percent, { locale })})` : ''}
          </div>
        </>
      )}
    </div>
  );
}

/**
 * Revenue, spending, surplus or deficit and net financing, budgeted and realised, with a bar per component's
 * realisation. A total whose parts do not add up is withheld, and the screen says why.
 */
export function ApbdDashboardView({ props, screen, onReady, onError }: ContentViewProps<ApbdDashboardProps>) {
  const { table, meta } = useDataFeed(props.table, props.feedId);
  const p = useMemo(() => posture(table), [table]);
  const locale = screen.locale;
  const bars = useMemo(() => {
    const chart = ChartProps.parse({
      variant: 'bar',
      horizontal: true,
      labelKey: 'uraian',
      series: [{ column: 'percent', label: 'Realisasi (%)' }],
      format: 'percent',
      table: {
        columns: [
          { key: 'uraian', label: 'Uraian', type: 'text' },
          { key: 'percent', label: '%', type: 'number' },
        ],
        rows: [],
      },
    });
    const data = {
      labels: p.components.map((c) => c.uraian),
      series: [{ name: 'Realisasi', color: '#56b4e9', values: p.components.map((c) => c.percent) }],
    };
    return chartOption(chart, data, { locale });
  }, [p, locale]);
  const host = useEcharts(bars, { onReady, onError });
  return (
    <DataFrame
      type="apbd-dashboard"
      title={props.region ? `${props.title} · ${props.region}` : props.title}
      titleEn={props.titleEn}
      screen={screen}
      meta={meta}
      credit={props.credit}
      asOf={props.asOf}
      sample={props.sample && !props.feedId}
      background={props.background}
    >
      <div style={{ position: 'absolute', inset: 0, display: 'grid', gridTemplateRows: 'auto 1fr', gap: '2cqmin' }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: '1.5cqmin' }}>
          <Tile label="Pendapatan" labelEn="Revenue" figure={p.pendapatan} locale={locale} share />
          <Tile label="Belanja" labelEn="Spending" figure={p.belanja} locale={locale} share />
          <Tile label="Surplus/(Defisit)" labelEn="Surplus/(deficit)" figure={p.surplus} locale={locale} />
          <Tile label="Pembiayaan netto" labelEn="Net financing" figure={p.pembiayaanNetto} locale={locale} />
        </div>
        <div style={{ position: 'relative', minHeight: 0 }}>
          {p.problems.length > 0 ? (
            <div className="bg-apbd__problems" style={{ color: '#fca5a5', fontSize: '2.6cqmin' }}>
              {p.problems.join(' · ')}
            </div>
          ) : null}
          <div
            ref={host}
            className="bg-chart"
            style={{ position: 'absolute', inset: p.problems.length ? '4cqmin 0 0 0' : 0 }}
          />
        </div>
      </div>
    </DataFrame>
  );
}
