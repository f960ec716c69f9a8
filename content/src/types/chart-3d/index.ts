import { z } from 'zod';
import { DataTable } from '../../data-table';
import { defineContentType } from '../../content-type';

/**
 * A three.js bar chart of one numeric column, slowly turning: sectoral figures for the lounge wall.
 * Rows come in the props, or live from a data feed (`feedId`) when data widgets publish one.
 */
export const Chart3dProps = z.object({
  title: z.string().trim().max(160).default(''),
  titleEn: z.string().trim().max(160).optional(),
  table: DataTable,
  labelKey: z.string().min(1).max(64),
  valueKey: z.string().min(1).max(64),
  /** Printed after each value, e.g. "miliar" or "%". */
  unit: z.string().max(24).default(''),
  feedId: z.string().max(64).optional(),
  rotateDegPerS: z.number().min(0).max(90).default(6),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#38bdf8'),
  background: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#061428'),
});
export type Chart3dProps = z.output<typeof Chart3dProps>;

export const chart3dType = defineContentType<Chart3dProps>({
  id: 'chart-3d',
  version: 1,
  label: { id: 'Grafik 3D', en: '3D chart' },
  props: Chart3dProps,
  defaults: {
    title: '',
    table: {
      columns: [
        { key: 'label', label: 'Label', type: 'text' },
        { key: 'value', label: 'Nilai', type: 'number' },
      ],
      rows: [],
    },
    labelKey: 'label',
    valueKey: 'value',
    unit: '',
    rotateDegPerS: 6,
    color: '#38bdf8',
    background: '#061428',
  },
  duration: { defaultMs: 15_000, minMs: 3_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  // A feed id that is a data source's id (a slug) is one the player subscribes to; anything else names no feed.
  feeds: (props) => (props.feedId && /^[a-z0-9][a-z0-9-]{0,62}$/.test(props.feedId) ? [props.feedId] : []),
});
