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
  internal: 'BARUGA_ERR_INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
