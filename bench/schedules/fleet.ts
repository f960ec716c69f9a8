import type { Daypart, ScheduleEvent } from '@baruga/protocol';
import type { ScreenContext } from '@baruga/schedules';

/**
 * A province-sized fleet for the schedules benchmark: 1,000 screens (50 four-tile walls, the rest single
 * screens) in 100 groups, and 10,000 events in a realistic mix (campaigns by daypart, weekly and daily rules,
 * monthly and yearly ones, a few hourly and minutely ones, COUNT/UNTIL/EXDATE, interrupts, one-offs, some
 * "same instant everywhere"), with DTSTARTs up to five years old. Seeded, so every run sees the same fleet.
 */

export interface Fleet {
  screens: ScreenContext[];
  events: ScheduleEvent[];
  dayparts: Daypart[];
  playlistDurations: Record<string, number>;
}

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const DAY = 86_400_000;

const ZONES: readonly [string, number][] = [
  ['Asia/Makassar', 0.6],
  ['Asia/Jakarta', 0.25],
  ['Asia/Jayapura', 0.1],
  // Overseas offices: zones with DST, and the window crosses Europe's fall-back night.
  ['Europe/Amsterdam', 0.02],
  ['Australia/Sydney', 0.015],
  ['America/New_York', 0.015],
];

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export function makeFleet(windowStart: number, seed = 20251025): Fleet {
  const r = rng(seed);
  const zone = () => {
    let x = r.next();
    for (const [z, w] of ZONES) {
      if ((x -= w) < 0) return z;
    }
    return 'Asia/Makassar';
  };

  const groups = Array.from({ length: 100 }, (_, i) => `group-${i + 1}`);
  const screens: ScreenContext[] = [];
  for (let w = 1; w <= 50; w++) {
    const tz = zone();
    const g = [r.pick(groups), r.pick(groups)];
    for (let t = 1; t <= 4; t++) screens.push({ id: `wall-${w}-${t}`, timezone: tz, wallId: `wall-${w}`, groups: g });
  }
  while (screens.length < 1000) {
    screens.push({
      id: `screen-${screens.length + 1}`,
      timezone: zone(),
      wallId: null,
      groups: [r.pick(groups), r.pick(groups)],
    });
  }

  const dayparts: Daypart[] = [
    {
      id: 'office',
      name: 'Jam kantor',
      windows: [
        { days: ['MO', 'TU', 'WE', 'TH'], start: '08:00', end: '16:00' },
        { days: ['FR'], start: '08:00', end: '11:30' },
      ],
    },
    { id: 'morning', name: 'Pagi', windows: [{ days: [...DAYS], start: '06:00', end: '10:00' }] },
    { id: 'evening', name: 'Malam', windows: [{ days: [...DAYS], start: '18:00', end: '23:00' }] },
    { id: 'overnight', name: 'Dini hari', windows: [{ days: [...DAYS], start: '22:00', end: '05:00' }] },
    { id: 'weekend', name: 'Akhir pekan', windows: [{ days: ['SA', 'SU'], start: '00:00', end: '24:00' }] },
    {
      id: 'lunch',
      name: 'Istirahat',
      windows: [
        { days: ['MO', 'TU', 'WE', 'TH'], start: '12:00', end: '13:00' },
        { days: ['FR'], start: '11:30', end: '13:30' },
      ],
    },
  ];
  for (let i = 0; i < 24; i++) {
    const s = r.int(5, 18);
    dayparts.push({
      id: `dp-${i}`,
      name: `Daypart ${i}`,
      windows: [
        {
          days: DAYS.filter(() => r.chance(0.7)).concat('MO'),
          start: `${pad(s)}:00`,
          end: `${pad(s + r.int(1, 5))}:30`,
        },
      ],
    });
  }

  const playlistDurations: Record<string, number> = { default: 30_000 };
  for (let i = 0; i < 400; i++) playlistDurations[`pl-${i}`] = r.int(1, 30) * 10_000;

  const targets = (): ScheduleEvent['targets'] => {
    const x = r.next();
    const none = { screens: [] as string[], groups: [] as string[], walls: [] as string[], all: false };
    if (x < 0.65) return { ...none, screens: Array.from({ length: r.int(1, 3) }, () => r.pick(screens).id) };
    if (x < 0.85) return { ...none, groups: [r.pick(groups)] };
    if (x < 0.95) return { ...none, walls: [`wall-${r.int(1, 50)}`] };
    if (x < 0.997) return { ...none, groups: [r.pick(groups), r.pick(groups), r.pick(groups)] };
    return { ...none, all: true };
  };
  const priority = () => (r.chance(0.5) ? 0 : r.chance(0.7) ? r.int(1, 5) : r.int(6, 10));
  const dtstart = (hh: number, mm: number) => {
    const day = Math.floor((windowStart - r.int(1, 5 * 365) * DAY) / DAY) * DAY;
    return local(day + hh * 3_600_000 + mm * 60_000);
  };
  const hhmm = () => [r.int(5, 20), r.pick([0, 15, 30, 45])] as const;
  const dayList = (n: number) => [...new Set(Array.from({ length: n }, () => r.pick(DAYS)))].join(',');

  const events: ScheduleEvent[] = [];
  for (let i = 0; i < 10_000; i++) {
    const base: ScheduleEvent = {
      id: `ev-${i}`,
      name: `Event ${i}`,
      playlistId: `pl-${r.int(0, 399)}`,
      targets: targets(),
      priority: priority(),
      timezone: r.chance(0.1) ? r.pick(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) : null,
      start: dtstart(0, 0),
      end: null,
      rrule: null,
      exdates: [],
      durationMinutes: null,
      daypartId: null,
      interrupt: null,
      maxPlaysPerHour: null,
      enabled: true,
    };
    const x = r.next();
    let e: ScheduleEvent;
    if (x < 0.3) {
      // A campaign or standing content, by daypart; some ended, some ending.
      const startMs = Date.parse(`${base.start}:00Z`);
      e = {
        ...base,
        daypartId: r.pick(dayparts).id,
        end: r.chance(0.5) ? null : local(startMs + r.int(30, 5 * 365) * DAY),
      };
    } else if (x < 0.7) {
      const [h, m] = hhmm();
      const y = r.next();
      let rule: string;
      let duration = r.int(2, 12) * 15;
      if (y < 0.43) rule = `FREQ=WEEKLY;BYDAY=${dayList(r.int(1, 3))}`;
      else if (y < 0.66) rule = `FREQ=DAILY${r.chance(0.3) ? `;INTERVAL=${r.int(2, 3)}` : ''}`;
      else if (y < 0.8)
        rule = r.pick([
          'FREQ=MONTHLY;BYDAY=1MO',
          'FREQ=MONTHLY;BYMONTHDAY=1,15',
          'FREQ=MONTHLY;BYDAY=-1FR',
          'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
        ]);
      else if (y < 0.89) {
        rule = r.pick([
          'FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=17',
          'FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=28',
          'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        ]);
        duration = 24 * 60;
      } else if (y < 0.95) {
        rule = `FREQ=HOURLY;INTERVAL=${r.int(1, 3)};BYHOUR=8,9,10,11,12,13,14,15,16`;
        duration = r.int(1, 4) * 5;
      } else {
        rule = `FREQ=MINUTELY;INTERVAL=${r.pick([15, 20, 30])}`;
        duration = 5;
      }
      if (y < 0.43 && r.chance(0.1)) rule += `;COUNT=${r.int(10, 300)}`;
      else if (r.chance(0.1)) rule += `;UNTIL=${local(windowStart + r.int(-200, 400) * DAY).replace(/[-:]/g, '')}00`;
      const start = dtstart(h, m);
      e = {
        ...base,
        start,
        rrule: rule,
        durationMinutes: duration,
        daypartId: r.chance(0.2) ? r.pick(dayparts).id : null,
        exdates: y < 0.43 && r.chance(0.2) ? [local(Date.parse(`${start}:00Z`) + 7 * DAY * r.int(1, 20))] : [],
        maxPlaysPerHour: r.chance(0.05) ? r.int(1, 6) : null,
      };
      // An EXDATE must be an occurrence to mean anything; these may or may not be (as in real data).
    } else if (x < 0.74) {
      e = {
        ...base,
        interrupt: r.chance(0.7) ? { secondsPerHour: r.int(3, 30) * 10 } : { percent: r.int(5, 10) },
        daypartId: r.chance(0.5) ? r.pick(dayparts).id : null,
        end: r.chance(0.5) ? null : local(windowStart + r.int(-30, 300) * DAY),
      };
    } else {
      const start = windowStart + r.int(-10, 10) * DAY + r.int(0, 95) * 900_000;
      e = r.chance(0.5)
        ? { ...base, start: local(start), durationMinutes: r.int(2, 32) * 15 }
        : { ...base, start: local(start), end: local(start + r.int(1, 72) * 3_600_000) };
      if (r.chance(0.05)) e = { ...e, maxPlaysPerHour: r.int(1, 6) };
    }
    events.push(e);
  }
  return { screens, events, dayparts, playlistDurations };
}
