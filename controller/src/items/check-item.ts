import {
  type AssetKind,
  type ContentTypeDefinition,
  getContentType,
  mimeIsKind,
  parseContentProps,
} from '@baruga/content';
import { type CreateLoopItem, ErrorCode } from '@baruga/protocol';
import type { Repositories } from '../db/repositories';
import { ApiError } from '../http/http-errors';

/**
 * A content item ready to store: its type's newest props version, a duration within the type's limits. The
 * items repository takes exactly this, whoever the item's owner.
 */
export interface CheckedItem {
  type: string;
  typeVersion: number;
  durationMs: number;
  props: unknown;
  sample: boolean;
}

/**
 * Checks a content item an operator sends, the same way wherever it goes (a screen's loop, a playlist, a
 * layout's zone, a screen's overlays): a known type, props its schema accepts, every asset in the content
 * store, and a duration within the type's limits (the type's default when none is given). `where` ("items[2]")
 * starts each message, so a person finds the bad item in a long body.
 */
export function checkItem(repos: Pick<Repositories, 'blobs'>, item: CreateLoopItem, where?: string): CheckedItem {
  const at = where === undefined ? '' : `${where}: `;
  const type = getContentType(item.type);
  if (!type) throw new ApiError(400, ErrorCode.unknownContentType, `${at}unknown content type "${item.type}"`);
  const parsed = parseContentProps(item.type, type.version, item.props);
  if (!parsed.ok) throw new ApiError(400, parsed.error.code, `${at}${parsed.error.message}`, parsed.error.details);
  for (const sha256 of type.assets(parsed.value.props)) {
    if (!repos.blobs.get(sha256)) {
      throw new ApiError(400, ErrorCode.assetNotFound, `${at}asset ${sha256} is not in the content store`);
    }
  }
  checkAssetKinds(repos, type, parsed.value.props, at);
  const durationMs = item.durationMs ?? type.duration.defaultMs;
  if (durationMs < type.duration.minMs || durationMs > type.duration.maxMs) {
    throw new ApiError(
      400,
      ErrorCode.validation,
      `${at}durationMs for ${type.id} must be between ${type.duration.minMs} and ${type.duration.maxMs}`,
    );
  }
  return {
    type: type.id,
    typeVersion: parsed.value.version,
    durationMs,
    props: parsed.value.props,
    sample: item.sample,
  };
}

/**
 * Each asset prop names the kind of media its type plays: an image item a picture, a video item a video, a
 * video's poster a picture. Caught here, at the write, rather than as a publish that fails later for a reason
 * the operator cannot see from the edit that caused it.
 */
function checkAssetKinds(
  repos: Pick<Repositories, 'blobs'>,
  type: ContentTypeDefinition,
  props: unknown,
  at: string,
): void {
  // A definition's field names are keys of its own props; seen from here (props unknown) they are strings.
  const fields = Object.entries(type.assetFields ?? {}) as [string, AssetKind | undefined][];
  for (const [field, kind] of fields) {
    const sha256 = (props as Record<string, unknown>)[field];
    if (typeof sha256 !== 'string' || !kind) continue;
    const blob = repos.blobs.get(sha256);
    if (blob && !mimeIsKind(blob.mime, kind)) {
      throw new ApiError(
        400,
        ErrorCode.assetKindMismatch,
        `${at}props.${field} names ${blob.mime === '' ? 'a file' : `a ${blob.mime} file`}; a ${type.id} item's ${field} must be ${kind === 'image' ? 'a picture' : 'a video'} from the library`,
        { field, expected: kind, mime: blob.mime },
      );
    }
  }
}
