export {
  type ContentTypeDefinition,
  type RenditionRequest,
  type DeliveredAsset,
  type AssetDeliverer,
  type AssetKind,
  defineContentType,
  mimeIsKind,
} from './content-type';
export { HexColour, MediaFit, HLS_MIME } from './common-props';
export { DataColumn, DataTable } from './data-table';
export { Chart3dProps, chart3dType } from './types/chart-3d';
export { KpiProps, KpiTile, kpiType, tileValue } from './types/kpi';
export { ChartProps, ChartSeries, chartType } from './types/chart';
export { TableProps, TableColumn, tableType } from './types/table';
export { PrayerTimesProps, prayerTimesType } from './types/prayer-times';
export { ApbdDashboardProps, apbdDashboardType } from './types/apbd-dashboard';
export { posture, type Posture } from './types/apbd-dashboard/posture';
export { APBD_SAMPLE } from './types/apbd-dashboard/sample';
export { ComplaintsDashboardProps, complaintsDashboardType } from './types/complaints-dashboard';
export { COMPLAINTS_SAMPLE } from './types/complaints-dashboard/sample';
export { parseLocaleNumber } from './data/numbers';
export {
  type ValueFormat,
  formatRupiah,
  formatQuantity,
  formatPercent,
  formatValue,
  formatAsOf,
  ZONE_LABELS,
} from './data/format';
export { itemsOf, feedsOfManifest } from './data/feeds-of-manifest';
export {
  PRAYER_NAMES,
  type PrayerName,
  type PrayerSchedule,
  prayerTimes,
  hhmm,
  civilDate,
  nextPrayer,
  hijriDate,
} from './prayer/prayer-times';
export { contentTypes, getContentType, parseContentProps, type ParsedProps } from './registry';
export { TextProps, textType, TEXT_BODY_MAX, TEXT_TITLE_MAX } from './types/text';
export { ImageProps, FocalPoint, imageType } from './types/image';
export { ClockProps, clockType } from './types/clock';
export { VideoProps, videoType } from './types/video';
export { HlsProps, hlsType } from './types/hls';
export { WebPageProps, webPageType } from './types/web-page';
export { RunningTextProps, runningTextType, RUNNING_TEXT_MAX } from './types/running-text';
