import { ColumnKey } from '@baruga/protocol';
import { z } from 'zod';
import { defineContentType } from '../../content-type';
import type { DataTable } from '../../data-table';
import { EMPTY_TABLE, ValueFormatChoice, feedsOf, numbersOf, widgetBase } from '../../data/widget-props';

/** One tile: a figure from a column (the first row, a matching row, or the column's sum), with an optional target. */
export const KpiTile = z.object({
  label: z.string().trim().min(1).max(80),
  labelEn: z.string().trim().max(80).optional(),
  column: ColumnKey,
  aggregate: z.enum(['first', 'last', 'sum', 'max', 'min']).default('first'),
  /** Take the row whose `key` column equals `equals` (e.g. kode = "4"). */
  where: z.object({ key: ColumnKey, equals: z.string().max(200) }).optional(),
  format: ValueFormatChoice.default('number'),
  decimals: z.int().min(0).max(4).optional(),
  /** A second column read the same way: the tile shows the figure as a share of it ("87,5% dari target"). */
  targetColumn: ColumnKey.optional(),
});
export type KpiTile = z.infer<typeof KpiTile>;

/** KPI tiles: a few figures large, as visitors read them from across the lounge. */
export const KpiProps = z.object({
  ...widgetBase,
  tiles: z.array(KpiTile).min(1).max(8),
  accent: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#38bdf8'),
});
export type KpiProps = z.output<typeof KpiProps>;

/** The figure a tile shows, or null when its rows do not have it. */
export function tileValue(table: DataTable, tile: Pick<KpiTile, 'aggregate' | 'where'>, column: string): number | null {
  const rows = tile.where
    ? { ...table, rows: table.rows.filter((r) => String(r[tile.where?.key ?? ''] ?? '') === tile.where?.equals) }
    : table;
  const values = numbersOf(rows, column);
  const present = values.filter((v): v is number => v !== null);
  switch (tile.aggregate) {
    case 'first':
      return values[0] ?? null;
    case 'last':
      return values.at(-1) ?? null;
    case 'sum':
      return present.length ? present.reduce((a, b) => a + b, 0) : null;
    case 'max':
      return present.length ? Math.max(...present) : null;
    case 'min':
      return present.length ? Math.min(...present) : null;
  }
}

export const kpiType = defineContentType<KpiProps>({
  id: 'kpi',
  version: 1,
  label: { id: 'Angka kunci (KPI)', en: 'KPI tiles' },
  props: KpiProps,
  defaults: {
    title: '',
    table: EMPTY_TABLE,
    sample: false,
    background: '#0b1f33',
    accent: '#38bdf8',
    tiles: [{ label: 'Nilai', column: 'value', aggregate: 'first', format: 'number' }],
  },
  duration: { defaultMs: 15_000, minMs: 3_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  feeds: feedsOf,
});
