import { describe, expect, it } from 'vitest';
import { slugOf } from './slug';

describe('ids from names', () => {
  it('keeps letters and digits, joins the rest with dashes', () => {
    expect(slugOf('Pagi Hari #2')).toBe('pagi-hari-2');
    expect(slugOf('  Sosialisasi Pajak — Kendaraan  ')).toBe('sosialisasi-pajak-kendaraan');
    expect(slugOf('Café Ürün')).toBe('cafe-urun');
    expect(slugOf('!!!')).toBe('daftar');
    expect(slugOf('x'.repeat(80))).toHaveLength(63);
  });
});
