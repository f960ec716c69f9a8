import { useEffect, useMemo, useState } from 'react';
import { DataFrame } from '../../browser/data-frame';
import { useDataFeed } from '../../browser/data-feeds';
import { useTweened } from '../../browser/use-tween';
import type { ContentViewProps } from '../../browser/view-props';
import { formatPercent, formatQuantity } from '../../data/format';
import { pageAt } from '../table';
import type { ComplaintsDashboardProps } from './index';
import { type Dimension, type Rag, complaintLines, personalColumns, totalsOf } from './status';

const RAG: Record<Rag, { colour: string; id: string; en: string }> = {
  green: { colour: '#22c55e', id: 'Hijau', en: 'on target' },
  amber: { colour: '#f59e0b', id: 'Kuning', en: 'watch' },
  red: { colour: '#ef4444', id: 'Merah', en: 'behind' },
};

const BREAKDOWNS: Record<Exclude<Dimension, 'total'>, { id: string; en: string }> = {
  topic: { id: 'Per topik', en: 'By topic' },
  agency: { id: 'Per instansi', en: 'By agency' },
  district: { id: 'Per wilayah', en: 'By district' },
};
const ORDER = ['topic', 'agency', 'district'] as const;

/** A red/amber/green mark that says its state in words too, never by colour alone. */
function RagMark({ rag }: { rag: Rag | null }) {
  if (!rag) return <span>–</span>;
  return (
    <span className="bg-complaints__rag" data-rag={rag} style={{ color: RAG[rag].colour, fontWeight: 700 }}>
      ● {RAG[rag].id} <span style={{ fontWeight: 400, opacity: 0.8 }}>({RAG[rag].en})</span>
    </span>
  );
}

export function ComplaintsDashboardView(view: ContentViewProps<ComplaintsDashboardProps>) {
  const { props, screen, onReady, onError, active = true, now: clock } = view;
  const { table, meta } = useDataFeed(props.table, props.feedId);
  const personal = useMemo(() => personalColumns(table), [table]);
  const lines = useMemo(() => complaintLines(table, props.targets), [table, props.targets]);
  const totals = useMemo(() => totalsOf(lines, props.targets), [lines, props.targets]);
  const read = clock ?? Date.now;
  const shown = useTweened([totals.received, totals.inProcess, totals.resolved, totals.stalled], read, active);
  const [now, setNow] = useState(() => read());
  useEffect(() => {
    if (personal.length > 0) onError(`personal data in the complaint rows (${personal.join(', ')}): refused`);
    else onReady?.();
  }, [personal, onReady, onError]);
  useEffect(() => {
    if (props.breakdown !== 'cycle') return;
    const period = props.pageSeconds * 1000;
    let timer = setTimeout(
      function tick() {
        setNow(read());
        timer = setTimeout(tick, period - (read() % period) + 5);
      },
      period - (read() % period) + 5,
    );
    return () => clearTimeout(timer);
  }, [props.breakdown, props.pageSeconds, read]);

  if (personal.length > 0) return <div data-content-type="complaints-dashboard" />;
  const breakdown = props.breakdown === 'cycle' ? ORDER[pageAt(now, ORDER.length, props.pageSeconds)] : props.breakdown;
  const rows = lines
    .filter((l) => l.dimension === breakdown)
    .sort((a, b) => b.received - a.received)
    .slice(0, 8);
  const locale = screen.locale;
  const tiles = [
    { id: 'Diterima', en: 'Received', value: shown[0] },
    { id: 'Diproses', en: 'In process', value: shown[1] },
    { id: 'Selesai', en: 'Resolved', value: shown[2] },
    { id: 'Tertunda', en: 'Stalled', value: shown[3] },
  ];
  return (
    <DataFrame
      type="complaints-dashboard"
      title={props.title}
      titleEn={props.titleEn}
      screen={screen}
      meta={meta}
      credit={props.credit}
      asOf={props.asOf}
      sample={props.sample && !props.feedId}
      background={props.background}
    >
      <div
        style={{ position: 'absolute', inset: 0, display: 'grid', gridTemplateRows: 'auto auto 1fr', gap: '1.5cqmin' }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: '1.5cqmin' }}>
          {tiles.map((t) => (
            <div
              key={t.id}
              className="bg-complaints__tile"
              style={{ background: 'rgba(255,255,255,0.06)', padding: '1.4cqmin' }}
            >
              <div style={{ fontSize: '2.8cqmin' }}>
                {t.id} <span style={{ opacity: 0.7, fontSize: '0.8em' }}>{t.en}</span>
              </div>
              <div style={{ fontSize: '5.5cqmin', fontWeight: 800, fontVariantNumeric: 'tabular-nums' }}>
                {t.value === null || t.value === undefined ? '–' : formatQuantity(Math.round(t.value), { locale })}
              </div>
            </div>
          ))}
        </div>
        <div style={{ fontSize: '2.8cqmin' }}>
          Penyelesaian · Resolved {totals.resolvedPct === null ? '–' : formatPercent(totals.resolvedPct, { locale })}{' '}
          <RagMark rag={totals.rag} /> · Target ≥ {formatPercent(props.targets.resolvedPct, { locale })}, tertunda ·
          stalled ≤ {formatPercent(props.targets.stalledPct, { locale })}
        </div>
        <div>
          <div style={{ fontSize: '3.2cqmin', fontWeight: 700, color: props.accent }}>
            {breakdown ? `${BREAKDOWNS[breakdown].id} · ${BREAKDOWNS[breakdown].en}` : ''}
          </div>
          <table
            style={{
              width: '100%',
              borderCollapse: 'collapse',
              fontSize: '2.8cqmin',
              fontVariantNumeric: 'tabular-nums',
            }}
          >
            <tbody>
              {rows.map((l) => (
                <tr key={l.name} className="bg-complaints__row">
                  <td>{l.name}</td>
                  <td style={{ textAlign: 'right' }}>{formatQuantity(l.received, { locale })}</td>
                  <td style={{ textAlign: 'right' }}>
                    {l.resolvedPct === null ? '–' : formatPercent(l.resolvedPct, { locale })}
                  </td>
                  <td style={{ paddingLeft: '2cqmin' }}>
                    <RagMark rag={l.rag} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </DataFrame>
  );
}
