import { SaxesParser } from 'saxes';

/**
 * The entry links of an Atom or RSS feed of CAP messages (as alerting authorities publish them), read under the same
 * rules as CAP itself: no DTD, bounded size and count. Returns null when the document is not such a feed.
 */
export function feedLinks(xml: string, maxLinks = 50): string[] | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml) || xml.length > 2 * 1024 * 1024) return null;
  const parser = new SaxesParser({ xmlns: true, position: false });
  const links: string[] = [];
  const path: string[] = [];
  let rootName = '';
  let text = '';
  parser.on('opentag', (tag) => {
    if (path.length === 0) rootName = tag.local;
    path.push(tag.local);
    text = '';
    const inEntry = path.includes('entry') || path.includes('item');
    if (inEntry && tag.local === 'link') {
      const href = tag.attributes.href?.value;
      const type = tag.attributes.type?.value;
      if (href && (!type || /xml|cap/i.test(type)) && links.length < maxLinks) links.push(href);
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'link' && path.includes('item') && text.trim() && links.length < maxLinks)
      links.push(text.trim());
    path.pop();
  });
  try {
    parser.write(xml).close();
  } catch {
    return null;
  }
  return rootName === 'feed' || rootName === 'rss' ? [...new Set(links)] : null;
}
