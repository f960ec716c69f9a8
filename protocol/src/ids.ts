import { z } from 'zod';
import { ErrorCode } from './errors';

/**
 * Identifiers that appear in MQTT topics and URLs. Lowercase slugs only, so they can never carry
 * the topic wildcards `+`/`#`, a `/` level separator, or anything a path could misread.
 */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1–63 lowercase letters, digits or dashes');

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase SHA-256 hex digest');

export const IsoInstant = z.iso.datetime({ offset: true });

/**
 * Characters that must never reach a name people read, in the console, a log or a terminal: C0 and C1 controls
 * (NUL, ESC and the rest; an ANSI sequence in a screen name once repainted the start-up banner), DEL, the line
 * and paragraph separators, and the marks and overrides that reverse text direction (`foto\u202Egpj.exe`).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The refinement every name field shares: one stable code, whatever schema the name sits in. */
export const safeText = {
  check: (s: string) => !UNSAFE_TEXT_CHARS.test(s),
  message: 'must not contain control characters, line breaks or text-direction overrides',
  params: { code: ErrorCode.unsafeText },
} as const;

/** A name an operator gives something (a screen, a playlist, a daypart, an event, a player…), one line. */
export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine(safeText.check, { message: safeText.message, params: safeText.params });

/**
 * Answers already given: building an Intl.DateTimeFormat costs ~0.1 ms, and every manifest and event names a
 * zone, so republishing thousands of screens asked the same question thousands of times. Bounded, since the
 * names come from input.
 */
const knownZones = new Map<string, boolean>();
const KNOWN_ZONES_MAX = 1000;

/** An IANA zone name the runtime knows (Intl throws RangeError on unknown zones). */
export function isKnownTimezone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let answer: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    answer = zone.length > 0;
  } catch {
    answer = false;
  }
  if (knownZones.size >= KNOWN_ZONES_MAX) knownZones.clear();
  knownZones.set(zone, answer);
  return answer;
}

export const Timezone = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimezone, { message: 'unknown IANA timezone', params: { code: ErrorCode.unknownTimezone } });

export const Locale = z.enum(['id-ID', 'en-US']);
export type Locale = z.infer<typeof Locale>;

export const DEFAULT_TIMEZONE = 'Asia/Makassar';
export const DEFAULT_LOCALE: Locale = 'id-ID';
