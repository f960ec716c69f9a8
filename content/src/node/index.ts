export { renderSampleImage } from './sample-image';
export {
  sniff,
  claimMismatch,
  SNIFF_BYTES,
  type Sniffed,
  type ImageFormat,
  type VideoContainer,
  type MediaFormat,
} from './sniff';
export { checkPicture } from './picture-check';
export { checkFileName, FILE_NAME_MAX_BYTES, type CheckedFileName } from './file-name';
export {
  probeImage,
  renderThumbnail,
  renderRendition,
  renditionMime,
  ingestImage,
  configureSharpForServer,
  DEFAULT_MAX_IMAGE_PIXELS,
  THUMBNAIL_SIZE,
  type ImageProbe,
  type RenditionSpec,
  type EncodedImage,
  type IngestedImage,
  type ImageIngestOptions,
  type DecodedImage,
  type ImageSource,
  type IngestStages,
  type Limit,
} from './image-ingest';
export {
  probeVideo,
  planVideo,
  remuxVideo,
  extractPosterFrame,
  packageHls,
  playlistUris,
  rewritePlaylist,
  DEFAULT_VIDEO_TOOLS,
  MAX_VIDEO_DIMENSION,
  MAX_VIDEO_DURATION_MS,
  type VideoProbe,
  type VideoPlan,
  type VideoTools,
  type HlsPackage,
} from './video-ingest';
export { checkLiveStream, type LiveStreamCheck, type LiveStreamCheckOptions } from './live-stream';
export { runTool, type ToolRun } from './run-tool';
export {
  identifyUpload,
  ingestUpload,
  type AcceptedType,
  type IngestedUpload,
  type IngestedImageUpload,
  type IngestedVideoUpload,
  type IngestOptions,
} from './ingest';
