import { useEffect, useState } from 'react';
import { DataFrame } from '../../browser/data-frame';
import { useDataFeed } from '../../browser/data-feeds';
import { useReadyOnMount } from '../../browser/use-ready';
import type { ContentViewProps } from '../../browser/view-props';
import { formatValue } from '../../data/format';
import { type TableProps, pageAt } from './index';

/** Rows a page at a time, numbers right-aligned in the screen's locale. */
export function TableView({ props, screen, onReady, now: clock }: ContentViewProps<TableProps>) {
  useReadyOnMount(onReady);
  const { table, meta } = useDataFeed(props.table, props.feedId);
  const read = clock ?? Date.now;
  const [now, setNow] = useState(() => read());
  const pages = Math.max(1, Math.ceil(table.rows.length / props.rowsPerPage));
  useEffect(() => {
    if (pages <= 1) return;
    // Turn on the page boundary of the shared clock.
    const period = props.pageSeconds * 1000;
    let timer = setTimeout(
      function tick() {
        setNow(read());
        timer = setTimeout(tick, period - (read() % period) + 5);
      },
      period - (read() % period) + 5,
    );
    return () => clearTimeout(timer);
  }, [pages, props.pageSeconds, read]);

  const columns =
    props.columns.length > 0
      ? props.columns
      : table.columns.slice(0, 6).map((c) => ({
          key: c.key,
          label: c.label,
          labelEn: undefined,
          format: c.type === 'number' ? ('number' as const) : ('text' as const),
        }));
  const page = pageAt(now, pages, props.pageSeconds);
  const rows = table.rows.slice(page * props.rowsPerPage, (page + 1) * props.rowsPerPage);
  const cell = (value: string | number | null, format: (typeof columns)[number]['format']) =>
    format === 'text' || typeof value !== 'number'
      ? String(value ?? '')
      : formatValue(value, format, { locale: screen.locale });

  return (
    <DataFrame
      type="table"
      title={props.title}
      titleEn={props.titleEn}
      screen={screen}
      meta={meta}
      credit={props.credit}
      asOf={props.asOf}
      sample={props.sample}
      background={props.background}
    >
      <table
        className="bg-table"
        style={{ width: '100%', borderCollapse: 'collapse', fontSize: '3cqmin', fontVariantNumeric: 'tabular-nums' }}
      >
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                style={{ textAlign: c.format === 'text' ? 'left' : 'right', borderBottom: '0.3cqmin solid #38bdf8' }}
              >
                {c.label ?? c.key}
                {c.labelEn ? <div style={{ fontSize: '0.7em', opacity: 0.7, fontWeight: 400 }}>{c.labelEn}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} style={{ background: i % 2 ? 'rgba(255,255,255,0.04)' : undefined }}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  style={{ textAlign: c.format === 'text' ? 'left' : 'right', padding: '0.6cqmin 1cqmin' }}
                >
                  {cell(row[c.key] ?? null, c.format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <div style={{ position: 'absolute', right: 0, bottom: 0, fontSize: '2.4cqmin', opacity: 0.7 }}>
          {page + 1} / {pages}
        </div>
      ) : null}
    </DataFrame>
  );
}
