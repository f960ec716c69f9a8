import { type Lang, type TextKey, dictionary, text } from '../i18n/dictionary';
import { ApiFailure, OFFLINE, UNEXPECTED } from '../api/client';

export interface FailureText {
  /** A sentence from the catalogue, in the console's language. */
  sentence: string;
  /** The stable code, for support; null when this side found the problem (offline, unexpected answer). */
  code: string | null;
}

const isKey = (key: string): key is TextKey => Object.hasOwn(dictionary, key);

/** What went wrong, as a sentence a person can act on, keyed by the API's stable code. */
export function failureText(error: unknown, lang: Lang): FailureText {
  if (error instanceof ApiFailure) {
    if (error.error.code === OFFLINE) return { sentence: text(lang, 'errorOffline'), code: null };
    if (error.error.code === UNEXPECTED) return { sentence: text(lang, 'errorUnexpected'), code: null };
    const code = error.error.code;
    return { sentence: text(lang, isKey(code) ? code : 'errorUnknown'), code };
  }
  return { sentence: text(lang, 'errorUnknown'), code: null };
}

/** The code of an API failure, for branching (e.g. a delete refused because the file is in use). */
export const failureCode = (error: unknown): string | null => (error instanceof ApiFailure ? error.error.code : null);

/** The details the API attached to a refusal (e.g. where a file is used). */
export const failureDetails = (error: unknown): unknown =>
  error instanceof ApiFailure ? (error.error as { details?: unknown }).details : undefined;
