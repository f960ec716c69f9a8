import { z } from 'zod';
import { parseLocaleNumber } from './data/numbers';

/**
 * The seam data widgets plug into: typed rows with declared columns. Open-data portals send numbers as
 * text, so numeric columns are coerced here, once, at the edge (Indonesian marks: "1.234,5"; a data source's feed
 * arrives already typed, by its own column settings).
 */
export const DataColumn = z.object({
  key: z.string().min(1).max(64),
  label: z.string().max(120),
  type: z.enum(['number', 'text', 'date']),
});
export type DataColumn = z.infer<typeof DataColumn>;

export const DataTable = z
  .object({
    columns: z.array(DataColumn).min(1).max(32),
    rows: z.array(z.record(z.string(), z.union([z.string().max(500), z.number(), z.null()]))).max(500),
  })
  .transform((table, ctx) => {
    const rows = table.rows.map((row) => {
      const out: Record<string, string | number | null> = {};
      for (const column of table.columns) {
        const value = row[column.key] ?? null;
        if (column.type === 'number' && typeof value === 'string') {
          const n = parseLocaleNumber(value, 'id');
          if (n === null) {
            ctx.addIssue({ code: 'custom', message: `column ${column.key}: "${value}" is not a number` });
            return out;
          }
          out[column.key] = n;
        } else out[column.key] = value;
      }
      return out;
    });
    return { columns: table.columns, rows };
  });
export type DataTable = z.output<typeof DataTable>;
