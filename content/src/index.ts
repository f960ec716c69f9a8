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
export { contentTypes, getContentType, parseContentProps, type ParsedProps } from './registry';
export { TextProps, textType, TEXT_BODY_MAX, TEXT_TITLE_MAX } from './types/text';
export { ImageProps, FocalPoint, imageType } from './types/image';
export { ClockProps, clockType } from './types/clock';
export { VideoProps, videoType } from './types/video';
export { HlsProps, hlsType } from './types/hls';
export { WebPageProps, webPageType } from './types/web-page';
export { RunningTextProps, runningTextType, RUNNING_TEXT_MAX } from './types/running-text';
