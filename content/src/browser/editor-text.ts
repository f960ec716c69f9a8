/**
 * The words of the content editors, in the console's language (Indonesian first, English complete). Each content
 * type's editor names its fields from here; the console's untranslated-text check reads this catalogue beside its
 * own.
 */
export type EditorLang = 'id' | 'en';

export const editorText = {
  title: { id: 'Judul', en: 'Title' },
  body: { id: 'Isi', en: 'Text' },
  titleEnglish: { id: 'Judul (bahasa Inggris)', en: 'Title (English)' },
  bodyEnglish: { id: 'Isi (bahasa Inggris)', en: 'Text (English)' },
  noTranslationHint: { id: 'Kosongkan bila tidak ada terjemahan.', en: 'Leave empty for no translation.' },
  tone: { id: 'Nada', en: 'Tone' },
  toneInfo: { id: 'Informasi', en: 'Information' },
  toneWarning: { id: 'Peringatan', en: 'Warning' },
  image: { id: 'Gambar', en: 'Picture' },
  video: { id: 'Video', en: 'Video' },
  chooseFromLibrary: { id: 'Pilih dari pustaka', en: 'Choose from the library' },
  assetDigest: { id: 'Kode berkas (SHA-256)', en: 'File code (SHA-256)' },
  fit: { id: 'Penyesuaian', en: 'Fit' },
  fitCover: { id: 'Penuhi bidang (terpotong)', en: 'Fill the area (cropped)' },
  fitContain: { id: 'Utuh (dengan bingkai)', en: 'Whole (with bars)' },
  fitFill: { id: 'Regangkan', en: 'Stretch' },
  focalX: { id: 'Titik fokus mendatar (%)', en: 'Focal point across (%)' },
  focalY: { id: 'Titik fokus tegak (%)', en: 'Focal point down (%)' },
  background: { id: 'Warna latar', en: 'Background colour' },
  altText: { id: 'Teks pengganti (untuk pembaca layar)', en: 'Alt text (for screen readers)' },
  caption: { id: 'Keterangan', en: 'Caption' },
  showDate: { id: 'Tampilkan tanggal', en: 'Show the date' },
  showSeconds: { id: 'Tampilkan detik', en: 'Show seconds' },
  muted: { id: 'Tanpa suara', en: 'Muted' },
  loop: { id: 'Ulangi', en: 'Loop' },
  streamUrl: { id: 'Alamat siaran (.m3u8)', en: 'Stream address (.m3u8)' },
  streamHint: {
    id: 'Tambahkan lewat pustaka agar alamatnya diperiksa.',
    en: 'Add it through the library to have the address checked.',
  },
  lowLatency: { id: 'Latensi rendah (LL-HLS)', en: 'Low latency (LL-HLS)' },
  pageUrl: { id: 'Alamat halaman', en: 'Page address' },
  refreshEvery: { id: 'Muat ulang tiap (detik, 0 = tidak pernah)', en: 'Reload every (seconds, 0 = never)' },
  refreshHint: { id: 'Paling cepat tiap 10 detik.', en: 'At most every 10 seconds.' },
  zoom: { id: 'Perbesaran (%)', en: 'Zoom (%)' },
  runningText: { id: 'Teks', en: 'Text' },
  speed: { id: 'Kecepatan (piksel per detik)', en: 'Speed (pixels per second)' },
  direction: { id: 'Arah', en: 'Direction' },
  directionRtl: { id: 'Ke kiri', en: 'Right to left' },
  directionLtr: { id: 'Ke kanan', en: 'Left to right' },
  separator: { id: 'Pemisah', en: 'Separator' },
  fontSize: { id: 'Ukuran huruf (% tinggi bidang)', en: 'Font size (% of the area’s height)' },
  textColour: { id: 'Warna teks', en: 'Text colour' },
  chartData: { id: 'Data (label; nilai, satu per baris)', en: 'Data (label; value, one per line)' },
  chartDataHint: { id: 'Contoh: Pendidikan; 1250,5', en: 'For example: Education; 1250.5' },
  unit: { id: 'Satuan', en: 'Unit' },
  rotation: { id: 'Putaran (derajat per detik)', en: 'Rotation (degrees per second)' },
  barColour: { id: 'Warna batang', en: 'Bar colour' },
} as const;

export type EditorTextKey = keyof typeof editorText;

export const editorWord = (lang: EditorLang, key: EditorTextKey): string => editorText[key][lang];
