import { type ParsedProps, parseContentProps } from '@baruga/content';
import { contentViews } from '@baruga/content/browser';
import type { AssetRef, LoopItem, Manifest } from '@baruga/protocol';
import { useEffect, useMemo, useState } from 'react';
import { bilingual } from './i18n';
import { preloadAssets } from './preload';
import { recordRejected, recordShown } from './telemetry';

interface PlayableItem {
  item: LoopItem;
  parsed: ParsedProps;
  assets: AssetRef[];
}

/** Items whose props this player understands; the rest are reported and skipped, never shown broken. */
function playable(manifest: Manifest): PlayableItem[] {
  const assets = new Map(manifest.assets.map((a) => [a.sha256, a]));
  const out: PlayableItem[] = [];
  for (const item of manifest.loop) {
    const parsed = parseContentProps(item.type, item.typeVersion, item.props);
    if (!parsed.ok || !contentViews[item.type]) {
      recordRejected(`item ${item.id}: ${parsed.ok ? `no view for ${item.type}` : parsed.error.message}`);
      continue;
    }
    const refs = parsed.value.type.assets(parsed.value.props).map((sha) => assets.get(sha));
    if (refs.some((r) => !r)) {
      recordRejected(`item ${item.id}: asset missing from manifest`);
      continue;
    }
    out.push({ item, parsed: parsed.value, assets: refs as AssetRef[] });
  }
  return out;
}

/**
 * Where to start when a new manifest arrives: at the first item the operator just added or
 * changed (what they expect to see after pressing "publish"), else where we were.
 */
function startIndex(items: PlayableItem[], previous: PlayableItem[], currentId: string | null): number {
  const before = new Map(previous.map((p) => [p.item.id, JSON.stringify(p.item)]));
  const changed = items.findIndex((p) => before.get(p.item.id) !== JSON.stringify(p.item));
  if (previous.length > 0 && changed >= 0) return changed;
  const same = items.findIndex((p) => p.item.id === currentId);
  return same >= 0 ? same : 0;
}

export function LoopPlayer(props: {
  manifest: Manifest;
  assetUrl: (sha256: string) => string;
  onItemShown: (itemId: string) => void;
}) {
  const { manifest, assetUrl, onItemShown } = props;
  const items = useMemo(() => playable(manifest), [manifest]);
  const [position, setPosition] = useState(() => ({ version: manifest.version, items, index: 0 }));

  // A new manifest: jump to what changed, without unmounting the items that stay.
  if (position.version !== manifest.version) {
    const currentId = position.items[position.index % Math.max(1, position.items.length)]?.item.id ?? null;
    setPosition({ version: manifest.version, items, index: startIndex(items, position.items, currentId) });
  }

  const count = items.length;
  const index = count === 0 ? 0 : position.index % count;
  const current = items[index];
  const nextIndex = count > 1 ? (index + 1) % count : index;
  const next = items[nextIndex];

  useEffect(() => {
    if (!current) return;
    onItemShown(current.item.id);
    recordShown(current.item.id, manifest.version);
  }, [current, manifest.version, onItemShown]);

  // Advance after the item's duration, but only once the next item is loaded and decoded.
  useEffect(() => {
    if (!current || count < 2 || !next) return;
    let cancelled = false;
    const ready = preloadAssets(next.assets, assetUrl);
    const timer = setTimeout(async () => {
      const ok = await ready;
      if (cancelled) return;
      if (!ok) {
        recordRejected(`item ${next.item.id}: assets failed to load; skipped`);
      }
      setPosition((p) => ({ ...p, index: ok ? nextIndex : (nextIndex + 1) % count }));
    }, current.item.durationMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [current, next, nextIndex, count, assetUrl]);

  if (!current) {
    const text = bilingual('emptyLoop');
    return (
      <div className="bg-message" data-testid="empty-loop">
        <div>{text.id}</div>
        <small>{text.en}</small>
      </div>
    );
  }

  const slots = next && next !== current ? [current, next] : [current];
  return (
    <>
      {slots.map((p) => {
        const View = contentViews[p.item.type];
        if (!View) return null;
        const live = p === current;
        return (
          <div
            key={p.item.id}
            className={live ? 'bg-slot bg-slot--live' : 'bg-slot'}
            data-item-id={p.item.id}
            data-live={live ? 'true' : 'false'}
            aria-hidden={!live}
          >
            <View
              props={p.parsed.props as never}
              screen={manifest.screen}
              assetUrl={assetUrl}
              onError={(reason) => recordRejected(`item ${p.item.id}: ${reason}`)}
            />
            {p.item.sample ? (
              <div className="bg-sample-badge" lang="id">
                {bilingual('sample').id} · {bilingual('sample').en}
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}
