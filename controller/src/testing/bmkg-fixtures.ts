/**
 * BMKG earthquake feeds as data.bmkg.go.id serves them (DataMKG/TEWS): `autogempa.json` with the latest quake as an
 * object, `gempaterkini.json` with recent ones as an array. Times are made relative to now so "recent" holds.
 */

const wib = (at: Date) =>
  `${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(at)} WIB`;
const tanggal = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(at);
const dateTime = (at: Date) => at.toISOString().replace(/\.\d+Z$/, '+00:00');

/** A strong, shallow quake in the Makassar Strait, 45 km from the city, that may bring a tsunami. */
export function autogempa(at: Date) {
  return {
    Infogempa: {
      gempa: {
        Tanggal: tanggal(at),
        Jam: wib(at),
        DateTime: dateTime(at),
        Coordinates: '-4.85,119.12',
        Lintang: '4.85 LS',
        Bujur: '119.12 BT',
        Magnitude: '6.2',
        Kedalaman: '10 km',
        Wilayah: 'Pusat gempa berada di laut 45 km BaratLaut Makassar',
        Potensi: 'Berpotensi TSUNAMI untuk diteruskan pada masyarakat',
        Dirasakan: 'IV Makassar, III Maros',
        Shakemap: '20250301090322.mmi.jpg',
      },
    },
  };
}

/** Recent quakes: one near Makassar given only by Lintang/Bujur, one far away in Papua, one an hour old. */
export function gempaterkini(now: Date) {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const entry = (
    at: Date,
    lintang: string,
    bujur: string,
    coords: string | null,
    mag: string,
    wilayah: string,
    potensi: string,
  ) => ({
    Tanggal: tanggal(at),
    Jam: wib(at),
    DateTime: dateTime(at),
    ...(coords ? { Coordinates: coords } : {}),
    Lintang: lintang,
    Bujur: bujur,
    Magnitude: mag,
    Kedalaman: '35 km',
    Wilayah: wilayah,
    Potensi: potensi,
  });
  return {
    Infogempa: {
      gempa: [
        entry(
          ago(3),
          '5.40 LS',
          '119.80 BT',
          null,
          '5.3',
          '40 km Timur Laut Jeneponto-Sulsel',
          'Tidak berpotensi tsunami',
        ),
        entry(
          ago(4),
          '3.55 LS',
          '140.22 BT',
          '-3.55,140.22',
          '5.6',
          '98 km BaratLaut Keerom-Papua',
          'Tidak berpotensi tsunami',
        ),
        entry(
          ago(65),
          '5.10 LS',
          '119.50 BT',
          '-5.10,119.50',
          '5.8',
          '10 km Utara Makassar-Sulsel',
          'Tidak berpotensi tsunami',
        ),
      ],
    },
  };
}
