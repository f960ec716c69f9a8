import type { ComponentType } from 'react';
import { ApbdDashboardEditor } from '../types/apbd-dashboard/editor';
import { ComplaintsDashboardEditor } from '../types/complaints-dashboard/editor';
import { Chart3dEditor } from '../types/chart-3d/editor';
import { ChartEditor } from '../types/chart/editor';
import { KpiEditor } from '../types/kpi/editor';
import { PrayerTimesEditor } from '../types/prayer-times/editor';
import { TableEditor } from '../types/table/editor';
import { ClockEditor } from '../types/clock/editor';
import { HlsEditor } from '../types/hls/editor';
import { ImageEditor } from '../types/image/editor';
import { RunningTextEditor } from '../types/running-text/editor';
import { TextEditor } from '../types/text/editor';
import { VideoEditor } from '../types/video/editor';
import { WebPageEditor } from '../types/web-page/editor';
import type { ContentEditorProps } from './editor-props';

/** The console's editor form of each content type, keyed by the type's id (see ../registry.ts). */
export const contentEditors: Readonly<Record<string, ComponentType<ContentEditorProps<never>>>> = {
  text: TextEditor,
  image: ImageEditor,
  clock: ClockEditor,
  video: VideoEditor,
  hls: HlsEditor,
  'web-page': WebPageEditor,
  'running-text': RunningTextEditor,
  'chart-3d': Chart3dEditor,
  kpi: KpiEditor,
  chart: ChartEditor,
  table: TableEditor,
  'prayer-times': PrayerTimesEditor,
  'apbd-dashboard': ApbdDashboardEditor,
  'complaints-dashboard': ComplaintsDashboardEditor,
};
