import { describe, expect, it } from 'vitest';
import type { Daypart } from '@baruga/protocol';
import { checkEvent } from './feasibility';
import { event } from './test-support';

const NOW = Date.parse('2025-03-07T04:00:00Z'); // noon WITA
const context = { dayparts: [] as Daypart[], playlistDurations: { pl: 60_000, short: 10_000 } };
const codes = (r: ReturnType<typeof checkEvent>) => (r.ok ? r.value.warnings.map((w) => w.code) : r.error.code);

describe('checkEvent: what an operator learns before saving', () => {
  it('finds when a weekly rule first plays, and has nothing to warn about', () => {
    const r = checkEvent(
      event({ id: 'jumat', start: '2020-01-03T11:30', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMinutes: 90 }),
      context,
      NOW,
    );
    expect(r).toEqual({ ok: true, value: { warnings: [], firstActive: '2025-03-07T11:30:00' } });
  });

  it('refuses an invalid RRULE with a stable code', () => {
    const r = checkEvent(
      event({ id: 'bad', start: '2025-01-01T00:00', rrule: 'FREQ=WEEKLY;BYDAY=XX', durationMinutes: 5 }),
      context,
      NOW,
    );
    expect(codes(r)).toBe('BARUGA_ERR_INVALID_RRULE');
  });

  it('warns about an event that never fires: the 30th of February', () => {
    const r = checkEvent(
      event({
        id: 'feb30',
        start: '2025-01-01T09:00',
        rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
        durationMinutes: 60,
      }),
      context,
      NOW,
    );
    expect(codes(r)).toEqual(['never-fires']);
  });

  it('warns about an event whose rule and daypart never meet', () => {
    const evenings: Daypart = {
      id: 'evening',
      name: 'Malam',
      windows: [{ days: ['MO'], start: '18:00', end: '22:00' }],
    };
    const r = checkEvent(
      event({
        id: 'morning',
        start: '2025-01-01T08:00',
        rrule: 'FREQ=DAILY',
        durationMinutes: 60,
        daypartId: 'evening',
      }),
      { ...context, dayparts: [evenings] },
      NOW,
    );
    expect(codes(r)).toEqual(['never-fires']);
  });

  it('warns about an event that has ended', () => {
    const r = checkEvent(event({ id: 'old', start: '2024-01-01T00:00', end: '2024-02-01T00:00' }), context, NOW);
    expect(r.ok && r.value.warnings[0]?.message).toMatch(/ended at 2024-02-01T00:00/);
  });

  it('warns about plays per hour that cannot fit in an hour', () => {
    const r = checkEvent(event({ id: 'busy', start: '2025-01-01T00:00', maxPlaysPerHour: 90 }), context, NOW);
    expect(codes(r)).toEqual(['plays-per-hour-cannot-fit']);
  });

  it('warns about an interrupt whose share is shorter than one pass, or needs more plays than allowed', () => {
    expect(
      codes(
        checkEvent(event({ id: 'tiny', start: '2025-01-01T00:00', interrupt: { secondsPerHour: 20 } }), context, NOW),
      ),
    ).toEqual(['share-shorter-than-playlist']);
    expect(
      codes(
        checkEvent(
          event({
            id: 'capped',
            start: '2025-01-01T00:00',
            playlistId: 'short',
            interrupt: { percent: 10 },
            maxPlaysPerHour: 4,
          }),
          context,
          NOW,
        ),
      ),
    ).toEqual(['plays-per-hour-cannot-fit']);
  });

  it('warns about a playlist or daypart that does not exist', () => {
    expect(codes(checkEvent(event({ id: 'x', start: '2025-01-01T00:00', playlistId: 'nope' }), context, NOW))).toEqual([
      'unknown-playlist',
    ]);
    expect(codes(checkEvent(event({ id: 'y', start: '2025-01-01T00:00', daypartId: 'nope' }), context, NOW))).toEqual([
      'unknown-daypart',
    ]);
  });

  it('answers quickly even for a minutely rule that never matches', () => {
    const started = Date.now();
    const r = checkEvent(
      event({
        id: 'never',
        start: '2025-01-01T00:00',
        rrule: 'FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30',
        durationMinutes: 1,
      }),
      context,
      NOW,
    );
    expect(codes(r)).toEqual(['never-fires']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
