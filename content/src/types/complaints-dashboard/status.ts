import type { DataTable } from '../../data-table';

/**
 * Public-complaint statistics (aggregates only): per row, a `dimension` (total, topic, agency, district), its `name`,
 * and counts `received`, `in_process`, `resolved`, `stalled`. Judged red, amber or green against the service-level
 * targets the operator sets.
 */

export const COMPLAINT_COLUMNS = ['dimension', 'name', 'received', 'in_process', 'resolved', 'stalled'] as const;
export type Dimension = 'total' | 'topic' | 'agency' | 'district';

/**
 * Column names that carry a person (a reporter's name, ID number, contact or address): a complaints feed with any of
 * them is refused whole, so no personal data can reach a public screen through this widget.
 */
export const PERSONAL_COLUMN =
  /(^|[_\s-])(nik|ktp|nama[_\s-]?pelapor|pelapor|reporter|email|e-mail|telepon|telp|phone|hp|whatsapp|wa|alamat|address|nomor[_\s-]?identitas)($|[_\s-])/i;

export function personalColumns(table: DataTable): string[] {
  return table.columns
    .flatMap((c) => [c.key, c.label])
    .filter((name, i, all) => PERSONAL_COLUMN.test(name) && all.indexOf(name) === i);
}

export interface Targets {
  /** Green needs at least this share resolved… */
  resolvedPct: number;
  /** …and amber at least this; below it is red. */
  amberPct: number;
  /** More than this share stalled is at best amber, more than twice it red. */
  stalledPct: number;
}

export type Rag = 'green' | 'amber' | 'red';

export interface ComplaintLine {
  dimension: Dimension;
  name: string;
  received: number;
  inProcess: number;
  resolved: number;
  stalled: number;
  resolvedPct: number | null;
  stalledPct: number | null;
  rag: Rag | null;
}

export function ragOf(resolvedPct: number | null, stalledPct: number | null, t: Targets): Rag | null {
  if (resolvedPct === null || stalledPct === null) return null;
  if (resolvedPct < t.amberPct || stalledPct > 2 * t.stalledPct) return 'red';
  if (resolvedPct < t.resolvedPct || stalledPct > t.stalledPct) return 'amber';
  return 'green';
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
const DIMENSIONS: readonly Dimension[] = ['total', 'topic', 'agency', 'district'];

export function complaintLines(table: DataTable, t: Targets): ComplaintLine[] {
  return table.rows.flatMap((row) => {
    const dimension = String(row.dimension ?? '') as Dimension;
    if (!DIMENSIONS.includes(dimension)) return [];
    const received = count(row.received);
    const resolved = count(row.resolved);
    const stalled = count(row.stalled);
    const resolvedPct = received > 0 ? (resolved / received) * 100 : null;
    const stalledPct = received > 0 ? (stalled / received) * 100 : null;
    return [
      {
        dimension,
        name: String(row.name ?? ''),
        received,
        inProcess: count(row.in_process),
        resolved,
        stalled,
        resolvedPct,
        stalledPct,
        rag: ragOf(resolvedPct, stalledPct, t),
      },
    ];
  });
}

/** The totals: the `total` row when there is one, else the sum of the agencies' rows. */
export function totalsOf(lines: readonly ComplaintLine[], t: Targets): ComplaintLine {
  const stated = lines.find((l) => l.dimension === 'total');
  if (stated) return stated;
  const parts = lines.filter((l) => l.dimension === 'agency');
  const sum = (k: 'received' | 'inProcess' | 'resolved' | 'stalled') => parts.reduce((a, l) => a + l[k], 0);
  const received = sum('received');
  const resolvedPct = received > 0 ? (sum('resolved') / received) * 100 : null;
  const stalledPct = received > 0 ? (sum('stalled') / received) * 100 : null;
  return {
    dimension: 'total',
    name: 'Total',
    received,
    inProcess: sum('inProcess'),
    resolved: sum('resolved'),
    stalled: sum('stalled'),
    resolvedPct,
    stalledPct,
    rag: ragOf(resolvedPct, stalledPct, t),
  };
}
