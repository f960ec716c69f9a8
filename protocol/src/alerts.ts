import { z } from 'zod';
import { IsoInstant, Slug } from './ids';
import { GeoPoint } from './geo';
import { HttpUrl } from './library';

/**
 * Emergency alerts (docs/alerts.md): CAP 1.2 pushed or polled, BMKG earthquakes, and operators' own. What a
 * screen shows is an `AlertNotice`; a screen's retained `ScreenAlerts` message holds every notice active on it.
 */

export const AlertOrigin = z.enum(['cap', 'cap-feed', 'bmkg', 'manual']);
export type AlertOrigin = z.infer<typeof AlertOrigin>;

/** CAP 1.2's own vocabularies (OASIS CAP 1.2, §3.2). */
export const CapStatus = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']);
export type CapStatus = z.infer<typeof CapStatus>;
export const CapMsgType = z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']);
export type CapMsgType = z.infer<typeof CapMsgType>;
export const CapScope = z.enum(['Public', 'Restricted', 'Private']);
export type CapScope = z.infer<typeof CapScope>;
export const AlertSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** One language's words of a notice; a screen shows Indonesian first and English under it. */
export const AlertText = z.object({
  language: z.string().min(1).max(35),
  event: z.string().max(200),
  headline: z.string().max(300).optional(),
  description: z.string().max(4000).optional(),
  instruction: z.string().max(2000).optional(),
  /** Where, in words ("Kota Makassar", "Laut Flores, 93 km BaratLaut Bima"). */
  area: z.string().max(500).optional(),
});
export type AlertText = z.infer<typeof AlertText>;

export const AlertNotice = z.object({
  id: z.uuid(),
  /** `all-clear` is the short green notice an operator sends when clearing an alert. */
  kind: z.enum(['alert', 'all-clear']),
  severity: AlertSeverity,
  /** A drill (CAP `Exercise`): the screen says LATIHAN / EXERCISE in the banner. */
  exercise: z.boolean(),
  texts: z.array(AlertText).min(1).max(4),
  /** Printed on screen: "Sumber: BMKG". */
  credit: z.string().max(200),
  sentAt: IsoInstant,
  expiresAt: IsoInstant,
  /** Whether the screen sounds a tone, where its browser lets it. */
  sound: z.boolean(),
});
export type AlertNotice = z.infer<typeof AlertNotice>;

export const MAX_ALERTS_PER_SCREEN = 8;

/**
 * Every notice active on one screen, newest first (`baruga/v1/screens/<id>/alert`, retained while any is active):
 * the player shows the first above everything and acknowledges each one it paints. The topic names the screen, so
 * screens with the same notices get the same bytes (one encoding for a thousand screens).
 */
export const ScreenAlerts = z.object({
  sentAt: IsoInstant,
  alerts: z.array(AlertNotice).max(MAX_ALERTS_PER_SCREEN),
});
export type ScreenAlerts = z.infer<typeof ScreenAlerts>;

/** A player painted a notice (`baruga/v1/screens/<id>/alert-ack`). */
export const AlertAck = z.object({
  alertId: z.uuid(),
  screenId: Slug,
  playerId: z.string().max(100).nullable(),
  shownAt: IsoInstant,
});
export type AlertAck = z.infer<typeof AlertAck>;

export const AlertTargets = z
  .object({
    screens: z.array(Slug).max(2000).default([]),
    groups: z.array(Slug).max(200).default([]),
    all: z.boolean().default(false),
  })
  .refine((t) => t.all || t.screens.length + t.groups.length > 0, 'an alert needs screens, groups or all: true');
export type AlertTargets = z.infer<typeof AlertTargets>;

const words = {
  event: z.string().trim().min(1).max(200),
  headline: z.string().trim().max(300).optional(),
  description: z.string().trim().max(4000).optional(),
  instruction: z.string().trim().max(2000).optional(),
};

/** `POST /api/alerts`: an operator's alert, usually from a template. */
export const CreateAlert = z.object({
  template: z.string().max(64).optional(),
  severity: AlertSeverity.default('Severe'),
  ...words,
  en: z.object({ ...words, event: words.event.optional() }).optional(),
  targets: AlertTargets,
  expiresInMinutes: z.int().min(1).max(1440).default(60),
  sound: z.boolean().default(true),
  exercise: z.boolean().default(false),
});
export type CreateAlert = z.infer<typeof CreateAlert>;

export const AlertTemplate = z.object({
  id: Slug,
  label: z.object({ id: z.string(), en: z.string() }),
  severity: AlertSeverity,
  event: z.string(),
  headline: z.string(),
  instruction: z.string(),
  en: z.object({ event: z.string(), headline: z.string(), instruction: z.string() }),
});
export type AlertTemplate = z.infer<typeof AlertTemplate>;

/** `DELETE /api/alerts/:id?allClear=true`: end it, and show an all-clear notice on the same screens. */
export const ClearAlertQuery = z.object({
  allClear: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const AlertsQuery = z.object({
  state: z.enum(['active', 'ended', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AlertScreenState = z.object({
  screenId: Slug,
  /** When the controller heard the screen's acknowledgement, and how long after the alert arrived. */
  ackAt: IsoInstant.nullable(),
  latencyMs: z.number().nullable(),
  /** When the player says it painted the notice (its own clock). */
  shownAt: IsoInstant.nullable(),
});
export type AlertScreenState = z.infer<typeof AlertScreenState>;

export const AlertEndReason = z.enum(['expired', 'cancelled', 'cleared', 'superseded']);
export type AlertEndReason = z.infer<typeof AlertEndReason>;

export const AlertView = z.object({
  id: z.uuid(),
  origin: AlertOrigin,
  /** CAP `identifier` (and `sender`, `sent`), or the ones Baruga gave a BMKG or manual alert. */
  identifier: z.string(),
  sender: z.string(),
  sentAt: IsoInstant,
  status: CapStatus,
  msgType: CapMsgType,
  scope: CapScope,
  references: z.array(z.string()),
  state: z.enum(['active', 'ended']),
  endedReason: AlertEndReason.nullable(),
  /** Why no screen shows it, when none does ("status Test is not shown"). */
  notShownBecause: z.string().nullable(),
  receivedAt: IsoInstant,
  expiresAt: IsoInstant,
  endedAt: IsoInstant.nullable(),
  notice: AlertNotice,
  screens: z.array(AlertScreenState),
  acknowledged: z.int(),
});
export type AlertView = z.infer<typeof AlertView>;

/** The 202 answer to a pushed CAP message or a manual alert. */
export const AlertAccepted = z.object({
  id: z.uuid(),
  identifier: z.string(),
  msgType: CapMsgType,
  /** How many screens it went to (0 for a Cancel, a Test, or an area with no screen in it). */
  screens: z.int(),
  /** Alerts a Cancel or an Update ended. */
  ended: z.array(z.uuid()),
  /** The same message was already received: nothing changed. */
  duplicate: z.boolean(),
});
export type AlertAccepted = z.infer<typeof AlertAccepted>;

/**
 * `POST /api/alerts` when manual alerts need two people (`PUT /api/settings/approval`): nothing is sent yet; the
 * alert waits in the approval queue and goes out when a second approver approves it.
 */
export const AlertHeld = z.object({ held: z.literal(true), approvalId: z.string() });
export type AlertHeld = z.infer<typeof AlertHeld>;

export const BMKG_AUTOGEMPA_URL = 'https://data.bmkg.go.id/DataMKG/TEWS/autogempa.json';
export const BMKG_GEMPATERKINI_URL = 'https://data.bmkg.go.id/DataMKG/TEWS/gempaterkini.json';

export const BmkgSettings = z.object({
  enabled: z.boolean().default(false),
  autogempaUrl: HttpUrl.default(BMKG_AUTOGEMPA_URL),
  gempaterkiniUrl: HttpUrl.default(BMKG_GEMPATERKINI_URL),
  /** Both feeds once per poll: 5 s is 24 requests a minute, under BMKG's 60. */
  pollS: z.int().min(5).max(3600).default(30),
  minMagnitude: z.number().min(0).max(10).default(5),
  /** A screen farther than this from the epicentre is not alerted (unless a tsunami is possible and it is near). */
  maxDistanceKm: z.number().min(1).max(20_000).default(300),
  tsunamiDistanceKm: z.number().min(1).max(20_000).default(1000),
  /** Quakes older than this when first seen (the backlog of gempaterkini) are recorded, not shown. */
  maxAgeMinutes: z.int().min(1).max(1440).default(15),
  durationMinutes: z.int().min(1).max(1440).default(30),
});
export type BmkgSettings = z.infer<typeof BmkgSettings>;

export const CapFeed = z.object({ url: HttpUrl, pollS: z.int().min(30).max(86_400).default(60) });

export const AlertSettings = z.object({
  bmkg: BmkgSettings.default(BmkgSettings.parse({})),
  capFeeds: z.array(CapFeed).max(10).default([]),
  /** For CAP messages without `expires`. */
  defaultDurationMinutes: z.int().min(1).max(1440).default(60),
  sound: z.boolean().default(true),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

/** `GET /api/prayer-times?lat=&lon=&date=YYYY-MM-DD&tz=` */
export const PrayerTimesQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional(),
  tz: z.string().min(1).max(64).default('Asia/Makassar'),
});

const HhMm = z.string().regex(/^\d{2}:\d{2}$/);
export const PrayerTimesView = z.object({
  imsak: HhMm,
  subuh: HhMm,
  terbit: HhMm,
  dhuha: HhMm,
  dzuhur: HhMm,
  ashar: HhMm,
  maghrib: HhMm,
  isya: HhMm,
});
export type PrayerTimesView = z.infer<typeof PrayerTimesView>;

export const ScreenLocationBody = z.object({ location: GeoPoint.nullable() });
