import crypto from 'node:crypto';
import type { AlertNotice, AlertSeverity, AlertText, CapMessage, CreateAlert } from '@baruga/protocol';
import type { Quake } from './bmkg';

const SEVERITY_ORDER: readonly AlertSeverity[] = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];
const MINUTE = 60_000;

/** Indonesian first, then English, then the rest: what a screen prints, top to bottom. */
function languageRank(language: string): number {
  const l = language.toLowerCase();
  if (l.startsWith('id') || l.startsWith('in')) return 0;
  if (l.startsWith('en')) return 1;
  return 2;
}

/** What screens show of a CAP message, and when it ends (its latest `expires`, or the default duration). */
export function noticeOfCap(
  message: CapMessage,
  receivedAt: number,
  defaults: { durationMinutes: number; sound: boolean },
): { notice: AlertNotice; expiresAt: string } {
  const infos = [...message.infos].sort((a, b) => languageRank(a.language) - languageRank(b.language)).slice(0, 4);
  const texts: AlertText[] = infos.map((info) => ({
    language: info.language,
    event: info.event.slice(0, 200),
    ...(info.headline ? { headline: info.headline.slice(0, 300) } : {}),
    ...(info.description ? { description: info.description.slice(0, 4000) } : {}),
    ...(info.instruction ? { instruction: info.instruction.slice(0, 2000) } : {}),
    ...(info.areas.length
      ? {
          area: info.areas
            .map((a) => a.areaDesc)
            .join('; ')
            .slice(0, 500),
        }
      : {}),
  }));
  const severity =
    SEVERITY_ORDER.find((s) => message.infos.some((i) => i.severity === s)) ?? ('Unknown' as AlertSeverity);
  const expiries = message.infos.map((i) => (i.expires ? Date.parse(i.expires) : NaN)).filter(Number.isFinite);
  const expiresAt = expiries.length ? Math.max(...expiries) : receivedAt + defaults.durationMinutes * MINUTE;
  const senderName = message.infos.find((i) => i.senderName)?.senderName ?? message.sender;
  return {
    notice: {
      id: crypto.randomUUID(),
      kind: 'alert',
      severity,
      exercise: message.status === 'Exercise',
      texts: texts.length ? texts : [{ language: 'id-ID', event: 'Peringatan' }],
      credit: `Sumber · Source: ${senderName}`.slice(0, 200),
      sentAt: new Date(Date.parse(message.sent)).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
      sound: defaults.sound,
    },
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

export function noticeOfManual(body: CreateAlert, now: number): AlertNotice {
  const texts: AlertText[] = [
    {
      language: 'id-ID',
      event: body.event,
      ...(body.headline ? { headline: body.headline } : {}),
      ...(body.description ? { description: body.description } : {}),
      ...(body.instruction ? { instruction: body.instruction } : {}),
    },
  ];
  if (body.en) {
    texts.push({
      language: 'en-US',
      event: body.en.event ?? body.event,
      ...(body.en.headline ? { headline: body.en.headline } : {}),
      ...(body.en.description ? { description: body.en.description } : {}),
      ...(body.en.instruction ? { instruction: body.en.instruction } : {}),
    });
  }
  return {
    id: crypto.randomUUID(),
    kind: 'alert',
    severity: body.severity,
    exercise: body.exercise,
    texts,
    credit: 'Pusat Komando · Command centre',
    sentAt: new Date(now).toISOString(),
    expiresAt: new Date(now + body.expiresInMinutes * MINUTE).toISOString(),
    sound: body.sound,
  };
}

/** The short green notice an operator's all-clear puts on the screens the alert held. */
export function allClearNotice(now: number, seconds: number): AlertNotice {
  return {
    id: crypto.randomUUID(),
    kind: 'all-clear',
    severity: 'Minor',
    exercise: false,
    texts: [
      {
        language: 'id-ID',
        event: 'Aman',
        headline: 'Peringatan telah berakhir',
        instruction: 'Kegiatan dapat dilanjutkan.',
      },
      { language: 'en-US', event: 'All clear', headline: 'The warning has ended', instruction: 'You may carry on.' },
    ],
    credit: 'Pusat Komando · Command centre',
    sentAt: new Date(now).toISOString(),
    expiresAt: new Date(now + seconds * 1000).toISOString(),
    sound: false,
  };
}

const decimal = (n: number, digits = 1) =>
  new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** An earthquake as screens show it: magnitude, place, time in WITA, depth, tsunami potential; BMKG credited. */
export function noticeOfQuake(q: Quake, now: number, durationMinutes: number, sound: boolean): AlertNotice {
  const zoned = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('id-ID', { ...options, timeZone: 'Asia/Makassar' }).format(q.at);
  const when = `${zoned({ day: 'numeric', month: 'long' })} pukul ${zoned({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
  const depth = q.depthKm !== null ? `, kedalaman ${decimal(q.depthKm, 0)} km` : '';
  const depthEn = q.depthKm !== null ? `, ${q.depthKm} km deep` : '';
  const expires = Math.max(now, q.at.getTime()) + durationMinutes * MINUTE;
  return {
    id: crypto.randomUUID(),
    kind: 'alert',
    severity: q.tsunami ? 'Extreme' : q.magnitude >= 6 ? 'Severe' : 'Moderate',
    exercise: false,
    texts: [
      {
        language: 'id-ID',
        event: q.tsunami ? 'Gempa bumi berpotensi tsunami' : 'Gempa bumi',
        headline: `Gempa M${decimal(q.magnitude)} · ${q.region}`.slice(0, 300),
        description: `${when} WITA${depth}. ${q.potential}${q.felt ? `. Dirasakan: ${q.felt}` : ''}`.slice(0, 4000),
        instruction: q.tsunami
          ? 'Segera jauhi pantai dan menuju tempat yang tinggi.'
          : 'Tetap tenang, jauhi bangunan retak, waspadai gempa susulan.',
      },
      {
        language: 'en-US',
        event: q.tsunami ? 'Earthquake, tsunami possible' : 'Earthquake',
        headline: `M${q.magnitude.toFixed(1)} earthquake · ${q.region}`.slice(0, 300),
        description: `At ${q.at.toISOString().slice(11, 16)} UTC${depthEn}.`,
        instruction: q.tsunami
          ? 'Move away from the coast to high ground now.'
          : 'Stay calm, keep away from damaged buildings, expect aftershocks.',
      },
    ],
    credit: 'Sumber · Source: BMKG',
    sentAt: q.at.toISOString(),
    expiresAt: new Date(expires).toISOString(),
    sound,
  };
}
