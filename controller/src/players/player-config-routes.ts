import { ErrorCode, type ManifestKey, type PlayerConfig, topics } from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';

const Query = z.object({ screen: z.string().max(64) });

/** What a player page asks before connecting: which broker URL and which topics are its own. */
export async function playerRoutes(
  app: FastifyInstance,
  {
    repos,
    mqttWsUrl,
    manifestKey,
    heartbeatIntervalS,
    anonymousPlayers,
  }: {
    repos: Repositories;
    mqttWsUrl: string | null;
    manifestKey: ManifestKey;
    heartbeatIntervalS: number;
    anonymousPlayers: boolean;
  },
) {
  app.get('/api/player/config', { config: { access: 'public' } }, async (request): Promise<PlayerConfig> => {
    const { screen } = parseWith(Query, request.query, 'query');
    const row = repos.screens.get(screen);
    if (!row) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${screen}"`);
    const claimed = repos.players.isClaimed(screen);
    return {
      screenId: screen,
      // A path means "this controller's own /mqtt", resolved by the player against its origin.
      mqttUrl: mqttWsUrl ?? '/mqtt',
      manifestTopic: topics.manifest(screen),
      statusTopic: topics.status(screen),
      manifestKey,
      heartbeatIntervalS,
      claimed,
      // The broker's rule for anonymous clients (broker-rules.ts), told in advance so a tab need not try.
      openToAnonymous: anonymousPlayers && !claimed && !row.public,
    };
  });
}
