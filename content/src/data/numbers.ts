import type { NumberFormat } from '@baruga/protocol';

/**
 * Numbers that open-data portals send as text: "1.234,5" (Indonesian), "1,234.5" (English), "1234.5" (a machine's),
 * with "Rp", "%", spaces and accounting brackets around them. `format` says which mark groups thousands; a plain
 * machine number reads the same under both, except that "1.234" under `id` is one thousand two hundred and
 * thirty-four, as an Indonesian reader means it. Anything else is not a number: null, never a guess.
 */
export function parseLocaleNumber(text: string, format: NumberFormat): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/^rp\.?/i, '').replace(/%$/, '');
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '') return null;

  const group = format === 'id' ? '.' : ',';
  const decimal = format === 'id' ? ',' : '.';
  const esc = (c: string) => `\\${c}`;
  const grouped = new RegExp(`^\\d{1,3}(${esc(group)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  const local = new RegExp(`^\\d+(${esc(decimal)}\\d+)?$`);
  const machine = /^\d+(\.\d+)?([eE][-+]?\d+)?$/;

  let value: number;
  if (grouped.test(s)) value = Number(s.split(group).join('').replace(decimal, '.'));
  else if (local.test(s)) value = Number(s.replace(decimal, '.'));
  else if (machine.test(s)) value = Number(s);
  else return null;
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
