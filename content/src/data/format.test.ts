import { describe, expect, it } from 'vitest';
import { formatAsOf, formatPercent, formatQuantity, formatRupiah, formatValue } from './format';

const nb = (s: string) => s.replace(/ /g, '\u00a0');

describe('Indonesian numbers on screen', () => {
  it('writes large amounts of Rupiah with their word on public screens', () => {
    expect(formatRupiah(9.74e12)).toBe(nb('Rp 9,74 triliun'));
    expect(formatRupiah(1.5e9)).toBe(nb('Rp 1,5 miliar'));
    expect(formatRupiah(12_345_678)).toBe(nb('Rp 12,35 juta'));
    expect(formatRupiah(250_000)).toBe(nb('Rp 250.000'));
    expect(formatRupiah(-3.2e11)).toBe(nb('\u2212Rp 320 miliar'));
  });

  it('uses the compact letters only where words are not asked for', () => {
    expect(formatRupiah(9.74e12, { words: false })).toBe(nb('Rp 9,74 T'));
    expect(formatRupiah(9.74e12, { locale: 'en-US' })).toBe(nb('Rp 9.74 trillion'));
  });

  it('writes counts, percentages and dashes for what is missing', () => {
    expect(formatQuantity(1234.5)).toBe('1.234,5');
    expect(formatQuantity(2_500_000)).toBe(nb('2,5 juta'));
    expect(formatPercent(87.5)).toBe('87,5%');
    expect(formatValue(null, 'rupiah')).toBe('–');
  });

  it('stamps "as of" in the screen’s zone, WITA by name', () => {
    expect(formatAsOf(new Date('2025-03-01T06:30:00Z'), 'Asia/Makassar')).toBe('1 Maret 2025 pukul 14.30 WITA');
    expect(formatAsOf(new Date('2025-03-01T06:30:00Z'), 'Asia/Jakarta')).toBe('1 Maret 2025 pukul 13.30 WIB');
  });
});
