import { ErrorCode, type Manifest, type Result, err, parseManifest } from '@baruga/protocol';

const storageKey = (screenId: string) => `baruga.manifest.${screenId}`;

/**
 * Decides whether a manifest from the wire replaces the one playing. Versions only move forward:
 * a replayed or older manifest is refused, and the last good one keeps playing.
 */
export function acceptManifest(current: Manifest | null, screenId: string, payload: string): Result<Manifest> {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return err({ code: ErrorCode.validation, message: 'manifest is not JSON' });
  }
  const parsed = parseManifest(json);
  if (!parsed.ok) return parsed;
  if (parsed.value.screenId !== screenId) {
    return err({ code: ErrorCode.validation, message: `manifest is for screen ${parsed.value.screenId}` });
  }
  if (current && parsed.value.version <= current.version) {
    return err({
      code: ErrorCode.validation,
      message: `manifest version ${parsed.value.version} is not newer than ${current.version}`,
    });
  }
  return parsed;
}

/** The last good manifest survives a reload, so a player that boots offline plays at once. */
export function loadStoredManifest(screenId: string): Manifest | null {
  const raw = localStorage.getItem(storageKey(screenId));
  if (!raw) return null;
  const parsed = acceptManifest(null, screenId, raw);
  return parsed.ok ? parsed.value : null;
}

export function storeManifest(manifest: Manifest): void {
  try {
    localStorage.setItem(storageKey(manifest.screenId), JSON.stringify(manifest));
  } catch {
    // Storage full or disabled: playback goes on from memory; only a cold boot offline is affected.
  }
}
