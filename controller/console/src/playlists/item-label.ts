/** The longest label in a list: a text's first words. */
const LABEL_MAX = 60;

/**
 * How an operator knows an item in a list: its title, its text's first words, a clock's caption, its alt text or
 * its address; null when nothing in its props reads as a name (the list then shows the content type).
 */
export function itemLabel(props: Record<string, unknown>): string | null {
  for (const key of ['title', 'body', 'text', 'caption', 'alt', 'url']) {
    const value = props[key];
    if (typeof value === 'string' && value.trim()) {
      const line = value.replace(/\s+/g, ' ').trim();
      return line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1)}…` : line;
    }
  }
  return null;
}
