import type { Repositories } from '../db/repositories';

/** The longest label: a text's first words, enough to recognise it in a list or a report. */
const LABEL_MAX = 60;

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1)}…` : line;
}

/**
 * How an operator knows an item: its title, its text's first words, a clock's caption, the library name of the
 * picture or video it shows, its alt text or its address. Null when the props say nothing a person would read
 * (the console then names the content type).
 */
export function itemLabel(props: Record<string, unknown>, assetName: (sha256: string) => string | null): string | null {
  const text = (key: string) => {
    const value = props[key];
    return typeof value === 'string' && value.trim() ? value : null;
  };
  for (const key of ['title', 'body', 'text', 'caption']) {
    const value = text(key);
    if (value) return excerpt(value);
  }
  const asset = text('asset');
  const named = asset ? assetName(asset) : null;
  if (named) return excerpt(named);
  for (const key of ['alt', 'url']) {
    const value = text(key);
    if (value) return excerpt(value);
  }
  return null;
}

export interface DescribedItem {
  type: string;
  label: string | null;
}

/**
 * Every stored item by id (screens' loops and overlays, playlists, layouts' zones), for naming what players report
 * by id (on screen now, proof of play). Read once per request: a few thousand rows at most.
 */
export function itemDirectory(repos: Repositories): (itemId: string) => DescribedItem | null {
  // One table holds every item, whoever holds it (items-repository.ts).
  const items = new Map(repos.items.all().map((item) => [item.id, item]));
  const assetNames = new Map<string, string | null>();
  const assetName = (sha256: string) => {
    if (!assetNames.has(sha256)) assetNames.set(sha256, repos.library.bySource(sha256)?.name ?? null);
    return assetNames.get(sha256) ?? null;
  };
  const described = new Map<string, DescribedItem>();
  return (itemId) => {
    const cached = described.get(itemId);
    if (cached) return cached;
    const item = items.get(itemId);
    if (!item) return null;
    const value = { type: item.type, label: itemLabel(item.props, assetName) };
    described.set(itemId, value);
    return value;
  };
}
