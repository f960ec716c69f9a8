import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from './numbers';

describe('numbers sent as text', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['1234,5', 1234.5],
    ['1234.5', 1234.5],
    ['Rp 9.740.000.000.000', 9.74e12],
    ['Rp\u00a01.234.568', 1234568],
    ['87,5%', 87.5],
    ['(1.234,5)', -1234.5],
    ['-12', -12],
    ['  42 ', 42],
    ['1e3', 1000],
  ])('reads Indonesian "%s" as %d', (text, value) => {
    expect(parseLocaleNumber(text, 'id')).toBe(value);
  });

  it.each([
    ['1,234.5', 1234.5],
    ['1,234', 1234],
    ['1234.5', 1234.5],
    ['1234', 1234],
  ])('reads English "%s" as %d', (text, value) => {
    expect(parseLocaleNumber(text, 'en')).toBe(value);
  });

  it.each(['', '-', 'n/a', '1.2.3,4,5', '12abc', '1,234.5'])('refuses "%s" in Indonesian rather than guess', (text) => {
    expect(parseLocaleNumber(text, 'id')).toBeNull();
  });
});
