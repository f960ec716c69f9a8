import { ErrorCode, type Result, err, ok } from '@baruga/protocol';

export interface LiveStreamCheck {
  /** Where the playlist was found after redirects. */
  finalUrl: string;
  /** A master playlist lists variants (bitrates); a media playlist lists segments. */
  playlist: 'master' | 'media';
  /** No #EXT-X-ENDLIST: the stream is still being written. */
  live: boolean;
  variants: number;
}

export interface LiveStreamCheckOptions {
  timeoutMs?: number;
  /** A playlist is text of a few kilobytes; anything past this is not one. */
  maxBytes?: number;
  fetch?: typeof fetch;
}

const unreachable = (url: string, why: string): Result<never> =>
  err({ code: ErrorCode.streamUnreachable, message: `the stream at ${url} cannot be reached: ${why}` });
const notAPlaylist = (url: string, why: string): Result<never> =>
  err({ code: ErrorCode.notAPlaylist, message: `${url} is not an HLS playlist: ${why}` });

async function fetchText(
  url: string,
  options: Required<LiveStreamCheckOptions>,
): Promise<Result<{ text: string; finalUrl: string }>> {
  let response: Response;
  try {
    response = await options.fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/vnd.apple.mpegurl, application/x-mpegurl, */*;q=0.5' },
    });
  } catch (error) {
    const reason =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? `no answer within ${options.timeoutMs / 1000} s`
        : error instanceof Error && error.cause instanceof Error
          ? error.cause.message
          : String(error);
    return unreachable(url, reason);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return unreachable(url, `the server answered ${response.status} ${response.statusText}`.trim());
  }
  const reader = response.body?.getReader();
  if (!reader) return notAPlaylist(url, 'the answer was empty');
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > options.maxBytes) {
        await reader.cancel();
        return notAPlaylist(
          url,
          `the answer is larger than ${Math.round(options.maxBytes / 1024)} KiB (a video, not a playlist?)`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    return unreachable(url, `the answer broke off (${error instanceof Error ? error.message : String(error)})`);
  }
  return ok({ text: Buffer.concat(chunks).toString('utf8'), finalUrl: response.url || url });
}

/**
 * Checks a live HLS URL the way a player will use it: it answers, it is an M3U8 playlist, and for a master
 * playlist its first variant answers too. Command-centre cameras sit on private networks, so private
 * addresses are allowed: this runs only for signed-in operators.
 */
export async function checkLiveStream(
  url: string,
  options: LiveStreamCheckOptions = {},
): Promise<Result<LiveStreamCheck>> {
  const opts: Required<LiveStreamCheckOptions> = {
    timeoutMs: options.timeoutMs ?? 8000,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    fetch: options.fetch ?? fetch,
  };
  const first = await fetchText(url, opts);
  if (!first.ok) return first;
  const { text, finalUrl } = first.value;
  if (
    !text
      .replace(/^\ufeff/, '')
      .trimStart()
      .startsWith('#EXTM3U')
  ) {
    return notAPlaylist(url, 'it does not start with #EXTM3U');
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const variants = lines.flatMap((l, i) => (l.startsWith('#EXT-X-STREAM-INF') ? [lines[i + 1] ?? ''] : []));
  if (variants.length > 0) {
    const variantUri = variants.find((v) => v !== '' && !v.startsWith('#'));
    if (!variantUri) return notAPlaylist(url, 'its variants have no URIs');
    const variantUrl = new URL(variantUri, finalUrl).toString();
    const media = await fetchText(variantUrl, opts);
    if (!media.ok) return media;
    const mediaText = media.value.text;
    if (!mediaText.trimStart().startsWith('#EXTM3U') || !mediaText.includes('#EXT-X-TARGETDURATION')) {
      return notAPlaylist(variantUrl, 'its first variant is not a media playlist');
    }
    return ok({ finalUrl, playlist: 'master', live: !mediaText.includes('#EXT-X-ENDLIST'), variants: variants.length });
  }
  if (!text.includes('#EXT-X-TARGETDURATION')) return notAPlaylist(url, 'it lists neither variants nor segments');
  return ok({ finalUrl, playlist: 'media', live: !text.includes('#EXT-X-ENDLIST'), variants: 0 });
}
