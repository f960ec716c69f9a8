import { describe, expect, it } from 'vitest';
import { matches } from './bus';

describe('topic filters', () => {
  it('matches + as one level and # as the rest', () => {
    expect(matches('baruga/v1/screens/+/status', 'baruga/v1/screens/lounge-1/status')).toBe(true);
    expect(matches('baruga/v1/screens/+/status', 'baruga/v1/screens/lounge-1/manifest')).toBe(false);
    expect(matches('baruga/v1/screens/+/status', 'baruga/v1/screens/a/b/status')).toBe(false);
    expect(matches('baruga/#', 'baruga/v1/screens/a/status')).toBe(true);
    expect(matches('baruga/v1', 'baruga/v1/screens')).toBe(false);
  });
});
