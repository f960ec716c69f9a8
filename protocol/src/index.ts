export { type Result, type BarugaError, ok, err, missingCase } from './result';
export { ErrorCode } from './errors';
export {
  Slug,
  Sha256Hex,
  IsoInstant,
  Timezone,
  Locale,
  isKnownTimezone,
  DEFAULT_TIMEZONE,
  DEFAULT_LOCALE,
} from './ids';
export { TOPIC_ROOT, topics, parseScreenTopic } from './topics';
export { MANIFEST_SCHEMA_VERSION, ScreenInfo, LoopItem, AssetRef, Manifest, parseManifest } from './manifest';
export { PlayerStatus } from './status';
export {
  SessionRequest,
  SessionInfo,
  Health,
  CreateScreen,
  Screen,
  CreateLoopItem,
  LoopItemView,
  PublishResult,
  PlayerConfig,
} from './api';
export { canonicalJson } from './canonical-json';
export {
  UNSAFE_NAME_CHARS,
  LibraryKind,
  ItemName,
  Tag,
  HttpUrl,
  ContentUsage,
  RenditionFit,
  RenditionView,
  LibraryItem,
  LibraryQuery,
  LibraryPage,
  UpdateLibraryItem,
  UploadQuery,
  UploadResult,
  UploadPhase,
  UploadProgress,
  CreateStream,
  TagCount,
  GcReport,
} from './library';
