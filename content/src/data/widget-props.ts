import { IsoInstant, Slug } from '@baruga/protocol';
import { z } from 'zod';
import { HexColour } from '../common-props';
import { DataTable } from '../data-table';

/** How a widget prints a value (data/format.ts). */
export const ValueFormatChoice = z.enum(['number', 'rupiah', 'percent']);

export const EMPTY_TABLE: DataTable = { columns: [{ key: 'label', label: 'Label', type: 'text' }], rows: [] };

/**
 * Props every data widget shares: a title in both languages, and its rows, from a data source's feed (`feedId`, the
 * source's id) or carried in the props (`table`, with their own `credit` and `asOf`). Rows in the props are also
 * what a widget shows before its feed's first snapshot arrives.
 */
export const widgetBase = {
  title: z.string().trim().max(160).default(''),
  titleEn: z.string().trim().max(160).optional(),
  feedId: Slug.optional(),
  table: DataTable.default(EMPTY_TABLE),
  credit: z.string().trim().max(160).optional(),
  asOf: IsoInstant.optional(),
  /** Bundled sample data: the screen labels it "CONTOH · SAMPLE". */
  sample: z.boolean().default(false),
  background: HexColour.default('#0b1f33'),
};

export const feedsOf = (props: { feedId?: string | undefined }): string[] => (props.feedId ? [props.feedId] : []);

/** The numbers of one column, row by row (text that is not a number counts as missing). */
export function numbersOf(table: DataTable, key: string): (number | null)[] {
  return table.rows.map((row) => {
    const v = row[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
}
