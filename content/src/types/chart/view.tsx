import { useMemo } from 'react';
import { DataFrame } from '../../browser/data-frame';
import { useDataFeed } from '../../browser/data-feeds';
import { useEcharts } from '../../browser/use-echarts';
import type { ContentViewProps } from '../../browser/view-props';
import type { ChartProps } from './index';
import { chartData, chartOption } from './option';

/** Bars, lines, a pie or a donut from a feed or the props' rows, drawn by ECharts and eased to each new snapshot. */
export function ChartView({ props, screen, onReady, onError }: ContentViewProps<ChartProps>) {
  const { table, meta } = useDataFeed(props.table, props.feedId);
  const lang = screen.locale.startsWith('en') ? 'en' : 'id';
  const data = useMemo(() => chartData(props, table, lang), [props, table, lang]);
  const option = useMemo(() => chartOption(props, data, { locale: screen.locale }), [props, data, screen.locale]);
  const host = useEcharts(option, { onReady, onError });
  return (
    <DataFrame
      type="chart"
      title={props.title}
      titleEn={props.titleEn}
      screen={screen}
      meta={meta}
      credit={props.credit}
      asOf={props.asOf}
      sample={props.sample}
      background={props.background}
    >
      <div ref={host} className="bg-chart" data-variant={props.variant} style={{ position: 'absolute', inset: 0 }} />
    </DataFrame>
  );
}
