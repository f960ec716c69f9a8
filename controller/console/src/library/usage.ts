import type { ContentUsage } from '@baruga/protocol';
import type { Lang } from '../i18n/dictionary';
import { text } from '../i18n/dictionary';

/** Where a file is used, in words: "2 layar, daftar putar Pagi, masih tayang di lounge-1". */
export function usageText(usage: ContentUsage | undefined, lang: Lang): string | null {
  if (!usage?.inUse) return null;
  const parts: string[] = [];
  if (usage.screens.length > 0) parts.push(text(lang, 'usageScreens', { n: usage.screens.length }));
  if (usage.playlists.length > 0) parts.push(text(lang, 'usagePlaylists', { names: usage.playlists.join(', ') }));
  if (usage.layouts.length > 0) parts.push(text(lang, 'usageLayouts', { names: usage.layouts.join(', ') }));
  if (usage.publishedOn.length > 0) parts.push(text(lang, 'usagePublished', { names: usage.publishedOn.join(', ') }));
  return parts.join(', ');
}
