/**
 * The catalogue of stable error codes. Clients (console, scripts, players) branch on these;
 * messages may be reworded, codes may not.
 */
export const ErrorCode = {
  validation: 'BARUGA_ERR_VALIDATION',
  malformedJson: 'BARUGA_ERR_MALFORMED_JSON',
  payloadTooLarge: 'BARUGA_ERR_PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'BARUGA_ERR_UNSUPPORTED_MEDIA_TYPE',
  unauthorized: 'BARUGA_ERR_UNAUTHORIZED',
  badCredentials: 'BARUGA_ERR_BAD_CREDENTIALS',
  notFound: 'BARUGA_ERR_NOT_FOUND',
  screenNotFound: 'BARUGA_ERR_SCREEN_NOT_FOUND',
  itemNotFound: 'BARUGA_ERR_ITEM_NOT_FOUND',
  screenExists: 'BARUGA_ERR_SCREEN_EXISTS',
  unknownContentType: 'BARUGA_ERR_UNKNOWN_CONTENT_TYPE',
  invalidProps: 'BARUGA_ERR_INVALID_PROPS',
  assetNotFound: 'BARUGA_ERR_ASSET_NOT_FOUND',
  unknownTimezone: 'BARUGA_ERR_UNKNOWN_TIMEZONE',
  brokerUnavailable: 'BARUGA_ERR_BROKER_UNAVAILABLE',
  // Content library (docs/api.md, "Content library").
  uploadMissingFile: 'BARUGA_ERR_UPLOAD_MISSING_FILE',
  emptyFile: 'BARUGA_ERR_EMPTY_FILE',
  badFileName: 'BARUGA_ERR_BAD_FILE_NAME',
  unsupportedFileType: 'BARUGA_ERR_UNSUPPORTED_FILE_TYPE',
  fileTypeMismatch: 'BARUGA_ERR_FILE_TYPE_MISMATCH',
  corruptFile: 'BARUGA_ERR_CORRUPT_FILE',
  pixelLimit: 'BARUGA_ERR_PIXEL_LIMIT',
  unsupportedCodec: 'BARUGA_ERR_UNSUPPORTED_CODEC',
  uploadInProgress: 'BARUGA_ERR_UPLOAD_IN_PROGRESS',
  uploadNotFound: 'BARUGA_ERR_UPLOAD_NOT_FOUND',
  contentNotFound: 'BARUGA_ERR_CONTENT_NOT_FOUND',
  contentInUse: 'BARUGA_ERR_CONTENT_IN_USE',
  streamUnreachable: 'BARUGA_ERR_STREAM_UNREACHABLE',
  notAPlaylist: 'BARUGA_ERR_NOT_A_PLAYLIST',
  renditionFailed: 'BARUGA_ERR_RENDITION_FAILED',
  internal: 'BARUGA_ERR_INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
