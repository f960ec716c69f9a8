import type { AssetRef } from '@baruga/protocol';

/**
 * Fetches and decodes an item's images before it is shown, so the switch never paints a
 * half-loaded frame. Resolves false when an asset cannot be loaded (the item is then skipped).
 */
export async function preloadAssets(
  assets: readonly AssetRef[],
  assetUrl: (sha256: string) => string,
): Promise<boolean> {
  const results = await Promise.all(
    assets.map(async (asset) => {
      if (!asset.mime.startsWith('image/')) return true;
      const img = new Image();
      img.src = assetUrl(asset.sha256);
      try {
        await img.decode();
        return true;
      } catch {
        return false;
      }
    }),
  );
  return results.every(Boolean);
}
