import { z } from 'zod';
import { CapMsgType, CapScope, CapStatus } from './alerts';

/**
 * A CAP 1.2 message (OASIS Common Alerting Protocol 1.2) as Baruga reads it: the XML, once parsed within limits
 * (controller/src/alerts/cap-parser.ts), is checked against this before anything acts on it.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/** CAP's dateTime: an offset is required ("2025-03-01T08:00:00+08:00"); "Z" is taken too. */
const CapTime = z.iso.datetime({ offset: true });

/** WGS 84 "lat,lon" pairs; the ring is closed (the first pair repeated last). */
export const CapPolygon = z.array(z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])).min(4);
export const CapCircle = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  radiusKm: z.number().min(0).max(20_000),
});

export const CapArea = z.object({
  areaDesc: z.string().min(1).max(2000),
  polygons: z.array(CapPolygon).default([]),
  circles: z.array(CapCircle).default([]),
  geocodes: z.array(z.object({ valueName: z.string(), value: z.string() })).default([]),
});
export type CapArea = z.infer<typeof CapArea>;

export const CapInfo = z.object({
  language: z.string().max(35).default('en-US'),
  category: z
    .array(
      z.enum([
        'Geo',
        'Met',
        'Safety',
        'Security',
        'Rescue',
        'Fire',
        'Health',
        'Env',
        'Transport',
        'Infra',
        'CBRNE',
        'Other',
      ]),
    )
    .min(1),
  event: z.string().min(1).max(500),
  urgency: z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']),
  severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']),
  certainty: z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']),
  effective: CapTime.optional(),
  onset: CapTime.optional(),
  expires: CapTime.optional(),
  senderName: z.string().max(500).optional(),
  headline: z.string().max(500).optional(),
  description: z.string().max(8000).optional(),
  instruction: z.string().max(8000).optional(),
  web: z.string().max(2000).optional(),
  areas: z.array(CapArea).default([]),
});
export type CapInfo = z.infer<typeof CapInfo>;

/** A reference to an earlier message: "sender,identifier,sent". */
export const CapReference = z.object({ sender: z.string(), identifier: z.string(), sent: z.string() });
export type CapReference = z.infer<typeof CapReference>;

export const CapMessage = z
  .object({
    identifier: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[^\s,<&]+$/, 'CAP identifiers have no spaces, commas, < or &'),
    sender: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[^\s,<&]+$/, 'CAP senders have no spaces, commas, < or &'),
    sent: CapTime,
    status: CapStatus,
    msgType: CapMsgType,
    scope: CapScope,
    source: z.string().max(500).optional(),
    note: z.string().max(4000).optional(),
    references: z.array(CapReference).max(100).default([]),
    infos: z.array(CapInfo).max(8).default([]),
  })
  .refine((m) => m.msgType === 'Alert' || m.msgType === 'Ack' || m.msgType === 'Error' || m.references.length > 0, {
    message: 'an Update or a Cancel names the messages it replaces in <references>',
    path: ['references'],
  })
  .refine((m) => m.msgType === 'Cancel' || m.msgType === 'Ack' || m.msgType === 'Error' || m.infos.length > 0, {
    message: 'an Alert or an Update has at least one <info>',
    path: ['infos'],
  });
export type CapMessage = z.infer<typeof CapMessage>;
