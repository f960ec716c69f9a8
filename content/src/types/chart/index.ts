import { ColumnKey } from '@baruga/protocol';
import { z } from 'zod';
import { HexColour } from '../../common-props';
import { defineContentType } from '../../content-type';
import { EMPTY_TABLE, ValueFormatChoice, feedsOf, widgetBase } from '../../data/widget-props';

export const ChartSeries = z.object({
  column: ColumnKey,
  label: z.string().trim().max(80).optional(),
  labelEn: z.string().trim().max(80).optional(),
  color: HexColour.optional(),
});

/**
 * A chart drawn in the browser (ECharts, SVG): bars, lines, a pie or a donut of one or more numeric columns against
 * a label column. Values ease to new data when the feed changes; nothing is ever a picture of a chart.
 */
export const ChartProps = z.object({
  ...widgetBase,
  variant: z.enum(['bar', 'line', 'pie', 'donut']).default('bar'),
  labelKey: ColumnKey.default('label'),
  series: z.array(ChartSeries).min(1).max(4),
  format: ValueFormatChoice.default('number'),
  horizontal: z.boolean().default(false),
  /** Largest first, smallest first, or as the rows come. */
  sort: z.enum(['none', 'desc', 'asc']).default('none'),
  /** At most this many rows (after sorting). */
  limit: z.int().min(1).max(50).default(12),
});
export type ChartProps = z.output<typeof ChartProps>;

export const chartType = defineContentType<ChartProps>({
  id: 'chart',
  version: 1,
  label: { id: 'Grafik', en: 'Chart' },
  props: ChartProps,
  defaults: {
    title: '',
    table: EMPTY_TABLE,
    sample: false,
    background: '#0b1f33',
    variant: 'bar',
    labelKey: 'label',
    series: [{ column: 'value' }],
    format: 'number',
    horizontal: false,
    sort: 'none',
    limit: 12,
  },
  duration: { defaultMs: 15_000, minMs: 3_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  feeds: feedsOf,
});
