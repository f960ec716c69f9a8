import {
  EnrollRequest,
  type EnrollResponse,
  ErrorCode,
  PairPlayer,
  PlayerListQuery,
  type PlayerSelf,
  type PlayerView,
  TOTAL_COUNT_HEADER,
  UpdatePlayer,
} from '@baruga/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { PlayerRow } from './players-repository';
import type { ManifestSigner } from '../publishing/manifest-signer';
import { ApiError, parseWith } from '../http/http-errors';
import { createRateLimiter } from '../http/rate-limit';

/** Enrolling players are capped so a flood of requests cannot fill the database or exhaust the codes. */
const MAX_PENDING = 200;
/**
 * And per address, so one client cannot take those 200 places in a second and lock every new box out for the
 * hour its codes live: 10 at once (a delivery of new kiosks behind one NAT), then 10 an hour.
 */
const ENROLL_BURST = 10;
const ENROLL_PER_MS = 60 * 60 * 1000;

const PlayerParams = z.object({ id: z.string().max(64) });

export function playerView(p: PlayerRow): PlayerView {
  return {
    id: p.id,
    name: p.name,
    state: p.state,
    host: p.host,
    hostVersion: p.hostVersion,
    platform: p.platform,
    screens: p.screens,
    createdAt: p.createdAt,
    approvedAt: p.approvedAt,
    revokedAt: p.revokedAt,
  };
}

/**
 * The player behind an HTTP request: HTTP Basic with its id and secret (the same pair it gives the
 * broker). 401 for anything unknown, 403 with a stable code for a revoked player.
 */
export function authenticatePlayer(request: FastifyRequest, repos: Repositories): PlayerRow {
  const header = request.headers.authorization ?? '';
  const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const player = colon > 0 ? repos.players.authenticate(decoded.slice(0, colon), decoded.slice(colon + 1)) : null;
  if (!player) {
    throw new ApiError(
      401,
      ErrorCode.unauthorized,
      'player credentials required: HTTP Basic with player id and secret',
    );
  }
  if (player.state === 'revoked') {
    throw new ApiError(403, ErrorCode.playerRevoked, `player ${player.id} was revoked; enroll it again`);
  }
  request.actor = { kind: 'player', id: player.id };
  return player;
}

/**
 * Enrollment (docs/delivery.md): a player asks for a pairing code and shows it; an operator types it in
 * the console and assigns screens; the player, polling with its own secret, becomes active and learns
 * its screens and the manifest key. Revoking a player closes its broker connections at once.
 */
export async function enrollmentRoutes(
  app: FastifyInstance,
  opts: {
    repos: Repositories;
    signer: ManifestSigner;
    /** Cuts a just-revoked player off (players-domain.ts). */
    revoked: (playerId: string) => void;
  },
) {
  const { repos, signer } = opts;

  const playerOr404 = (id: string): PlayerRow => {
    const player = repos.players.get(id);
    if (!player) throw new ApiError(404, ErrorCode.playerNotFound, `no player "${id}"`);
    return player;
  };
  const checkScreens = (screens: readonly string[]) => {
    for (const id of screens) {
      if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    }
  };

  const enrollLimit = createRateLimiter({ burst: ENROLL_BURST, perMs: ENROLL_PER_MS });

  app.post('/api/players/enroll', { config: { access: 'public', action: 'player.enroll' } }, async (request, reply) => {
    const waitMs = enrollLimit.take(request.ip);
    if (waitMs > 0) {
      reply.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new ApiError(
        429,
        ErrorCode.tooManyRequests,
        `too many enrollments from ${request.ip}; the next one is possible in ${Math.ceil(waitMs / 1000)} s`,
      );
    }
    const body = parseWith(EnrollRequest, request.body ?? {});
    if (repos.players.pendingCount() >= MAX_PENDING) {
      throw new ApiError(429, ErrorCode.tooManyPending, 'too many players are waiting to be paired; try again later');
    }
    const created = repos.players.createPending(body);
    const response: EnrollResponse = {
      playerId: created.playerId,
      secret: created.secret,
      pairingCode: created.pairingCode,
      codeExpiresAt: created.codeExpiresAt,
    };
    return reply.status(201).header('Cache-Control', 'no-store').send(response);
  });

  app.get('/api/players/self', { config: { access: 'player' } }, async (request, reply): Promise<PlayerSelf> => {
    const player = authenticatePlayer(request, repos);
    reply.header('Cache-Control', 'no-store');
    const code = player.state === 'pending' ? repos.players.currentCode(player.id) : null;
    return {
      playerId: player.id,
      state: player.state === 'active' ? 'active' : 'pending',
      name: player.name,
      pairingCode: code?.code ?? null,
      codeExpiresAt: code?.expiresAt ?? null,
      screens:
        player.state === 'active'
          ? player.screens.flatMap((id) => {
              const s = repos.screens.get(id);
              return s ? [{ id: s.id, name: s.name, width: s.width, height: s.height }] : [];
            })
          : [],
      manifestKey: player.state === 'active' ? signer.key : null,
    };
  });

  // A bare array as before; the number of matching players travels in X-Total-Count (docs/api.md, "Lists").
  app.get('/api/players', { config: { access: 'signed-in' } }, async (request, reply): Promise<PlayerView[]> => {
    const query = parseWith(PlayerListQuery, request.query, 'query');
    const { rows, total } = repos.players.page(query);
    reply.header(TOTAL_COUNT_HEADER, String(total));
    return rows.map(playerView);
  });

  app.get('/api/players/:id', { config: { access: 'signed-in' } }, async (request): Promise<PlayerView> => {
    const { id } = parseWith(PlayerParams, request.params, 'path');
    return playerView(playerOr404(id));
  });

  app.post(
    '/api/players/pair',
    { config: { access: 'admin', action: 'player.pair' } },
    async (request): Promise<PlayerView> => {
      const body = parseWith(PairPlayer, request.body);
      const player = repos.players.findPendingByCode(body.code);
      if (!player) {
        throw new ApiError(
          404,
          ErrorCode.pairingCodeUnknown,
          `no player is showing the code ${body.code}; check the screen (codes renew every hour)`,
        );
      }
      checkScreens(body.screens);
      repos.players.approve(player.id, body.name, body.screens);
      request.log.info({ player: player.id, screens: body.screens, by: request.user?.username }, 'player paired');
      return playerView(playerOr404(player.id));
    },
  );

  app.put(
    '/api/players/:id',
    { config: { access: 'admin', action: 'player.update' } },
    async (request): Promise<PlayerView> => {
      const { id } = parseWith(PlayerParams, request.params, 'path');
      const player = playerOr404(id);
      const body = parseWith(UpdatePlayer, request.body);
      if (body.screens) checkScreens(body.screens);
      if (player.state === 'pending') {
        throw new ApiError(409, ErrorCode.playerNotActive, `player ${id} is not paired yet: pair it with its code`);
      }
      repos.players.update(id, body);
      return playerView(playerOr404(id));
    },
  );

  app.post(
    '/api/players/:id/revoke',
    { config: { access: 'admin', action: 'player.revoke' } },
    async (request): Promise<PlayerView> => {
      const { id } = parseWith(PlayerParams, request.params, 'path');
      playerOr404(id);
      if (repos.players.revoke(id)) {
        opts.revoked(id);
        request.log.info({ player: id, by: request.user?.username }, 'player revoked');
      }
      return playerView(playerOr404(id));
    },
  );
}
