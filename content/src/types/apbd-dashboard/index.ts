import { z } from 'zod';
import { defineContentType } from '../../content-type';
import { feedsOf, widgetBase } from '../../data/widget-props';
import { APBD_SAMPLE } from './sample';

/**
 * The regional budget's posture: revenue, spending, surplus or deficit and financing, budgeted and realised, with the
 * realisation of each component. Rows: `kode` (4, 4.1 …, 5, 5.1 …, 6.1, 6.2), `uraian`, `anggaran`, `realisasi`.
 * Ships with sample rows, labelled as such on screen, until a source's feed is named.
 */
export const ApbdDashboardProps = z.object({
  ...widgetBase,
  title: z.string().trim().max(160).default('Postur APBD'),
  titleEn: z.string().trim().max(160).default('Regional budget (APBD) at a glance'),
  table: widgetBase.table.default(APBD_SAMPLE),
  sample: z.boolean().default(true),
  credit: z.string().trim().max(160).default('Data contoh'),
  /** "Provinsi Sulawesi Selatan 2025", under the title. */
  region: z.string().trim().max(120).default(''),
});
export type ApbdDashboardProps = z.output<typeof ApbdDashboardProps>;

export const apbdDashboardType = defineContentType<ApbdDashboardProps>({
  id: 'apbd-dashboard',
  version: 1,
  label: { id: 'Dasbor APBD', en: 'Budget (APBD) dashboard' },
  props: ApbdDashboardProps,
  defaults: ApbdDashboardProps.parse({}),
  duration: { defaultMs: 20_000, minMs: 5_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  feeds: feedsOf,
});
