import { useEffect, useRef } from 'react';

import type * as EchartsCore from 'echarts/core';

type Engine = typeof EchartsCore;
type Chart = ReturnType<Engine['init']>;

let engine: Promise<Engine> | null = null;

/**
 * ECharts is loaded with the first chart, not when the player boots (as three.js is), and only the parts Baruga
 * draws (echarts-engine.ts): bars, lines and pies through the SVG renderer, which keeps text crisp on LED panels and
 * readable by tests. The service worker precaches the chunk, so charts still draw offline.
 */
function loadEngine(): Promise<Engine> {
  engine ??= import('./echarts-engine').then((m) => m.echarts);
  return engine;
}

/**
 * Draws `option` into the element, and again (animated, merged) when it changes; disposes the chart on unmount, so
 * a player that shows a chart thousands of times a month keeps no instance, listener or timer. Ready after the
 * first render; an engine that fails to load is reported, never a blank zone.
 */
export function useEcharts(
  option: Record<string, unknown>,
  callbacks: { onReady: (() => void) | undefined; onError: (reason: string) => void },
) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const latest = useRef(option);
  const { onReady, onError } = callbacks;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let gone = false;
    loadEngine().then(
      (echarts) => {
        if (gone) return;
        const instance = echarts.init(el, undefined, { renderer: 'svg' });
        chart.current = instance;
        instance.setOption(latest.current);
        // The SVG is in the DOM once setOption returns: the first frame is there to show.
        onReady?.();
      },
      (error: unknown) => {
        if (!gone) onError(`chart engine failed to load: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [onReady, onError]);

  useEffect(() => {
    // A chart with another number of series starts afresh; otherwise ECharts merges and eases to the new values.
    const seriesCount = (o: Record<string, unknown>) => (Array.isArray(o.series) ? o.series.length : 0);
    const reshaped = seriesCount(option) !== seriesCount(latest.current);
    latest.current = option;
    chart.current?.setOption(option, { notMerge: reshaped });
  }, [option]);

  return host;
}
