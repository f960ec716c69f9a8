import { describe, expect, it } from 'vitest';
import { dictionary } from './catalogue';

describe('the console catalogue', () => {
  it('has every text in Indonesian and in English, and no English left in the Indonesian column by mistake', () => {
    for (const [key, text] of Object.entries(dictionary)) {
      expect(text.id.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
    }
    // Words that are the same in both languages are few and deliberate.
    const same = Object.entries(dictionary)
      .filter(([, t]) => t.id === t.en)
      .map(([key]) => key)
      .sort();
    expect(same).toEqual(['cache', 'slot', 'status']);
  });
});
