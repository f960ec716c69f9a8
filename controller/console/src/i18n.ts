import { createContext, useContext } from 'react';

/** Console texts: Indonesian by default, English available from the header. */
export const dictionary = {
  appTitle: { id: 'Baruga · Konsol Operator', en: 'Baruga · Operator Console' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  badCredentials: { id: 'Nama pengguna atau kata sandi salah', en: 'Wrong username or password' },
  screens: { id: 'Layar', en: 'Screens' },
  online: { id: 'Terhubung', en: 'Online' },
  offline: { id: 'Tidak terhubung', en: 'Offline' },
  published: { id: 'Versi terbit', en: 'Published version' },
  notPublished: { id: 'Belum terbit', en: 'Not published' },
  wall: { id: 'Dinding video', en: 'Video wall' },
  standalone: { id: 'Layar tunggal', en: 'Single screens' },
  loop: { id: 'Daftar putar', en: 'Loop' },
  emptyLoop: { id: 'Belum ada konten', en: 'No content yet' },
  remove: { id: 'Hapus', en: 'Remove' },
  seconds: { id: 'detik', en: 'seconds' },
  writeAnnouncement: { id: 'Tulis pengumuman', en: 'Write an announcement' },
  title: { id: 'Judul', en: 'Title' },
  body: { id: 'Isi pengumuman', en: 'Announcement text' },
  titleEn: { id: 'Judul (Inggris, opsional)', en: 'Title (English, optional)' },
  bodyEn: { id: 'Isi (Inggris, opsional)', en: 'Text (English, optional)' },
  duration: { id: 'Durasi (detik)', en: 'Duration (seconds)' },
  warningTone: { id: 'Tampilkan sebagai peringatan', en: 'Show as a warning' },
  addAndPublish: { id: 'Tambah & terbitkan', en: 'Add & publish' },
  publish: { id: 'Terbitkan', en: 'Publish' },
  publishedOk: { id: 'Terbit sebagai versi', en: 'Published as version' },
  openPlayer: { id: 'Buka pemutar', en: 'Open player' },
  selectScreen: { id: 'Pilih layar di sebelah kiri', en: 'Pick a screen on the left' },
  sample: { id: 'contoh', en: 'sample' },
  lastSeen: { id: 'Terakhir terlihat', en: 'Last seen' },
} as const;

export type Lang = 'id' | 'en';
export type TextKey = keyof typeof dictionary;

export const LangContext = createContext<Lang>('id');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): (key: TextKey) => string {
  const lang = useContext(LangContext);
  return (key) => dictionary[key][lang];
}
