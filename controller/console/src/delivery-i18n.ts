import { useContext } from 'react';
import { LangContext } from './i18n';

/** Console texts for player delivery: Indonesian first, English second. */
export const deliveryDictionary = {
  status: { id: 'Status', en: 'Status' },
  screen: { id: 'Layar', en: 'Screen' },
  healthOnline: { id: 'Daring', en: 'Online' },
  healthLate: { id: 'Terlambat', en: 'Late' },
  healthOffline: { id: 'Luring', en: 'Offline' },
  healthUnknown: { id: 'Belum pernah terlihat', en: 'Never seen' },
  lastHeartbeat: { id: 'Detak terakhir', en: 'Last heartbeat' },
  running: { id: 'Versi berjalan', en: 'Running version' },
  stale: { id: 'kedaluwarsa (pemutar terputus)', en: 'expired (player cut off)' },
  downloading: { id: 'sedang diunduh', en: 'downloading' },
  rejected: { id: 'Penolakan terakhir', en: 'Last rejection' },
  cache: { id: 'Cache', en: 'Cache' },
  player: { id: 'Pemutar', en: 'Player' },
  noPlayer: { id: 'tanpa pemutar terdaftar', en: 'no enrolled player' },
  commands: { id: 'Perintah jarak jauh', en: 'Remote commands' },
  cmdReload: { id: 'Muat ulang', en: 'Reload' },
  cmdScreenshot: { id: 'Tangkapan layar', en: 'Screenshot' },
  cmdBlackout: { id: 'Layar hitam', en: 'Blackout' },
  cmdRestore: { id: 'Pulihkan', en: 'Restore' },
  cmdIdentify: { id: 'Identifikasi', en: 'Identify' },
  cmdClearCache: { id: 'Kosongkan cache', en: 'Clear cache' },
  cmdRestartHost: { id: 'Mulai ulang host', en: 'Restart host' },
  lastScreenshot: { id: 'Tangkapan layar terakhir', en: 'Last screenshot' },
  cmdPending: { id: 'menunggu', en: 'pending' },
  cmdOk: { id: 'berhasil', en: 'done' },
  cmdFailed: { id: 'gagal', en: 'failed' },
  cmdExpired: { id: 'kedaluwarsa', en: 'expired' },
  players: { id: 'Pemutar', en: 'Players' },
  pairTitle: { id: 'Pasangkan pemutar', en: 'Pair a player' },
  pairingCode: { id: 'Kode pasangan', en: 'Pairing code' },
  playerName: { id: 'Nama pemutar', en: 'Player name' },
  assignScreens: { id: 'Layar yang diputar', en: 'Screens it plays' },
  pair: { id: 'Pasangkan', en: 'Pair' },
  paired: { id: 'Dipasangkan', en: 'Paired' },
  revoke: { id: 'Cabut', en: 'Revoke' },
  statePending: { id: 'menunggu', en: 'pending' },
  stateActive: { id: 'aktif', en: 'active' },
  stateRevoked: { id: 'dicabut', en: 'revoked' },
  noPlayers: { id: 'Belum ada pemutar terdaftar', en: 'No enrolled players yet' },
  proofOfPlay: { id: 'Bukti tayang', en: 'Proof of play' },
  byDay: { id: 'Per hari', en: 'By day' },
  byHour: { id: 'Per jam', en: 'By hour' },
  from: { id: 'Dari', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  allScreens: { id: 'Semua layar', en: 'All screens' },
  period: { id: 'Periode (WITA)', en: 'Period (WITA)' },
  item: { id: 'Konten', en: 'Item' },
  plays: { id: 'Tayang', en: 'Plays' },
  duration: { id: 'Durasi', en: 'Duration' },
  exportCsv: { id: 'Unduh CSV', en: 'Download CSV' },
  show: { id: 'Tampilkan', en: 'Show' },
  noPlays: { id: 'Tidak ada tayangan pada periode ini', en: 'Nothing played in this period' },
} as const;

export type DeliveryTextKey = keyof typeof deliveryDictionary;

export function useDT(): (key: DeliveryTextKey) => string {
  const lang = useContext(LangContext);
  return (key) => deliveryDictionary[key][lang];
}
