import { type ParsedProps, parseContentProps } from '@baruga/content';
import { contentViews } from '@baruga/content/browser';
import type { AssetRef, LoopItem } from '@baruga/protocol';

export interface PlayableItem {
  item: LoopItem;
  parsed: ParsedProps;
  assets: AssetRef[];
}

/**
 * Each item as this player can show it: props parsed (and migrated) by their content type, every asset in the
 * manifest; null for the rest, which are reported and passed over, never shown broken. The list keeps the
 * manifest's order and length, so positions (schedules/src/playback.ts) count the same items on every player.
 */
export function playableItems(
  items: readonly LoopItem[],
  assets: ReadonlyMap<string, AssetRef>,
  reject: (reason: string) => void,
): (PlayableItem | null)[] {
  return items.map((item) => {
    const parsed = parseContentProps(item.type, item.typeVersion, item.props);
    if (!parsed.ok || !contentViews[item.type]) {
      reject(`item ${item.id}: ${parsed.ok ? `no view for ${item.type}` : parsed.error.message}`);
      return null;
    }
    const refs = parsed.value.type.assets(parsed.value.props).map((sha) => assets.get(sha));
    if (refs.some((r) => r === undefined)) {
      reject(`item ${item.id}: an asset is missing from the manifest`);
      return null;
    }
    return { item, parsed: parsed.value, assets: refs as AssetRef[] };
  });
}
