import { describe, expect, it } from 'vitest';
import { nextDay, parseDate, parseTime, showDate, showTime } from './date-input';

describe('dates and times as people type them', () => {
  it('reads a date day first, however it is separated, and refuses days that do not exist', () => {
    expect(parseDate('6/12/2026')).toBe('2026-12-06');
    expect(parseDate('06-12-2026')).toBe('2026-12-06');
    expect(parseDate('6.12.2026')).toBe('2026-12-06');
    expect(parseDate('2026-12-06')).toBe('2026-12-06');
    // Month first, as a US browser would show it, is not how Indonesians write: 12/06 is the 12th of June.
    expect(parseDate('12/06/2026')).toBe('2026-06-12');
    expect(parseDate('31/2/2026')).toBeNull();
    expect(parseDate('29/2/2028')).toBe('2028-02-29');
    expect(parseDate('besok')).toBeNull();
    expect(showDate('2026-12-06')).toBe('06/12/2026');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('reads a time with a dot or a colon, and writes it the reader’s way', () => {
    expect(parseTime('8.00')).toBe('08:00');
    expect(parseTime('08:30')).toBe('08:30');
    expect(parseTime('1700')).toBe('17:00');
    expect(parseTime('17')).toBe('17:00');
    expect(parseTime('24.00')).toBeNull();
    expect(parseTime('24.00', true)).toBe('24:00');
    expect(parseTime('12.75')).toBeNull();
    expect(showTime('14:30', 'id')).toBe('14.30');
    expect(showTime('14:30', 'en')).toBe('14:30');
  });
});
