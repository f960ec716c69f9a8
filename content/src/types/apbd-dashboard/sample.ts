import type { DataTable } from '../../data-table';

/**
 * SAMPLE data, not any province's real budget: round figures at the scale of a provincial APBD, so the dashboard
 * can be seen before a real source is connected. Every screen showing it says "CONTOH · SAMPLE". The parts add up
 * to each total, as a real posture must.
 */
export const APBD_SAMPLE: DataTable = {
  columns: [
    { key: 'kode', label: 'Kode', type: 'text' },
    { key: 'uraian', label: 'Uraian', type: 'text' },
    { key: 'anggaran', label: 'Anggaran', type: 'number' },
    { key: 'realisasi', label: 'Realisasi', type: 'number' },
  ],
  rows: [
    { kode: '4', uraian: 'Pendapatan Daerah', anggaran: 9_740_000_000_000, realisasi: 7_882_342_100_000 },
    { kode: '4.1', uraian: 'Pendapatan Asli Daerah', anggaran: 4_912_450_000_000, realisasi: 3_880_835_500_000 },
    { kode: '4.2', uraian: 'Pendapatan Transfer', anggaran: 4_786_320_000_000, realisasi: 3_972_645_600_000 },
    { kode: '4.3', uraian: 'Lain-lain Pendapatan yang Sah', anggaran: 41_230_000_000, realisasi: 28_861_000_000 },
    { kode: '5', uraian: 'Belanja Daerah', anggaran: 9_940_000_000_000, realisasi: 7_516_700_000_000 },
    { kode: '5.1', uraian: 'Belanja Operasi', anggaran: 6_250_000_000_000, realisasi: 4_812_500_000_000 },
    { kode: '5.2', uraian: 'Belanja Modal', anggaran: 1_480_000_000_000, realisasi: 962_000_000_000 },
    { kode: '5.3', uraian: 'Belanja Tidak Terduga', anggaran: 40_000_000_000, realisasi: 6_200_000_000 },
    { kode: '5.4', uraian: 'Belanja Transfer', anggaran: 2_170_000_000_000, realisasi: 1_736_000_000_000 },
    { kode: '6.1', uraian: 'Penerimaan Pembiayaan', anggaran: 250_000_000_000, realisasi: 250_000_000_000 },
    { kode: '6.2', uraian: 'Pengeluaran Pembiayaan', anggaran: 50_000_000_000, realisasi: 25_000_000_000 },
  ],
};
