import { z } from 'zod';
import { CreateLoopItem } from './api';
import { IsoInstant, Slug } from './ids';
import { UpdateLayout } from './layout';
import { EventInput, ScheduleWarning, TimelineView } from './schedule';

/**
 * Previews (docs/api.md, "Previews before going live"): what a playlist or a layout would look like on a screen,
 * compiled exactly as a manifest but neither stored, signed nor sent, and what a schedule would play with one
 * event changed, before anything is written.
 */

/** The id a preview manifest gives the playlist or layout it shows, and its always-on event. */
export const PREVIEW_ID = 'preview';

export const PreviewContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('playlist'), items: z.array(CreateLoopItem).min(1).max(500) }),
  z.object({ kind: z.literal('layout'), layout: UpdateLayout }),
]);
export type PreviewContent = z.infer<typeof PreviewContent>;

/** `POST /api/preview/manifest`: on this screen (its size, zone and locale), or on a bare canvas of a layout's size. */
export const PreviewRequest = z.object({ screenId: Slug.optional(), content: PreviewContent });
export type PreviewRequest = z.infer<typeof PreviewRequest>;

/** `POST /api/schedule/preview`: a screen's timeline as it would be with `event` saved (replacing `replaces`). */
export const SchedulePreviewRequest = z.object({
  screenId: Slug,
  from: IsoInstant,
  to: IsoInstant,
  event: EventInput,
  /** The saved event the draft replaces; null for a new one. */
  replaces: Slug.nullable().default(null),
});
export type SchedulePreviewRequest = z.infer<typeof SchedulePreviewRequest>;

export const SchedulePreview = z.object({
  timeline: TimelineView,
  /** What the engine says about the draft event itself (never fires, share over 100 %…). */
  eventWarnings: z.array(ScheduleWarning),
  /** Wall-clock start of its first active moment from now, or null. */
  firstActive: z.string().nullable(),
  /** Whether the draft's targets reach this screen at all. */
  reachesScreen: z.boolean(),
});
export type SchedulePreview = z.infer<typeof SchedulePreview>;
