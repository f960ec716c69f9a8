import type { DataTable } from '../../data-table';

/**
 * SAMPLE counts, not any service's real statistics, shaped like a complaint service's monthly report; every screen
 * showing them says "CONTOH · SAMPLE". Aggregates only: no row names a person.
 */
const row = (
  dimension: string,
  name: string,
  received: number,
  inProcess: number,
  resolved: number,
  stalled: number,
) => ({
  dimension,
  name,
  received,
  in_process: inProcess,
  resolved,
  stalled,
});

export const COMPLAINTS_SAMPLE: DataTable = {
  columns: [
    { key: 'dimension', label: 'Dimensi', type: 'text' },
    { key: 'name', label: 'Nama', type: 'text' },
    { key: 'received', label: 'Diterima', type: 'number' },
    { key: 'in_process', label: 'Diproses', type: 'number' },
    { key: 'resolved', label: 'Selesai', type: 'number' },
    { key: 'stalled', label: 'Tertunda', type: 'number' },
  ],
  rows: [
    row('total', 'Total', 1240, 212, 968, 60),
    row('topic', 'Infrastruktur jalan', 420, 80, 310, 30),
    row('topic', 'Kesehatan', 260, 40, 210, 10),
    row('topic', 'Pendidikan', 230, 35, 185, 10),
    row('topic', 'Administrasi kependudukan', 190, 32, 152, 6),
    row('topic', 'Lingkungan hidup', 140, 25, 111, 4),
    row('agency', 'Dinas Pekerjaan Umum', 420, 80, 310, 30),
    row('agency', 'Dinas Kesehatan', 260, 40, 210, 10),
    row('agency', 'Dinas Pendidikan', 230, 35, 185, 10),
    row('agency', 'Disdukcapil', 190, 32, 152, 6),
    row('agency', 'Dinas Lingkungan Hidup', 140, 25, 111, 4),
    row('district', 'Kota Makassar', 510, 90, 395, 25),
    row('district', 'Kabupaten Gowa', 240, 40, 188, 12),
    row('district', 'Kabupaten Maros', 170, 30, 132, 8),
    row('district', 'Kabupaten Bone', 180, 32, 141, 7),
    row('district', 'Kota Palopo', 140, 20, 112, 8),
  ],
};
