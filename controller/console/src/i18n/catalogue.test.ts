import { ErrorCode } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { dictionary, sections } from './dictionary';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the console catalogue', () => {
  it('has every text in Indonesian and in English, with the same places for values', () => {
    for (const [key, words] of Object.entries(dictionary)) {
      expect(words.id.trim(), key).not.toBe('');
      expect(words.en.trim(), key).not.toBe('');
      expect(placeholders(words.id), key).toEqual(placeholders(words.en));
    }
  });

  it('never gives one key twice across its sections (a later section would silently win)', () => {
    const seen = new Map<string, string>();
    for (const [section, words] of Object.entries(sections)) {
      for (const key of Object.keys(words)) {
        expect(seen.get(key), `${key} in ${section}`).toBeUndefined();
        seen.set(key, section);
      }
    }
  });

  it('never is a template of values and punctuation alone, which any text would pass for', () => {
    for (const [key, words] of Object.entries(dictionary)) {
      for (const lang of ['id', 'en'] as const) {
        expect(words[lang].replace(/\{\w+\}/g, '').replace(/[\s\p{P}\p{S}\d]/gu, ''), `${key} (${lang})`).not.toBe('');
      }
    }
  });

  it('has a sentence for every stable error code the API gives', () => {
    for (const code of Object.values(ErrorCode)) expect(Object.hasOwn(dictionary, code), code).toBe(true);
  });

  it('keeps Indonesian and English apart: texts that read the same in both are few and deliberate', () => {
    const same = Object.entries(dictionary)
      .filter(([, w]) => w.id === w.en)
      .map(([key]) => key)
      .sort();
    expect(same).toEqual([
      'appName',
      // The same word in both languages.
      'filterStatus',
      'kindVideo',
      // Each language named in itself.
      'languageEnglish',
      'languageIndonesian',
      'pageTitle',
      'slotOf',
    ]);
  });
});
