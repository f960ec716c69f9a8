/**
 * An id from a name, as the API wants ids (lowercase letters, digits, dashes; at most 63): "Pagi Hari #2" →
 * `pagi-hari-2`. Letters with accents lose them; a name with no letters or digits gets `daftar`.
 */
export function slugOf(name: string, fallback = 'daftar'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return slug || fallback;
}
