import type { ScreenBrightness } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { brightnessAt } from './brightness';

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** The videotron on Jl. Ahmad Yani: 40 % from 18.00 to 06.00 WITA, and 10 % in the dead of Sunday night. */
const night: ScreenBrightness = {
  percent: 100,
  rules: [
    { windows: [{ days: ['SU'], start: '01:00', end: '04:00' }], percent: 10 },
    { windows: [{ days: [...EVERY_DAY], start: '18:00', end: '06:00' }], percent: 40 },
  ],
};
const wita = (local: string) => Date.parse(`${local}+08:00`);

describe('brightness by daypart', () => {
  it('runs full by day, dims at 18.00 WITA and comes back at 06.00, asking again at each change', () => {
    // 2026-03-04 is a Wednesday.
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-04T12:00:00'))).toEqual({
      percent: 100,
      until: wita('2026-03-04T18:00:00'),
    });
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-04T18:00:00'))).toEqual({
      percent: 40,
      until: wita('2026-03-05T06:00:00'),
    });
    // After midnight the window opened the evening before still holds.
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-05T05:59:59')).percent).toBe(40);
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-05T06:00:00')).percent).toBe(100);
  });

  it('the first rule that holds wins', () => {
    // Sunday 2026-03-08, 02:00: inside both the Sunday-night rule and the evening rule opened on Saturday.
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-08T02:00:00'))).toEqual({
      percent: 10,
      until: wita('2026-03-08T04:00:00'),
    });
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-08T04:00:00')).percent).toBe(40);
  });

  it('reads the windows on the screen`s own clock', () => {
    // 18.30 WITA is 17.30 WIB: a Jakarta screen is not dimmed yet.
    expect(brightnessAt(night, 'Asia/Jakarta', wita('2026-03-04T18:30:00')).percent).toBe(100);
    expect(brightnessAt(night, 'Asia/Makassar', wita('2026-03-04T18:30:00')).percent).toBe(40);
  });

  it('without rules, the base percent for a week', () => {
    const at = wita('2026-03-04T12:00:00');
    expect(brightnessAt({ percent: 70, rules: [] }, 'Asia/Makassar', at)).toEqual({
      percent: 70,
      until: at + 7 * 86_400_000,
    });
  });
});
