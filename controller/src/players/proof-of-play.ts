import { Readable } from 'node:stream';
import {
  ErrorCode,
  type PlayPage,
  PlayQuery,
  type PlayRecordView,
  type PlaySummary,
  PlaySummaryQuery,
  type PlaySummaryRow,
  isKnownTimezone,
} from '@baruga/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Messaging } from '../messaging/messaging';
import type { Repositories } from '../db/repositories';
import { getContentType } from '@baruga/content';
import { csvLine } from './csv';
import { itemDirectory } from '../items/item-labels';
import { ApiError, parseWith } from '../http/http-errors';

/**
 * Proof of play arrives in batches on each screen's pop topic, at least once. Every record is stored
 * under its player-made id (a unique index drops copies) and every id is acknowledged, new or not, so
 * the player can delete it: exactly once in the database, whatever the network did.
 */
export function followProofOfPlay(messaging: Messaging, repos: Repositories, log: FastifyInstance['log']): void {
  messaging.on('pop', (batch, screenId) => {
    // The broker lets a player publish only on its own screens' topics: records must be of this screen.
    const records = batch.records.filter((r) => r.screenId === screenId);
    if (records.length < batch.records.length) {
      log.warn({ screen: screenId }, 'proof-of-play records for another screen dropped');
    }
    const added = repos.proofOfPlay.insertBatch(batch.playerId, records);
    log.debug({ screen: screenId, received: records.length, added }, 'proof of play stored');
    // Acknowledge every id of the batch, the dropped ones too: a player must never resend them forever.
    messaging
      .send('popAck', screenId, { ids: batch.records.map((r) => r.id) })
      .catch((error: unknown) =>
        log.warn({ err: error, screen: screenId }, 'proof-of-play acknowledgement not sent; the player resends'),
      );
  });
}

const RECORD_HEADER = [
  'id',
  'player_id',
  'screen_id',
  'item_id',
  'item_type',
  'zone_id',
  'started_at',
  'ended_at',
  'duration_ms',
  'manifest_version',
  'received_at',
];
const recordCells = (r: PlayRecordView) => [
  r.id,
  r.playerId,
  r.screenId,
  r.itemId,
  r.itemType,
  r.zoneId,
  r.startedAt,
  r.endedAt,
  r.durationMs,
  r.manifestVersion,
  r.receivedAt,
];

/** Headings of the summary CSV for people (`lang`), in the order of `summaryCells`. */
const SUMMARY_HEADINGS = {
  id: [
    'Periode',
    'Zona waktu',
    'Layar',
    'Nama layar',
    'Konten',
    'Nama konten',
    'Jenis',
    'Jumlah tayang',
    'Durasi (detik)',
  ],
  en: ['Period', 'Time zone', 'Screen', 'Screen name', 'Item', 'Item name', 'Type', 'Plays', 'Duration (seconds)'],
} as const;

/** The local start of the hour or day an instant falls in, read in `timezone` (`2025-03-01` or `…T08:00`). */
function periodOf(format: Intl.DateTimeFormat, by: 'hour' | 'day', iso: string): string {
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return by === 'day' ? day : `${day}T${parts.hour === '24' ? '00' : parts.hour}:00`;
}

function sendCsv(reply: FastifyReply, name: string, lines: Iterable<string>) {
  reply.header('Content-Type', 'text/csv; charset=utf-8');
  reply.header('Content-Disposition', `attachment; filename="${name}"`);
  // A byte-order mark so spreadsheet programs read Indonesian names as UTF-8.
  return reply.send(
    Readable.from(
      (function* () {
        yield '\uFEFF';
        yield* lines;
      })(),
    ),
  );
}

export async function proofOfPlayRoutes(app: FastifyInstance, { repos }: { repos: Repositories }) {
  app.get('/api/proof-of-play', { config: { access: 'signed-in' } }, async (request, reply) => {
    const query = parseWith(PlayQuery, request.query, 'query');
    const filter = { screen: query.screen, item: query.item, player: query.player, from: query.from, to: query.to };
    if (query.format === 'csv') {
      return sendCsv(
        reply,
        'proof-of-play.csv',
        (function* () {
          yield csvLine(RECORD_HEADER);
          for (const r of repos.proofOfPlay.iterate(filter)) yield csvLine(recordCells(r));
        })(),
      );
    }
    const page: PlayPage = {
      records: repos.proofOfPlay.page(filter, query.limit, query.offset, query.sort === '-startedAt'),
      total: repos.proofOfPlay.count(filter),
      limit: query.limit,
      offset: query.offset,
    };
    return page;
  });

  app.get('/api/proof-of-play/summary', { config: { access: 'signed-in' } }, async (request, reply) => {
    const query = parseWith(PlaySummaryQuery, request.query, 'query');
    if (!isKnownTimezone(query.timezone)) {
      throw new ApiError(400, ErrorCode.unknownTimezone, `unknown timezone "${query.timezone}"`);
    }
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: query.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    const groups = new Map<string, PlaySummaryRow>();
    for (const r of repos.proofOfPlay.iterate({
      screen: query.screen,
      item: query.item,
      from: query.from,
      to: query.to,
    })) {
      const period = periodOf(format, query.by, r.startedAt);
      const key = `${period}\u0000${r.screenId}\u0000${r.itemId}`;
      const row = groups.get(key) ?? {
        period,
        screenId: r.screenId,
        itemId: r.itemId,
        itemType: r.itemType,
        plays: 0,
        totalMs: 0,
      };
      row.plays += 1;
      row.totalMs += r.durationMs;
      groups.set(key, row);
    }
    const describe = itemDirectory(repos);
    const screenNames = new Map(repos.screens.list().map((sc) => [sc.id, sc.name]));
    const rows = [...groups.values()]
      .sort(
        (a, b) =>
          a.period.localeCompare(b.period) || a.screenId.localeCompare(b.screenId) || a.itemId.localeCompare(b.itemId),
      )
      .map((r) => ({
        ...r,
        screenName: screenNames.get(r.screenId) ?? null,
        itemName: describe(r.itemId)?.label ?? null,
      }));
    const lang = query.lang;
    if (query.format === 'csv' && lang) {
      return sendCsv(
        reply,
        `proof-of-play-${query.by}.csv`,
        (function* () {
          yield csvLine(SUMMARY_HEADINGS[lang]);
          for (const r of rows) {
            const type = getContentType(r.itemType)?.label[lang] ?? r.itemType;
            yield csvLine([
              r.period,
              query.timezone,
              r.screenId,
              r.screenName ?? '',
              r.itemId,
              r.itemName ?? '',
              type,
              r.plays,
              Math.round(r.totalMs / 1000),
            ]);
          }
        })(),
      );
    }
    if (query.format === 'csv') {
      return sendCsv(
        reply,
        `proof-of-play-${query.by}.csv`,
        (function* () {
          yield csvLine(['period', 'timezone', 'screen_id', 'item_id', 'item_type', 'plays', 'total_ms']);
          for (const r of rows)
            yield csvLine([r.period, query.timezone, r.screenId, r.itemId, r.itemType, r.plays, r.totalMs]);
        })(),
      );
    }
    const summary: PlaySummary = { by: query.by, timezone: query.timezone, rows };
    return summary;
  });
}
