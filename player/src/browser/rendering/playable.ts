import { type ParsedProps, parseContentProps } from '@baruga/content';
import { contentViews } from '@baruga/content/browser';
import type { AssetRef, LoopItem } from '@baruga/protocol';

export interface PlayableItem {
  item: LoopItem;
  parsed: ParsedProps;
  assets: AssetRef[];
}

/**
 * The items this player can show: props parsed (and migrated) by their content type, every asset in
 * the manifest. The rest are reported and skipped, never shown broken.
 */
export function playableItems(
  items: readonly LoopItem[],
  assets: ReadonlyMap<string, AssetRef>,
  reject: (reason: string) => void,
): PlayableItem[] {
  const out: PlayableItem[] = [];
  for (const item of items) {
    const parsed = parseContentProps(item.type, item.typeVersion, item.props);
    if (!parsed.ok || !contentViews[item.type]) {
      reject(`item ${item.id}: ${parsed.ok ? `no view for ${item.type}` : parsed.error.message}`);
      continue;
    }
    const refs = parsed.value.type.assets(parsed.value.props).map((sha) => assets.get(sha));
    if (refs.some((r) => r === undefined)) {
      reject(`item ${item.id}: an asset is missing from the manifest`);
      continue;
    }
    out.push({ item, parsed: parsed.value, assets: refs as AssetRef[] });
  }
  return out;
}
