import { z } from 'zod';
import { Slug } from './ids';
import { LoopItem } from './loop-item';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b3d91');

/** How a zone goes from one item to the next. The outgoing item stays painted until the incoming one covers it. */
export const Transition = z.object({
  kind: z.enum(['cut', 'fade', 'slide']).default('cut'),
  durationMs: z.int().min(0).max(5000).default(600),
});
export type Transition = z.infer<typeof Transition>;

/**
 * A rectangle of the layout's canvas, in canvas pixels, that plays its own playlist. Zones paint in
 * ascending `z`; an `overlay` zone paints above every scheduled layout (running text over everything).
 */
export const Zone = z
  .object({
    id: Slug,
    x: z.int().min(0).max(16384),
    y: z.int().min(0).max(16384),
    width: z.int().min(1).max(16384),
    height: z.int().min(1).max(16384),
    z: z.int().min(0).max(1000).default(0),
    background: Colour.optional(),
    transition: Transition.default({ kind: 'cut', durationMs: 600 }),
    items: z.array(LoopItem).max(500),
  })
  .refine((zone) => zone.x + zone.width <= 16384 && zone.y + zone.height <= 16384, 'zone reaches past 16384 px');
export type Zone = z.infer<typeof Zone>;

/** A canvas with zones; scheduled like a playlist, it fills the screen pixel for pixel. */
export const Layout = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(120),
    width: z.int().min(16).max(16384),
    height: z.int().min(16).max(16384),
    background: Colour.default('#000000'),
    zones: z.array(Zone).min(1).max(32),
  })
  .refine((layout) => new Set(layout.zones.map((z) => z.id)).size === layout.zones.length, 'zone ids must be unique')
  .refine(
    (layout) => layout.zones.every((z) => z.x + z.width <= layout.width && z.y + z.height <= layout.height),
    'every zone must lie inside the layout canvas',
  );
export type Layout = z.infer<typeof Layout>;
