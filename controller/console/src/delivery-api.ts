import {
  CommandView,
  type IssueCommand,
  type PairPlayer,
  PlaySummary,
  PlayerView,
  ScreenDelivery,
  type UpdatePlayer,
} from '@baruga/protocol';
import { z } from 'zod';
import { call } from './api';

/** The console's calls to the delivery API (docs/api.md, "Delivery"). */
export const deliveryApi = {
  screens: () => call(z.array(ScreenDelivery), 'GET', '/api/delivery/screens'),
  players: () => call(z.array(PlayerView), 'GET', '/api/players'),
  pair: (body: PairPlayer) => call(PlayerView, 'POST', '/api/players/pair', body),
  updatePlayer: (id: string, body: UpdatePlayer) => call(PlayerView, 'PUT', `/api/players/${id}`, body),
  revoke: (id: string) => call(PlayerView, 'POST', `/api/players/${id}/revoke`),
  command: (screenId: string, body: Pick<IssueCommand, 'name'> & Partial<IssueCommand>) =>
    call(CommandView, 'POST', `/api/screens/${screenId}/commands`, body),
  commands: (screenId: string) => call(z.array(CommandView), 'GET', `/api/screens/${screenId}/commands`),
  summary: (query: { by: 'hour' | 'day'; from: string; to: string; screen?: string | undefined }) => {
    const params = new URLSearchParams({ by: query.by, from: query.from, to: query.to });
    if (query.screen) params.set('screen', query.screen);
    return call(PlaySummary, 'GET', `/api/proof-of-play/summary?${params.toString()}`);
  },
};
