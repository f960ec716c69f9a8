/**
 * The API's stable error codes as sentences a person can act on (protocol/src/errors.ts). Keys are the codes; the
 * console shows the sentence, with the code in small print for support.
 */
export const errorWords = {
  BARUGA_ERR_VALIDATION: {
    id: 'Ada isian yang tidak sesuai. Periksa kolom yang ditandai lalu coba lagi.',
    en: 'Something in the form is not right. Check the marked fields and try again.',
  },
  BARUGA_ERR_MALFORMED_JSON: {
    id: 'Pengendali tidak memahami permintaan ini. Muat ulang halaman lalu coba lagi.',
    en: 'The controller could not read this request. Reload the page and try again.',
  },
  BARUGA_ERR_PAYLOAD_TOO_LARGE: {
    id: 'Isian atau berkas ini terlalu besar.',
    en: 'This form or file is too large.',
  },
  BARUGA_ERR_UNSUPPORTED_MEDIA_TYPE: {
    id: 'Pengendali tidak menerima jenis kiriman ini.',
    en: 'The controller does not take this kind of upload.',
  },
  BARUGA_ERR_UNAUTHORIZED: {
    id: 'Sesi Anda berakhir. Masuk lagi untuk melanjutkan.',
    en: 'Your session has ended. Sign in again to go on.',
  },
  BARUGA_ERR_BAD_CREDENTIALS: {
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong username or password.',
  },
  BARUGA_ERR_NOT_FOUND: {
    id: 'Yang dicari tidak ada (atau belum pernah diterbitkan).',
    en: 'What you asked for does not exist (or was never published).',
  },
  BARUGA_ERR_SCREEN_NOT_FOUND: {
    id: 'Layar itu tidak ada lagi. Muat ulang daftar layar.',
    en: 'That screen no longer exists. Reload the list of screens.',
  },
  BARUGA_ERR_ITEM_NOT_FOUND: {
    id: 'Konten itu sudah tidak ada di daftar ini.',
    en: 'That item is no longer in this list.',
  },
  BARUGA_ERR_SCREEN_EXISTS: { id: 'Sudah ada layar dengan kode itu.', en: 'A screen with that id already exists.' },
  BARUGA_ERR_UNKNOWN_CONTENT_TYPE: {
    id: 'Jenis konten ini tidak dikenal pengendali.',
    en: 'The controller does not know this kind of content.',
  },
  BARUGA_ERR_INVALID_PROPS: {
    id: 'Isi konten ini tidak sesuai (misalnya teks terlalu panjang). Periksa isiannya.',
    en: 'This item’s content is not right (for example a text that is too long). Check what you entered.',
  },
  BARUGA_ERR_ASSET_NOT_FOUND: {
    id: 'Berkas yang dipakai konten ini tidak ada di pustaka. Pilih berkas lain.',
    en: 'The file this item uses is not in the library. Pick another file.',
  },
  BARUGA_ERR_UNKNOWN_TIMEZONE: { id: 'Zona waktu itu tidak dikenal.', en: 'That time zone is not known.' },
  BARUGA_ERR_BROKER_UNAVAILABLE: {
    id: 'Pengendali tidak dapat menjangkau pemutar saat ini. Coba lagi sebentar lagi.',
    en: 'The controller cannot reach the players right now. Try again in a moment.',
  },
  BARUGA_ERR_INVALID_RRULE: {
    id: 'Aturan pengulangan ini tidak dapat dipakai. Pilih pengulangan lain.',
    en: 'This repeat rule cannot be used. Pick another repeat.',
  },
  BARUGA_ERR_INVALID_WINDOW: {
    id: 'Waktu selesai harus sesudah waktu mulai, dan belum lewat.',
    en: 'The end must come after the start, and must not have passed.',
  },
  BARUGA_ERR_INVALID_RANGE: {
    id: 'Rentang waktu ini tidak dapat ditampilkan (paling lama 31 hari).',
    en: 'This period cannot be shown (31 days at most).',
  },
  BARUGA_ERR_EVENT_NOT_FOUND: { id: 'Acara itu sudah tidak ada.', en: 'That event no longer exists.' },
  BARUGA_ERR_PLAYLIST_NOT_FOUND: {
    id: 'Daftar putar atau tata letak itu tidak ada. Pilih yang lain.',
    en: 'That playlist or layout does not exist. Pick another.',
  },
  BARUGA_ERR_PLAYLIST_EXISTS: {
    id: 'Nama ini sudah dipakai daftar putar atau tata letak lain. Pilih nama lain.',
    en: 'Another playlist or layout already uses this name. Pick another name.',
  },
  BARUGA_ERR_PLAYLIST_IN_USE: {
    id: 'Daftar putar ini masih dijadwalkan. Hapus acaranya dulu.',
    en: 'This playlist is still scheduled. Delete its events first.',
  },
  BARUGA_ERR_LAYOUT_NOT_FOUND: { id: 'Tata letak itu tidak ada.', en: 'That layout does not exist.' },
  BARUGA_ERR_LAYOUT_EXISTS: {
    id: 'Nama ini sudah dipakai tata letak atau daftar putar lain. Pilih nama lain.',
    en: 'Another layout or playlist already uses this name. Pick another name.',
  },
  BARUGA_ERR_LAYOUT_IN_USE: {
    id: 'Tata letak ini masih dijadwalkan. Hapus acaranya dulu.',
    en: 'This layout is still scheduled. Delete its events first.',
  },
  BARUGA_ERR_DAYPART_NOT_FOUND: { id: 'Bagian hari itu tidak ada.', en: 'That daypart does not exist.' },
  BARUGA_ERR_DAYPART_EXISTS: { id: 'Sudah ada bagian hari dengan nama itu.', en: 'A daypart with that name exists.' },
  BARUGA_ERR_DAYPART_IN_USE: {
    id: 'Bagian hari ini masih dipakai acara. Ubah acaranya dulu.',
    en: 'Events still use this daypart. Change them first.',
  },
  BARUGA_ERR_WALL_NOT_FOUND: { id: 'Dinding video itu tidak ada.', en: 'That video wall does not exist.' },
  BARUGA_ERR_WALL_EXISTS: { id: 'Sudah ada dinding dengan kode itu.', en: 'A wall with that id already exists.' },
  BARUGA_ERR_WALL_IN_USE: {
    id: 'Dinding ini masih dijadwalkan. Ubah atau hapus acaranya dulu.',
    en: 'This wall is still scheduled. Change or delete its events first.',
  },
  BARUGA_ERR_WALL_TILE_MISMATCH: {
    id: 'Ukuran piksel layar itu tidak sama dengan panel ubinnya.',
    en: "That screen's pixel size does not match its tile's panel.",
  },
  BARUGA_ERR_SCREEN_ON_OTHER_WALL: {
    id: 'Layar itu sudah menjadi ubin dinding lain.',
    en: 'That screen is already a tile of another wall.',
  },
  BARUGA_ERR_ANNOUNCEMENT_NOT_FOUND: {
    id: 'Pengumuman itu sudah tidak ada.',
    en: 'That announcement no longer exists.',
  },
  BARUGA_ERR_UPLOAD_MISSING_FILE: { id: 'Tidak ada berkas yang terkirim.', en: 'No file was sent.' },
  BARUGA_ERR_EMPTY_FILE: { id: 'Berkas ini kosong.', en: 'This file is empty.' },
  BARUGA_ERR_BAD_FILE_NAME: {
    id: 'Nama berkas ini memuat karakter yang tidak boleh. Ganti namanya lalu unggah lagi.',
    en: 'This file’s name has characters that are not allowed. Rename it and upload again.',
  },
  BARUGA_ERR_UNSUPPORTED_FILE_TYPE: {
    id: 'Jenis berkas ini tidak didukung. Unggah gambar (JPEG, PNG, WebP…) atau video (MP4, WebM).',
    en: 'This kind of file is not supported. Upload a picture (JPEG, PNG, WebP…) or a video (MP4, WebM).',
  },
  BARUGA_ERR_FILE_TYPE_MISMATCH: {
    id: 'Isi berkas tidak sesuai dengan akhiran namanya.',
    en: 'The file’s content does not match its name’s extension.',
  },
  BARUGA_ERR_CORRUPT_FILE: { id: 'Berkas ini rusak atau terpotong.', en: 'This file is damaged or cut short.' },
  BARUGA_ERR_PIXEL_LIMIT: {
    id: 'Gambar atau video ini terlalu besar ukurannya.',
    en: 'This picture or video is too large in pixels.',
  },
  BARUGA_ERR_UNSUPPORTED_CODEC: {
    id: 'Pemutar tidak dapat memutar video ini. Ekspor ulang sebagai MP4 (H.264).',
    en: 'The players cannot play this video. Export it again as MP4 (H.264).',
  },
  BARUGA_ERR_UPLOAD_IN_PROGRESS: {
    id: 'Berkas ini sedang diunggah.',
    en: 'This file is being uploaded already.',
  },
  BARUGA_ERR_UPLOAD_NOT_FOUND: { id: 'Unggahan itu tidak ditemukan.', en: 'That upload was not found.' },
  BARUGA_ERR_CONTENT_NOT_FOUND: {
    id: 'Berkas itu sudah tidak ada di pustaka.',
    en: 'That file is no longer in the library.',
  },
  BARUGA_ERR_CONTENT_IN_USE: {
    id: 'Berkas ini masih dipakai, jadi tidak dihapus.',
    en: 'This file is still in use, so it was not deleted.',
  },
  BARUGA_ERR_STREAM_UNREACHABLE: {
    id: 'Alamat siaran tidak menjawab.',
    en: 'The stream’s address does not answer.',
  },
  BARUGA_ERR_NOT_A_PLAYLIST: { id: 'Alamat itu bukan siaran HLS.', en: 'That address is not an HLS stream.' },
  BARUGA_ERR_RENDITION_FAILED: {
    id: 'Gambar untuk layar ini tidak dapat dibuat.',
    en: 'The picture for this screen could not be made.',
  },
  BARUGA_ERR_PAIRING_CODE_UNKNOWN: {
    id: 'Tidak ada pemutar yang menampilkan kode itu. Periksa kode di layar pemutar; kode berganti setiap jam.',
    en: 'No player shows that code. Check the code on the player’s screen; codes change every hour.',
  },
  BARUGA_ERR_TOO_MANY_PENDING: {
    id: 'Terlalu banyak pemutar menunggu dipasangkan.',
    en: 'Too many players are waiting to be paired.',
  },
  BARUGA_ERR_PLAYER_NOT_FOUND: { id: 'Pemutar itu tidak ada.', en: 'That player does not exist.' },
  BARUGA_ERR_PLAYER_REVOKED: { id: 'Pemutar itu sudah dicabut.', en: 'That player was revoked.' },
  BARUGA_ERR_PLAYER_NOT_ACTIVE: {
    id: 'Pemutar itu belum dipasangkan.',
    en: 'That player is not paired yet.',
  },
  BARUGA_ERR_COMMAND_NOT_FOUND: { id: 'Perintah itu tidak ada.', en: 'That command does not exist.' },
  BARUGA_ERR_COMMAND_CLOSED: { id: 'Perintah itu sudah dijawab.', en: 'That command was already answered.' },
  BARUGA_ERR_COMMAND_EXPIRED: {
    id: 'Tidak ada pemutar yang menjawab sebelum waktunya habis.',
    en: 'No player answered before the time ran out.',
  },
  BARUGA_ERR_COMMAND_UNSUPPORTED: {
    id: 'Pemutar ini (tab peramban) tidak dapat melakukannya; perlu aplikasi pemutar Baruga.',
    en: 'This player (a browser tab) cannot do that; it needs the Baruga player app.',
  },
  BARUGA_ERR_COMMAND_FAILED: { id: 'Pemutar mencoba tetapi gagal.', en: 'The player tried and failed.' },
  BARUGA_ERR_MANIFEST_INVALID: {
    id: 'Pemutar menolak jadwal yang rusak.',
    en: 'The player refused a broken schedule.',
  },
  BARUGA_ERR_MANIFEST_SIGNATURE: {
    id: 'Pemutar menolak jadwal dengan tanda tangan tidak sah.',
    en: 'The player refused a schedule with a bad signature.',
  },
  BARUGA_ERR_MANIFEST_UNKNOWN_KEY: {
    id: 'Pemutar menolak jadwal yang ditandatangani kunci lain.',
    en: 'The player refused a schedule signed with another key.',
  },
  BARUGA_ERR_MANIFEST_WRONG_SCREEN: {
    id: 'Pemutar menerima jadwal layar lain.',
    en: 'The player received another screen’s schedule.',
  },
  BARUGA_ERR_MANIFEST_ROLLBACK: {
    id: 'Pemutar menolak versi jadwal yang lebih lama.',
    en: 'The player refused an older schedule version.',
  },
  BARUGA_ERR_MANIFEST_REPLAY: {
    id: 'Pemutar menolak jadwal yang diputar ulang.',
    en: 'The player refused a replayed schedule.',
  },
  BARUGA_ERR_MANIFEST_EXPIRED: {
    id: 'Pemutar menerima jadwal yang sudah kedaluwarsa.',
    en: 'The player received an expired schedule.',
  },
  BARUGA_ERR_ASSET_HASH_MISMATCH: {
    id: 'Pemutar menerima berkas yang tidak utuh; jadwal baru belum dipakai.',
    en: 'The player received a damaged file; the new schedule is not in use yet.',
  },
  BARUGA_ERR_ASSET_DOWNLOAD: {
    id: 'Pemutar gagal mengunduh berkas; ia mencoba lagi.',
    en: 'The player could not download a file; it keeps trying.',
  },
  BARUGA_ERR_CACHE_FULL: {
    id: 'Penyimpanan pemutar penuh.',
    en: 'The player’s storage is full.',
  },
  BARUGA_ERR_INSECURE_CONTEXT: {
    id: 'Pemutar dibuka lewat alamat yang tidak aman; ia tidak dapat memeriksa apa pun.',
    en: 'The player was opened on an insecure address; it cannot check anything.',
  },
  BARUGA_ERR_INTERNAL: {
    id: 'Terjadi kesalahan di pengendali. Coba lagi; bila berulang, hubungi petugas teknis.',
    en: 'The controller ran into an error. Try again; if it happens again, call technical support.',
  },
  errorUnknown: {
    id: 'Terjadi kesalahan yang tidak dikenal. Coba lagi; bila berulang, hubungi petugas teknis.',
    en: 'An unknown error happened. Try again; if it happens again, call technical support.',
  },
  errorOffline: {
    id: 'Pengendali tidak dapat dihubungi. Periksa jaringan lalu coba lagi.',
    en: 'The controller cannot be reached. Check the network and try again.',
  },
  BARUGA_ERR_UNSAFE_TEXT: {
    id: 'Nama itu berisi karakter kendali, baris baru, atau tanda arah teks. Ketik ulang tanpa karakter itu.',
    en: 'That name contains control characters, line breaks or text-direction marks. Type it again without them.',
  },
  BARUGA_ERR_FORBIDDEN: {
    id: 'Akun Anda tidak boleh melakukan ini. Minta bantuan admin.',
    en: 'Your account may not do this. Ask an admin.',
  },
  BARUGA_ERR_URI_TOO_LONG: {
    id: 'Permintaan terlalu panjang. Persempit pilihan Anda.',
    en: 'The request is too long. Narrow your choice.',
  },
  BARUGA_ERR_HEADERS_TOO_LARGE: {
    id: 'Permintaan membawa data tambahan terlalu besar. Muat ulang halaman.',
    en: 'The request carried too much extra data. Reload the page.',
  },
  BARUGA_ERR_BAD_REQUEST: {
    id: 'Pengendali tidak dapat membaca permintaan ini. Muat ulang halaman dan coba lagi.',
    en: 'The controller could not read this request. Reload the page and try again.',
  },
  BARUGA_ERR_TOO_MANY_REQUESTS: {
    id: 'Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.',
    en: 'Too many attempts. Wait a moment, then try again.',
  },
  BARUGA_ERR_TIMELINE_TOO_LARGE: {
    id: 'Jadwal pada rentang ini terlalu rinci untuk ditampilkan sekaligus. Pilih rentang yang lebih pendek.',
    en: 'The schedule over this range is too detailed to show at once. Pick a shorter range.',
  },
  BARUGA_ERR_BUSY: {
    id: 'Pengendali sedang sibuk. Coba lagi sebentar lagi.',
    en: 'The controller is busy. Try again in a moment.',
  },
  BARUGA_ERR_SHUTTING_DOWN: {
    id: 'Pengendali sedang dimatikan. Coba lagi setelah ia menyala kembali.',
    en: 'The controller is shutting down. Try again once it is back.',
  },
  BARUGA_ERR_ASSET_KIND_MISMATCH: {
    id: 'Berkas itu bukan jenis yang diputar konten ini (misalnya video untuk gambar). Pilih berkas yang sesuai.',
    en: 'That file is not the kind this content plays (a video for a picture, say). Pick a matching file.',
  },
  BARUGA_ERR_SCREEN_NOT_ENROLLED: {
    id: 'Layar ini diputar tab peramban tanpa pemutar terdaftar; perintah ini perlu pemutar terdaftar.',
    en: 'A browser tab with no enrolled player plays this screen; this command needs an enrolled player.',
  },
  BARUGA_ERR_STORAGE_FULL: {
    id: 'Penyimpanan pengendali penuh. Hapus berkas yang tidak dipakai atau tambah ruang disk.',
    en: "The controller's storage is full. Delete unused files or add disk space.",
  },
  // Data sources (docs/data.md).
  BARUGA_ERR_SOURCE_NOT_FOUND: {
    id: 'Sumber data ini tidak ada (mungkin baru saja dihapus).',
    en: 'This data source does not exist (it may just have been deleted).',
  },
  BARUGA_ERR_SOURCE_EXISTS: {
    id: 'Sudah ada sumber data dengan id ini. Pilih id lain.',
    en: 'A data source with this id already exists. Choose another id.',
  },
  BARUGA_ERR_SOURCE_UNREACHABLE: {
    id: 'Alamat sumber data tidak dapat dihubungi. Periksa alamatnya dan jaringan pengendali.',
    en: "The data source's address cannot be reached. Check the address and the controller's network.",
  },
  BARUGA_ERR_SOURCE_TIMEOUT: {
    id: 'Sumber data tidak menjawab tepat waktu. Coba lagi nanti.',
    en: 'The data source did not answer in time. Try again later.',
  },
  BARUGA_ERR_SOURCE_HTTP_STATUS: {
    id: 'Sumber data menolak permintaan (kode HTTP bukan 200). Periksa alamat dan tokennya.',
    en: 'The data source refused the request (an HTTP status other than 200). Check its address and token.',
  },
  BARUGA_ERR_SOURCE_TOO_LARGE: {
    id: 'Data dari sumber ini terlalu besar untuk dibaca.',
    en: 'The data from this source is too large to read.',
  },
  BARUGA_ERR_SOURCE_MALFORMED: {
    id: 'Isi sumber data tidak dapat dibaca sebagai JSON atau CSV. Periksa alamat dan jalurnya.',
    en: "The source's content cannot be read as JSON or CSV. Check its address and path.",
  },
  BARUGA_ERR_SOURCE_CKAN_ERROR: {
    id: 'Portal CKAN menjawab dengan galat. Periksa id sumber daya dan tokennya.',
    en: 'The CKAN portal answered with an error. Check the resource id and token.',
  },
  BARUGA_ERR_SOURCE_NO_TABLE: {
    id: 'Tidak ada tabel baris di tempat yang ditunjuk. Periksa jalur ke baris.',
    en: 'There is no table of rows where it points. Check the path to the rows.',
  },
  BARUGA_ERR_SOURCE_TOO_MANY_ROWS: {
    id: 'Sumber data ini punya terlalu banyak baris untuk layar. Saring datanya di sumbernya.',
    en: 'This data source has too many rows for a screen. Filter the data at its source.',
  },
  // Alerts (docs/alerts.md).
  BARUGA_ERR_ALERT_NOT_FOUND: {
    id: 'Peringatan ini tidak ada.',
    en: 'This alert does not exist.',
  },
  BARUGA_ERR_ALERT_ENDED: {
    id: 'Peringatan ini sudah berakhir.',
    en: 'This alert has already ended.',
  },
  BARUGA_ERR_CAP_MALFORMED: {
    id: 'Pesan CAP ini bukan XML yang dapat dibaca.',
    en: 'This CAP message is not readable XML.',
  },
  BARUGA_ERR_CAP_FORBIDDEN_MARKUP: {
    id: 'Pesan CAP ini memuat markah yang tidak diizinkan (DTD atau entitas) dan ditolak.',
    en: 'This CAP message holds markup that is not allowed (a DTD or entities) and was refused.',
  },
  BARUGA_ERR_CAP_NAMESPACE: {
    id: 'Pesan ini bukan CAP 1.2 (ruang nama XML-nya lain).',
    en: 'This message is not CAP 1.2 (its XML namespace differs).',
  },
  BARUGA_ERR_CAP_INVALID: {
    id: 'Pesan CAP ini tidak lengkap atau isinya tidak sah.',
    en: 'This CAP message is incomplete or holds values that are not valid.',
  },
  BARUGA_ERR_CAP_LIMIT: {
    id: 'Pesan CAP ini melampaui batas ukuran (terlalu banyak area, titik atau teks).',
    en: 'This CAP message goes past the size limits (too many areas, points or too much text).',
  },
  BARUGA_ERR_BMKG_MALFORMED: {
    id: 'Umpan BMKG menjawab dengan isi yang tidak dapat dibaca.',
    en: 'The BMKG feed answered with content that cannot be read.',
  },
  // Accounts, access and approval (docs/security.md).
  BARUGA_ERR_CSRF: {
    id: 'Permintaan ini tidak membawa tanda sesi konsol. Muat ulang halaman lalu coba lagi.',
    en: "This request did not carry the console session's mark. Reload the page and try again.",
  },
  BARUGA_ERR_TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan masuk yang gagal. Tunggu beberapa menit lalu coba lagi.',
    en: 'Too many failed sign-in attempts. Wait a few minutes and try again.',
  },
  BARUGA_ERR_USER_EXISTS: {
    id: 'Sudah ada pengguna dengan nama itu. Pilih nama pengguna lain.',
    en: 'There is already a user with that name. Pick another username.',
  },
  BARUGA_ERR_USER_NOT_FOUND: {
    id: 'Pengguna itu tidak ada lagi. Muat ulang daftarnya.',
    en: 'That user no longer exists. Reload the list.',
  },
  BARUGA_ERR_LAST_ADMIN: {
    id: 'Ini pengelola terakhir yang aktif. Jadikan pengguna lain pengelola terlebih dahulu.',
    en: 'This is the last active admin. Make another user an admin first.',
  },
  BARUGA_ERR_TOKEN_NOT_FOUND: {
    id: 'Token itu tidak ada lagi; mungkin sudah dicabut.',
    en: 'That token no longer exists; it may have been revoked already.',
  },
  BARUGA_ERR_APPROVAL_REQUIRED: {
    id: 'Layar ini publik: perubahan menunggu di antrean persetujuan sampai penyetuju lain menyetujuinya.',
    en: 'This screen is public: the change waits in the approval queue until another approver approves it.',
  },
  BARUGA_ERR_APPROVAL_NOT_FOUND: {
    id: 'Permintaan persetujuan itu tidak ada. Muat ulang antreannya.',
    en: 'That approval request does not exist. Reload the queue.',
  },
  BARUGA_ERR_APPROVAL_CLOSED: {
    id: 'Permintaan ini sudah diputuskan atau digantikan; tidak dapat diputuskan lagi.',
    en: 'This request was already decided or replaced; it cannot be decided again.',
  },
  BARUGA_ERR_APPROVAL_STALE: {
    id: 'Konten layar berubah sejak permintaan ini dibuat. Tinjau permintaan yang baru.',
    en: "The screen's content changed since this request was made. Review the new request.",
  },
  BARUGA_ERR_OWN_CONTENT: {
    id: 'Anda ikut membuat konten ini, jadi orang lain yang harus memutuskannya.',
    en: 'You helped make this content, so someone else must decide on it.',
  },
  BARUGA_ERR_CHECKLIST_INCOMPLETE: {
    id: 'Centang setiap butir kebijakan konten sebelum menyetujui.',
    en: 'Tick every point of the content policy before approving.',
  },
  BARUGA_ERR_MANIFEST_UNAPPROVED: {
    id: 'Pemutar menolak konten layar publik yang tidak membawa persetujuan yang sah.',
    en: 'The player refused content for a public screen that carried no valid approval.',
  },
  errorUnexpected: {
    id: 'Pengendali menjawab dengan cara yang tidak dikenal konsol ini. Muat ulang halaman.',
    en: 'The controller answered in a way this console does not know. Reload the page.',
  },
} as const;
