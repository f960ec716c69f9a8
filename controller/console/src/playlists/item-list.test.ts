import { describe, expect, it } from 'vitest';
import { itemLabel } from './item-label';
import { moved } from './item-list';

describe('an editor’s list of items', () => {
  it('moves an item to where it was dropped, the others keeping their order', () => {
    expect(moved(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('names an item by what a person reads in it', () => {
    expect(itemLabel({ title: 'APBD 2026', body: 'x' })).toBe('APBD 2026');
    expect(itemLabel({ text: 'Selamat   datang\ndi Baruga' })).toBe('Selamat datang di Baruga');
    expect(itemLabel({ asset: 'f'.repeat(64) })).toBeNull();
    expect(itemLabel({ body: 'x'.repeat(100) })).toHaveLength(60);
  });
});
