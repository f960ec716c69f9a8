import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../data-table';
import { posture } from './posture';
import { APBD_SAMPLE } from './sample';

const edit = (kode: string, change: Record<string, number>): DataTable => ({
  ...APBD_SAMPLE,
  rows: APBD_SAMPLE.rows.map((r) => (r.kode === kode ? { ...r, ...change } : r)),
});

describe('APBD posture', () => {
  it('adds up the sample: revenue, spending, deficit, net financing, SILPA', () => {
    const p = posture(APBD_SAMPLE);
    expect(p.problems).toEqual([]);
    expect(p.pendapatan).toMatchObject({ anggaran: 9.74e12, realisasi: 7_882_342_100_000 });
    expect(p.surplus.anggaran).toBe(-200e9);
    expect(p.pembiayaanNetto.anggaran).toBe(200e9);
    expect(p.silpa.anggaran).toBe(0);
    expect(p.components.find((c) => c.kode === '5.2')?.percent).toBeCloseTo(65, 5);
  });

  it('withholds a total whose parts do not add up, and everything computed from it', () => {
    const p = posture(edit('4.2', { anggaran: 4_786_320_000_001 + 1_000_000 }));
    expect(p.pendapatan).toEqual({ anggaran: null, realisasi: null, problem: expect.stringMatching(/Pendapatan/) });
    expect(p.surplus.problem).toMatch(/tidak sesuai/);
    expect(p.silpa.anggaran).toBeNull();
    expect(p.belanja.problem).toBeNull();
    expect(p.problems).toHaveLength(1);
  });

  it('checks realisation as well as the budget, and a stated net financing against 6.1 − 6.2', () => {
    expect(posture(edit('5', { realisasi: 7_516_700_000_000 - 5 })).belanja.problem).toMatch(/realisasi/);
    const stated: DataTable = {
      ...APBD_SAMPLE,
      rows: [...APBD_SAMPLE.rows, { kode: '6', uraian: 'Pembiayaan Netto', anggaran: 150e9, realisasi: 225e9 }],
    };
    expect(posture(stated).pembiayaanNetto.problem).toMatch(/6\.1/);
  });

  it('takes rounding of one unit per part, and a missing total as the sum of its parts', () => {
    expect(posture(edit('4', { anggaran: 9.74e12 + 1 })).pendapatan.problem).toBeNull();
    const noTotals: DataTable = { ...APBD_SAMPLE, rows: APBD_SAMPLE.rows.filter((r) => r.kode !== '4') };
    expect(posture(noTotals).pendapatan.anggaran).toBe(9.74e12);
  });
});
