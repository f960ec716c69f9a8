import { describe, expect, it } from 'vitest';
import { ErrorCode } from './errors';
import { DaypartWindow, EventInput, issueErrorCode, parseLocalDateTime } from './schedule';

const base = {
  name: 'Pengumuman',
  playlistId: 'pengumuman',
  targets: { screens: ['lounge-1'] },
  start: '2025-03-01T08:00',
};

function codeOf(input: unknown, schema: { safeParse(x: unknown): { success: boolean; error?: unknown } } = EventInput) {
  const parsed = EventInput === schema ? EventInput.safeParse(input) : DaypartWindow.safeParse(input);
  if (parsed.success) return 'ok';
  return issueErrorCode(parsed.error) ?? ErrorCode.validation;
}

describe('event wire schema', () => {
  it('fills in the defaults an operator leaves out', () => {
    const parsed = EventInput.parse(base);
    expect(parsed).toMatchObject({
      priority: 0,
      timezone: null,
      end: null,
      rrule: null,
      exdates: [],
      interrupt: null,
      enabled: true,
      targets: { screens: ['lounge-1'], groups: [], walls: [], all: false },
    });
  });

  it('answers a window that ends before it starts with BARUGA_ERR_INVALID_WINDOW', () => {
    expect(codeOf({ ...base, end: '2025-02-28T08:00' })).toBe(ErrorCode.invalidWindow);
    expect(codeOf({ ...base, end: '2025-03-01T08:00' })).toBe(ErrorCode.invalidWindow);
  });

  it('answers an unknown timezone with BARUGA_ERR_UNKNOWN_TIMEZONE', () => {
    expect(codeOf({ ...base, timezone: 'Asia/Makasar' })).toBe(ErrorCode.unknownTimezone);
    expect(codeOf({ ...base, timezone: 'Asia/Makassar' })).toBe('ok');
  });

  it('refuses a share of voice over 100 %, a recurrence without a length, targets that name nobody', () => {
    expect(codeOf({ ...base, interrupt: { percent: 120 } })).toBe(ErrorCode.validation);
    expect(codeOf({ ...base, interrupt: { secondsPerHour: 3601 } })).toBe(ErrorCode.validation);
    expect(codeOf({ ...base, rrule: 'FREQ=DAILY' })).toBe(ErrorCode.validation);
    expect(codeOf({ ...base, targets: {} })).toBe(ErrorCode.validation);
  });

  it('reads local date-times as wall clock, and refuses dates that do not exist', () => {
    expect(parseLocalDateTime('2025-03-01T08:00')).toBe(Date.UTC(2025, 2, 1, 8, 0));
    expect(parseLocalDateTime('2025-02-29T08:00')).toBeNull();
    expect(parseLocalDateTime('2025-03-01T08:00+08:00')).toBeNull();
    expect(codeOf({ ...base, start: '2025-02-30T08:00' })).toBe(ErrorCode.validation);
  });
});

describe('daypart windows', () => {
  it('allow overnight windows and refuse empty ones', () => {
    expect(codeOf({ days: ['FR'], start: '22:00', end: '02:00' }, DaypartWindow)).toBe('ok');
    expect(codeOf({ days: ['FR'], start: '00:00', end: '24:00' }, DaypartWindow)).toBe('ok');
    expect(codeOf({ days: ['FR'], start: '08:00', end: '08:00' }, DaypartWindow)).toBe(ErrorCode.invalidWindow);
    expect(codeOf({ days: ['FR'], start: '24:00', end: '02:00' }, DaypartWindow)).toBe(ErrorCode.invalidWindow);
  });
});
