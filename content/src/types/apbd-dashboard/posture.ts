import type { DataTable } from '../../data-table';

/**
 * The APBD's posture (Permendagri 77/2020 structure): revenue (4), spending (5) and financing (6.1 received, 6.2
 * paid out), each with its budget (`anggaran`) and what was realised (`realisasi`). A total is shown only when its
 * parts add up to it: a dashboard that prints a total its own rows contradict misleads every visitor who adds.
 */

export interface PostureFigure {
  anggaran: number | null;
  realisasi: number | null;
  /** Why this figure is withheld (its parts do not add up, or a row is missing); null when it is shown. */
  problem: string | null;
}

export interface Posture {
  pendapatan: PostureFigure;
  belanja: PostureFigure;
  surplus: PostureFigure;
  pembiayaanNetto: PostureFigure;
  silpa: PostureFigure;
  /** Each component (4.1, 5.2, …) with its realisation share, for the bars. */
  components: { kode: string; uraian: string; anggaran: number; realisasi: number; percent: number | null }[];
  problems: string[];
}

interface Line {
  kode: string;
  uraian: string;
  anggaran: number | null;
  realisasi: number | null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function linesOf(table: DataTable): Map<string, Line> {
  const lines = new Map<string, Line>();
  for (const row of table.rows) {
    const kode = String(row.kode ?? '').trim();
    if (!kode) continue;
    lines.set(kode, {
      kode,
      uraian: String(row.uraian ?? kode),
      anggaran: num(row.anggaran),
      realisasi: num(row.realisasi),
    });
  }
  return lines;
}

/** Amounts are whole Rupiah, or rounded units: each part may be half a unit off, so n parts may miss by n/2. */
const adds = (total: number, parts: number[]) => Math.abs(parts.reduce((a, b) => a + b, 0) - total) <= parts.length / 2;

type Measure = 'anggaran' | 'realisasi';
const MEASURES: readonly Measure[] = ['anggaran', 'realisasi'];

/** A total (4 or 5) checked against its parts (4.x, 5.x) for both budget and realisation. */
function total(lines: Map<string, Line>, kode: string, name: string): PostureFigure {
  const line = lines.get(kode);
  const parts = [...lines.values()].filter(
    (l) => l.kode.startsWith(`${kode}.`) && !l.kode.slice(kode.length + 1).includes('.'),
  );
  if (!line) {
    if (parts.length === 0) return { anggaran: null, realisasi: null, problem: `${name}: baris ${kode} tidak ada` };
    // No total row: the total is the sum of its parts, which cannot disagree with them.
    const sum = (m: Measure) => parts.reduce((a, p) => a + (p[m] ?? 0), 0);
    return { anggaran: sum('anggaran'), realisasi: sum('realisasi'), problem: null };
  }
  for (const m of MEASURES) {
    const value = line[m];
    if (value === null) return { anggaran: null, realisasi: null, problem: `${name}: ${m} kosong` };
    const values = parts.map((p) => p[m]);
    if (parts.length > 0 && (values.includes(null) || !adds(value, values as number[]))) {
      return {
        anggaran: null,
        realisasi: null,
        problem: `${name}: ${m} ${kode} tidak sama dengan jumlah rinciannya`,
      };
    }
  }
  return { anggaran: line.anggaran, realisasi: line.realisasi, problem: null };
}

function derived(
  a: PostureFigure,
  b: PostureFigure,
  op: (x: number, y: number) => number,
  name: string,
): PostureFigure {
  if (a.problem || b.problem)
    return { anggaran: null, realisasi: null, problem: `${name}: dihitung dari angka yang tidak sesuai` };
  const at = (m: Measure) => (a[m] === null || b[m] === null ? null : op(a[m] as number, b[m] as number));
  return { anggaran: at('anggaran'), realisasi: at('realisasi'), problem: null };
}

export function posture(table: DataTable): Posture {
  const lines = linesOf(table);
  const pendapatan = total(lines, '4', 'Pendapatan');
  const belanja = total(lines, '5', 'Belanja');
  const received = lines.get('6.1');
  const paid = lines.get('6.2');
  const figure = (l: Line | undefined): PostureFigure =>
    l ? { anggaran: l.anggaran, realisasi: l.realisasi, problem: null } : { anggaran: 0, realisasi: 0, problem: null };
  let pembiayaanNetto = derived(figure(received), figure(paid), (x, y) => x - y, 'Pembiayaan netto');
  const stated = lines.get('6');
  if (stated && !pembiayaanNetto.problem) {
    for (const m of MEASURES) {
      const v = stated[m];
      const n = pembiayaanNetto[m];
      if (v !== null && n !== null && !adds(v, [n])) {
        pembiayaanNetto = { anggaran: null, realisasi: null, problem: `Pembiayaan netto: ${m} 6 ≠ 6.1 − 6.2` };
        break;
      }
    }
  }
  const surplus = derived(pendapatan, belanja, (x, y) => x - y, 'Surplus/defisit');
  const silpa = derived(surplus, pembiayaanNetto, (x, y) => x + y, 'SILPA');
  const components = [...lines.values()]
    .filter((l) => /^[45]\.\d+$/.test(l.kode) && l.anggaran !== null && l.realisasi !== null)
    .map((l) => ({
      kode: l.kode,
      uraian: l.uraian,
      anggaran: l.anggaran as number,
      realisasi: l.realisasi as number,
      percent: l.anggaran ? ((l.realisasi as number) / (l.anggaran as number)) * 100 : null,
    }));
  const problems = [pendapatan, belanja, pembiayaanNetto].map((f) => f.problem).filter((p): p is string => p !== null);
  return { pendapatan, belanja, surplus, pembiayaanNetto, silpa, components, problems };
}
