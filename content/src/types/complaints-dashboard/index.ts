import { z } from 'zod';
import { HexColour } from '../../common-props';
import { defineContentType } from '../../content-type';
import { feedsOf, widgetBase } from '../../data/widget-props';
import { COMPLAINTS_SAMPLE } from './sample';
import { personalColumns } from './status';

/**
 * The public-complaint service at a glance: received, in process, resolved and stalled, then by topic, agency or
 * district, each red, amber or green against the service-level targets. Aggregates only: rows with a column that
 * names a person are refused (status.ts).
 */
export const ComplaintsDashboardProps = z
  .object({
    ...widgetBase,
    title: z.string().trim().max(160).default('Pengaduan Masyarakat'),
    titleEn: z.string().trim().max(160).default('Public complaints'),
    table: widgetBase.table.default(COMPLAINTS_SAMPLE),
    sample: z.boolean().default(true),
    credit: z.string().trim().max(160).default('Data contoh'),
    /** Which breakdown to show; `cycle` turns through the three on the shared clock. */
    breakdown: z.enum(['topic', 'agency', 'district', 'cycle']).default('cycle'),
    pageSeconds: z.int().min(3).max(120).default(8),
    targets: z
      .object({
        resolvedPct: z.number().min(0).max(100).default(80),
        amberPct: z.number().min(0).max(100).default(60),
        stalledPct: z.number().min(0).max(100).default(5),
      })
      .refine((t) => t.amberPct <= t.resolvedPct, 'the amber line must not be above the green one')
      .default({ resolvedPct: 80, amberPct: 60, stalledPct: 5 }),
    accent: HexColour.default('#38bdf8'),
  })
  .refine((p) => personalColumns(p.table).length === 0, {
    message: 'complaint rows must not carry personal data (name, NIK, contact, address)',
    path: ['table'],
  });
export type ComplaintsDashboardProps = z.output<typeof ComplaintsDashboardProps>;

export const complaintsDashboardType = defineContentType<ComplaintsDashboardProps>({
  id: 'complaints-dashboard',
  version: 1,
  label: { id: 'Dasbor pengaduan', en: 'Complaints dashboard' },
  props: ComplaintsDashboardProps,
  defaults: ComplaintsDashboardProps.parse({}),
  duration: { defaultMs: 20_000, minMs: 5_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  feeds: feedsOf,
});
