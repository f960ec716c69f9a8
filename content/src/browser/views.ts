import type { ComponentType } from 'react';
import { ApbdDashboardView } from '../types/apbd-dashboard/view';
import { Chart3dView } from '../types/chart-3d/view';
import { ChartView } from '../types/chart/view';
import { ComplaintsDashboardView } from '../types/complaints-dashboard/view';
import { KpiView } from '../types/kpi/view';
import { PrayerTimesView } from '../types/prayer-times/view';
import { TableView } from '../types/table/view';
import { ClockView } from '../types/clock/view';
import { HlsView } from '../types/hls/view';
import { ImageView } from '../types/image/view';
import { RunningTextView } from '../types/running-text/view';
import { TextView } from '../types/text/view';
import { VideoView } from '../types/video/view';
import { WebPageView } from '../types/web-page/view';
import type { ContentViewProps } from './view-props';

/** The player view of each content type, keyed by the type's id (see ../registry.ts). */
export const contentViews: Readonly<Record<string, ComponentType<ContentViewProps<never>>>> = {
  text: TextView,
  image: ImageView,
  clock: ClockView,
  video: VideoView,
  hls: HlsView,
  'web-page': WebPageView,
  'running-text': RunningTextView,
  'chart-3d': Chart3dView,
  kpi: KpiView,
  chart: ChartView,
  table: TableView,
  'prayer-times': PrayerTimesView,
  'apbd-dashboard': ApbdDashboardView,
  'complaints-dashboard': ComplaintsDashboardView,
};
