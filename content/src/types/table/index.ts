import { ColumnKey } from '@baruga/protocol';
import { z } from 'zod';
import { defineContentType } from '../../content-type';
import { EMPTY_TABLE, ValueFormatChoice, feedsOf, widgetBase } from '../../data/widget-props';

export const TableColumn = z.object({
  key: ColumnKey,
  label: z.string().trim().max(80).optional(),
  labelEn: z.string().trim().max(80).optional(),
  /** Numbers are printed in this format; `text` prints the value as it is. */
  format: z.union([ValueFormatChoice, z.literal('text')]).default('text'),
});

/** A table of rows, a page at a time: pages turn on the shared clock, so every tile of a wall turns together. */
export const TableProps = z.object({
  ...widgetBase,
  /** Empty: the first six columns of the data. */
  columns: z.array(TableColumn).max(8).default([]),
  rowsPerPage: z.int().min(1).max(30).default(10),
  pageSeconds: z.int().min(3).max(120).default(10),
});
export type TableProps = z.output<typeof TableProps>;

/** Which page shows at an instant: a pure function of the clock, never of when the view mounted. */
export function pageAt(nowMs: number, pages: number, pageSeconds: number): number {
  if (pages <= 1) return 0;
  return Math.floor(nowMs / (pageSeconds * 1000)) % pages;
}

export const tableType = defineContentType<TableProps>({
  id: 'table',
  version: 1,
  label: { id: 'Tabel data', en: 'Data table' },
  props: TableProps,
  defaults: {
    title: '',
    table: EMPTY_TABLE,
    sample: false,
    background: '#0b1f33',
    columns: [],
    rowsPerPage: 10,
    pageSeconds: 10,
  },
  duration: { defaultMs: 20_000, minMs: 3_000, maxMs: 3_600_000 },
  migrations: {},
  assets: () => [],
  feeds: feedsOf,
});
