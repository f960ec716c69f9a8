/**
 * Numbers as a visitor reads them: Indonesian by default (`id-ID`: "1.234,5", "Rp 9,74 triliun"), English where
 * the screen says so. On public screens large amounts are written with their word ("triliun", "miliar", "juta"),
 * never the compact letters ("T", "M") that read as thousand and million in English.
 */

export type ValueFormat = 'number' | 'rupiah' | 'percent';

const NBSP = '\u00a0';

const SCALES = [
  { at: 1e12, id: 'triliun', en: 'trillion' },
  { at: 1e9, id: 'miliar', en: 'billion' },
  { at: 1e6, id: 'juta', en: 'million' },
] as const;

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export interface FormatOptions {
  locale?: string;
  /** Public screens: scaled amounts written with their word ("9,74 triliun"). Otherwise the compact form. */
  words?: boolean;
  /** Digits after the decimal mark (the scaled figure's, for large amounts); 2 unless given. */
  decimals?: number;
}

/** A large amount as "9,74 triliun" (words) or "9,74 T" (compact); below a million, every digit. */
function scaled(value: number, o: Required<FormatOptions>): string {
  const lang = o.locale.startsWith('id') ? 'id' : 'en';
  const scale = SCALES.find((s) => Math.abs(value) >= s.at);
  if (!scale) return numberFormat(o.locale, { maximumFractionDigits: 0 }).format(value);
  if (!o.words) {
    return numberFormat(o.locale, { notation: 'compact', maximumFractionDigits: o.decimals }).format(value);
  }
  const figure = numberFormat(o.locale, { maximumFractionDigits: o.decimals }).format(value / scale.at);
  return `${figure}${NBSP}${scale[lang]}`;
}

/** "Rp 9,74 triliun" (public screens), "Rp 9,74 T" (others), "Rp 250.000" (below a million). */
export function formatRupiah(value: number, options: FormatOptions = {}): string {
  const o = { locale: 'id-ID', words: true, decimals: 2, ...options };
  const sign = value < 0 ? '\u2212' : '';
  return `${sign}Rp${NBSP}${scaled(Math.abs(value), o)}`;
}

/** A count or measure: "1.234" below a million, "1,2 juta" above. */
export function formatQuantity(value: number, options: FormatOptions = {}): string {
  const o = { locale: 'id-ID', words: true, decimals: 2, ...options };
  if (Math.abs(value) < 1e6) {
    return numberFormat(o.locale, { maximumFractionDigits: options.decimals ?? 1 }).format(value);
  }
  return scaled(value, o);
}

/** A percentage given as a number of percent (87.5 → "87,5%"). */
export function formatPercent(value: number, options: FormatOptions = {}): string {
  const locale = options.locale ?? 'id-ID';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: options.decimals ?? 1 }).format(value / 100);
}

export function formatValue(value: number | null, format: ValueFormat, options: FormatOptions = {}): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (format) {
    case 'rupiah':
      return formatRupiah(value, options);
    case 'percent':
      return formatPercent(value, options);
    case 'number':
      return formatQuantity(value, options);
  }
}

/** Short zone labels people in Indonesia read; other zones keep their IANA name. */
export const ZONE_LABELS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "per 1 Maret 2025 14.30 WITA": when the rows shown were fetched, in the screen's zone. */
export function formatAsOf(at: Date, timezone: string, locale = 'id-ID'): string {
  const text = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  }).format(at);
  return `${text} ${ZONE_LABELS[timezone] ?? timezone}`;
}
