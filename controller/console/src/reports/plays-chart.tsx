import type { PlaySummaryRow } from '@baruga/protocol';
import { useLang, useT } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';

/** Plays per period as bars, tallest first to the top; the bars' numbers are also the chart's accessible text. */
export function PlaysChart({
  rows,
  periodLabel,
}: {
  rows: readonly PlaySummaryRow[];
  periodLabel: (period: string) => string;
}) {
  const t = useT();
  const lang = useLang();
  const byPeriod = new Map<string, number>();
  for (const r of rows) byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + r.plays);
  const bars = [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b));
  const max = Math.max(1, ...bars.map(([, n]) => n));
  const summary = bars
    .map(([p, n]) => t('chartBar', { period: periodLabel(p), plays: formatNumber(n, lang) }))
    .join('; ');
  const width = 640;
  const height = 180;
  const step = width / Math.max(1, bars.length);
  return (
    <figure className="bc-chart" data-testid="plays-chart">
      <figcaption>{t('chartTitle')}</figcaption>
      {/* The numbers and dates drawn in the chart are data; the words are in its caption and label. */}
      <div translate="no">
        <svg viewBox={`0 0 ${width} ${height + 24}`} role="img" aria-label={t('chartLabel', { summary })} width="100%">
          {bars.map(([period, n], i) => {
            const h = (n / max) * height;
            return (
              <g key={period} data-period={period} data-plays={n}>
                <rect
                  x={i * step + step * 0.15}
                  y={height - h}
                  width={step * 0.7}
                  height={h}
                  className="bc-chart__bar"
                />
                {step >= 28 ? (
                  <text x={i * step + step / 2} y={height - h - 4} textAnchor="middle" className="bc-chart__value">
                    {formatNumber(n, lang)}
                  </text>
                ) : null}
                {step >= 48 ? (
                  <text x={i * step + step / 2} y={height + 16} textAnchor="middle" className="bc-chart__label">
                    {periodLabel(period)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
