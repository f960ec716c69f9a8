/** Players: pairing a new one with its code, the enrolled ones, revoking. */
export const playerWords = {
  playersTitle: { id: 'Pemutar', en: 'Players' },
  pairTitle: { id: 'Pasangkan pemutar baru', en: 'Pair a new player' },
  pairHelp: {
    id: 'Pemutar baru menampilkan kode 6 huruf di layarnya. Ketik kode itu di sini, beri nama, dan pilih layar yang diputarnya.',
    en: 'A new player shows a 6-letter code on its screen. Type that code here, name the player and pick the screens it plays.',
  },
  pairingCode: { id: 'Kode pasangan', en: 'Pairing code' },
  playerName: { id: 'Nama pemutar', en: 'Player name' },
  assignScreens: { id: 'Layar yang diputar', en: 'Screens it plays' },
  pair: { id: 'Pasangkan', en: 'Pair' },
  paired: { id: 'Dipasangkan: {name}', en: 'Paired: {name}' },
  badCode: { id: 'Kode terdiri dari 6 huruf atau angka.', en: 'A code is 6 letters or digits.' },
  pickScreen: { id: 'Pilih setidaknya satu layar.', en: 'Pick at least one screen.' },
  enrolled: { id: 'Pemutar terdaftar', en: 'Enrolled players' },
  noPlayers: {
    id: 'Belum ada pemutar terdaftar. Layar yang dibuka di tab peramban tidak perlu didaftarkan.',
    en: 'No enrolled players yet. Screens opened in a browser tab need no enrolment.',
  },
  statePending: { id: 'menunggu', en: 'pending' },
  stateActive: { id: 'aktif', en: 'active' },
  stateRevoked: { id: 'dicabut', en: 'revoked' },
  playerScreens: { id: 'Layar: {names}', en: 'Screens: {names}' },
  revoke: { id: 'Cabut', en: 'Revoke' },
  confirmRevokeTitle: { id: 'Cabut pemutar ini?', en: 'Revoke this player?' },
  confirmRevoke: {
    id: 'Sambungan {name} diputus sekarang dan layarnya tidak lagi menerima jadwal. Untuk memakainya lagi, pasangkan ulang.',
    en: 'The connection of {name} is cut now and its screens get no more schedules. To use it again, pair it again.',
  },
} as const;
