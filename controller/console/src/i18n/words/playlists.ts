/** Playlists: items in order, each edited with its content type's own form. */
export const playlistWords = {
  playlistsTitle: { id: 'Daftar putar', en: 'Playlists' },
  newPlaylist: { id: 'Daftar putar baru', en: 'New playlist' },
  noPlaylists: {
    id: 'Belum ada daftar putar. Buat satu, isi dengan gambar, video atau teks, lalu jadwalkan.',
    en: 'No playlists yet. Make one, fill it with pictures, videos or text, then schedule it.',
  },
  playlistSummary: { id: '{n} konten · satu putaran {duration}', en: '{n} items · one pass {duration}' },
  editPlaylist: { id: 'Ubah daftar putar', en: 'Edit playlist' },
  playlistName: { id: 'Nama daftar putar', en: 'Playlist name' },
  playlistItems: { id: 'Isi daftar putar', en: 'Playlist items' },
  playlistEmpty: {
    id: 'Daftar putar ini masih kosong. Tambahkan konten di bawah.',
    en: 'This playlist is empty. Add items below.',
  },
  orderHint: {
    id: 'Seret baris untuk mengubah urutan, atau pakai tombol Naikkan dan Turunkan.',
    en: 'Drag a row to reorder, or use the Move up and Move down buttons.',
  },
  itemDuration: { id: 'Durasi {item} (detik)', en: 'Duration of {item} (seconds)' },
  addItem: { id: 'Tambah konten', en: 'Add an item' },
  addItemType: { id: 'Jenis konten', en: 'Kind of item' },
  editItem: { id: 'Ubah konten', en: 'Edit item' },
  itemEditorTitle: { id: 'Konten: {type}', en: 'Item: {type}' },
  applyItem: { id: 'Pakai', en: 'Apply' },
  itemInvalid: { id: 'Isian konten ini belum lengkap atau tidak sesuai.', en: 'This item is incomplete or not right.' },
  removeItem: { id: 'Keluarkan', en: 'Remove' },
  savePlaylist: { id: 'Simpan daftar putar', en: 'Save playlist' },
  playlistSaved: { id: 'Daftar putar tersimpan.', en: 'Playlist saved.' },
  unsavedChanges: { id: 'Ada perubahan yang belum disimpan.', en: 'There are unsaved changes.' },
  deletePlaylist: { id: 'Hapus daftar putar', en: 'Delete playlist' },
  confirmDeletePlaylist: {
    id: 'Daftar putar “{name}” dihapus. Ini tidak dapat dibatalkan.',
    en: 'The playlist “{name}” is deleted. This cannot be undone.',
  },
  previewOnScreen: { id: 'Ukuran pratinjau', en: 'Preview size' },
  positionOf: { id: 'Urutan {n}', en: 'Position {n}' },
  backToPlaylists: { id: 'Kembali ke daftar putar', en: 'Back to playlists' },
  transitionsNote: {
    id: 'Perpindahan (potong, pudar, geser) diatur per zona di tata letak.',
    en: 'Transitions (cut, fade, slide) are set per zone in a layout.',
  },
} as const;
