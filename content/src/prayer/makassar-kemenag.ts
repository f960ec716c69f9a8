/**
 * Prayer times for Kota Makassar as Kemenag (Direktorat Jenderal Bimbingan Masyarakat Islam, bimasislam.kemenag.go.id)
 * published them, copied from the pages that quoted them; each row names its page. Only the times a page gave are
 * listed. Makassar is taken at −5.14°, 119.42° (the city centre).
 */
export const MAKASSAR = { lat: -5.14, lon: 119.42 } as const;

export interface PublishedDay {
  date: string;
  source: string;
  times: Partial<Record<'imsak' | 'subuh' | 'terbit' | 'dhuha' | 'dzuhur' | 'ashar' | 'maghrib' | 'isya', string>>;
}

export const MAKASSAR_KEMENAG: readonly PublishedDay[] = [
  {
    date: '2022-08-05',
    source: 'detik.com/sulsel d-6217299 ("ditetapkan oleh Kementerian Agama RI")',
    times: {
      subuh: '04:53',
      terbit: '06:08',
      dhuha: '06:36',
      dzuhur: '12:12',
      ashar: '15:33',
      maghrib: '18:09',
      isya: '19:20',
    },
  },
  {
    date: '2022-12-05',
    source: 'detik.com/sulsel d-6442633 ("ditetapkan oleh Kementerian Agama RI")',
    times: {
      subuh: '04:19',
      terbit: '05:37',
      dhuha: '06:06',
      dzuhur: '11:56',
      ashar: '15:21',
      maghrib: '18:08',
      isya: '19:23',
    },
  },
  {
    date: '2023-03-23',
    source: 'detik.com/sulsel d-6596851 (imsakiyah by Ditjen Bimas Islam)',
    times: {
      imsak: '04:42',
      subuh: '04:52',
      terbit: '06:03',
      dhuha: '06:30',
      dzuhur: '12:13',
      ashar: '15:22',
      maghrib: '18:15',
      isya: '19:23',
    },
  },
  {
    date: '2023-08-20',
    source: 'wisata.viva.co.id berita/1877 (Kementerian Agama RI, bimasislam.kemenag.go.id)',
    times: {
      imsak: '04:41',
      subuh: '04:51',
      terbit: '06:04',
      dhuha: '06:32',
      dzuhur: '12:09',
      ashar: '15:29',
      maghrib: '18:08',
      isya: '19:18',
    },
  },
  {
    date: '2024-06-09',
    source: 'kabarmakassar.my.id 2024/06/09 ("ditetapkan oleh Kementerian Agama RI")',
    times: {
      imsak: '04:36',
      subuh: '04:46',
      terbit: '06:03',
      dhuha: '06:32',
      dzuhur: '12:05',
      ashar: '15:27',
      maghrib: '18:00',
      isya: '19:13',
    },
  },
  {
    date: '2025-03-01',
    source: 'issue #16 (Kemenag: Imsak 04.43, Subuh 04.53 WITA)',
    times: { imsak: '04:43', subuh: '04:53' },
  },
  {
    date: '2025-03-22',
    source: 'kumpulanberitaterkini.com read/28148 (Ditjen Bimas Islam)',
    times: { imsak: '04:42', subuh: '04:52', dzuhur: '12:13', ashar: '15:22', maghrib: '18:16', isya: '19:24' },
  },
  {
    date: '2025-04-01',
    source: 'detik.com/sulsel d-7851998 ("dikutip dari laman Bimas Islam Kementerian Agama RI")',
    times: {
      imsak: '04:40',
      subuh: '04:50',
      terbit: '06:01',
      dhuha: '06:29',
      dzuhur: '12:10',
      ashar: '15:23',
      maghrib: '18:11',
      isya: '19:19',
    },
  },
  {
    date: '2026-02-21',
    source: 'towa.co.id, imsakiyah Ramadan 1447 H ("data resmi dari Kementerian Agama RI")',
    times: { imsak: '04:42', subuh: '04:52', dzuhur: '12:19', ashar: '15:30', maghrib: '18:26', isya: '19:36' },
  },
  {
    date: '2026-03-01',
    source: 'towa.co.id, imsakiyah Ramadan 1447 H ("data resmi dari Kementerian Agama RI")',
    times: { imsak: '04:43', subuh: '04:53', dzuhur: '12:18', ashar: '15:23', maghrib: '18:24', isya: '19:33' },
  },
];
