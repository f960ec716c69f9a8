import type { DataTable } from '../../data-table';
import { type ValueFormat, formatValue } from '../../data/format';
import { numbersOf } from '../../data/widget-props';
import type { ChartProps } from './index';

/** Colours that stay apart on an LED wall and for most colour-blind visitors (Okabe–Ito, lightened). */
export const PALETTE = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#0072b2', '#999999'];

export interface ChartData {
  labels: string[];
  series: { name: string; color: string; values: (number | null)[] }[];
}

/** The rows a chart shows: its label column and each series' numbers, sorted by the first series and cut to `limit`. */
export function chartData(props: ChartProps, table: DataTable, lang: 'id' | 'en'): ChartData {
  const labels = table.rows.map((r) => String(r[props.labelKey] ?? ''));
  const columns = props.series.map((s) => numbersOf(table, s.column));
  let order = labels.map((_, i) => i);
  if (props.sort !== 'none') {
    const key = columns[0] ?? [];
    const sign = props.sort === 'desc' ? -1 : 1;
    order = order.sort((a, b) => sign * ((key[a] ?? -Infinity) - (key[b] ?? -Infinity)));
  }
  order = order.slice(0, props.limit);
  return {
    labels: order.map((i) => labels[i] ?? ''),
    series: props.series.map((s, n) => ({
      name: (lang === 'en' ? s.labelEn : undefined) ?? s.label ?? s.column,
      color: s.color ?? PALETTE[n % PALETTE.length] ?? '#56b4e9',
      values: order.map((i) => columns[n]?.[i] ?? null),
    })),
  };
}

interface LabelParams {
  value: unknown;
}

/**
 * The ECharts option for the data: plain objects, so it is tested without a browser. Every figure on the chart goes
 * through our formatter ("Rp 1,2 triliun"), never ECharts' own.
 */
export function chartOption(
  props: ChartProps,
  data: ChartData,
  options: { locale: string; textColor?: string },
): Record<string, unknown> {
  const text = options.textColor ?? '#e2e8f0';
  const format = (v: unknown) =>
    formatValue(typeof v === 'number' ? v : Array.isArray(v) ? (v[1] as number) : null, props.format as ValueFormat, {
      locale: options.locale,
    });
  const label = { show: true, color: text, fontSize: 14, formatter: (p: LabelParams) => format(p.value) };
  const base = {
    animationDuration: 900,
    animationDurationUpdate: 900,
    animationEasingUpdate: 'cubicOut',
    textStyle: { color: text, fontFamily: 'DejaVu Sans, sans-serif' },
    color: data.series.map((s) => s.color),
    legend: data.series.length > 1 ? { show: true, top: 0, textStyle: { color: text } } : { show: false },
  };
  if (props.variant === 'pie' || props.variant === 'donut') {
    const first = data.series[0];
    return {
      ...base,
      color: data.labels.map((_, i) => PALETTE[i % PALETTE.length]),
      legend: { show: true, orient: 'vertical', right: 0, top: 'middle', textStyle: { color: text } },
      series: [
        {
          type: 'pie',
          radius: props.variant === 'donut' ? ['45%', '75%'] : '75%',
          center: ['40%', '50%'],
          label: { ...label, formatter: (p: LabelParams & { name: string }) => format(p.value) },
          data: data.labels.map((name, i) => ({ name, value: first?.values[i] ?? 0 })),
        },
      ],
    };
  }
  const categories = { type: 'category', data: data.labels, axisLabel: { color: text, fontSize: 14 } };
  const values = {
    type: 'value',
    axisLabel: { color: text, formatter: (v: number) => format(v) },
    splitLine: { lineStyle: { color: 'rgba(255,255,255,0.12)' } },
  };
  return {
    ...base,
    grid: { left: 8, right: 24, top: data.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    xAxis: props.horizontal ? values : categories,
    yAxis: props.horizontal ? { ...categories, inverse: true } : values,
    series: data.series.map((s) => ({
      type: props.variant,
      name: s.name,
      data: s.values,
      label: { ...label, position: props.horizontal ? 'right' : 'top' },
      ...(props.variant === 'line' ? { smooth: true, symbolSize: 8, lineStyle: { width: 4 } } : { barMaxWidth: 80 }),
    })),
  };
}
