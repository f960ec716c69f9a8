import type { CreateAlert, CreateSource, UpdateSource } from '@baruga/protocol';
import {
  AlertAccepted,
  AlertTemplate,
  AlertView,
  type GeoPoint,
  SourceData,
  SourceView,
  type BarugaError,
  CommandView,
  type CreateLoopItem,
  type IssueCommand,
  LayoutView,
  LoopItemView,
  type PairPlayer,
  PlaySummary,
  PlayerView,
  PlaylistView,
  PublishResult,
  ResolutionView,
  Screen,
  ScreenDelivery,
  SessionInfo,
  TimelineView,
  type UpdatePlayer,
} from '@baruga/protocol';
import { z } from 'zod';

/** A failed API call, carrying the server's stable error code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: BarugaError,
  ) {
    super(error.message);
  }
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  url: string,
  body?: unknown,
): Promise<z.infer<S>> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(json);
    throw new ApiFailure(
      response.status,
      parsed.success ? parsed.data.error : { code: 'BARUGA_ERR_INTERNAL', message: `HTTP ${response.status}` },
    );
  }
  return schema.parse(json);
}

/** Every call the console makes (docs/api.md), parsed with the protocol's own schemas. */
// The panel needs only names: parse that much of the protocol's shapes rather than every item's props.
const Named = z.array(PlaylistView.pick({ id: true, name: true }));
const NamedLayouts = z.array(LayoutView.pick({ id: true, name: true }));

export const api = {
  session: () => call(SessionInfo, 'GET', '/api/session'),
  signIn: (username: string, password: string) =>
    call(SessionInfo.extend({ token: z.string() }), 'POST', '/api/session', { username, password }),
  signOut: () => call(z.null(), 'DELETE', '/api/session'),
  screens: () => call(z.array(Screen), 'GET', '/api/screens'),
  items: (screenId: string) => call(z.array(LoopItemView), 'GET', `/api/screens/${screenId}/items`),
  addItem: (screenId: string, item: Omit<CreateLoopItem, 'sample'>) =>
    call(LoopItemView, 'POST', `/api/screens/${screenId}/items`, item),
  removeItem: (screenId: string, itemId: string) =>
    call(z.null(), 'DELETE', `/api/screens/${screenId}/items/${itemId}`),
  publish: (screenId: string) => call(PublishResult, 'POST', `/api/screens/${screenId}/publish`),
  // Players and delivery (docs/api.md, "Delivery").
  deliveryScreens: () => call(z.array(ScreenDelivery), 'GET', '/api/delivery/screens'),
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
  // Schedule previews (docs/api.md, "Schedules").
  timeline: (screenId: string, from: number, to: number) => {
    const params = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    return call(TimelineView, 'GET', `/api/screens/${screenId}/timeline?${params.toString()}`);
  },
  now: (screenId: string) => call(ResolutionView, 'GET', `/api/screens/${screenId}/now`),
  playlists: () => call(Named, 'GET', '/api/playlists'),
  layouts: () => call(NamedLayouts, 'GET', '/api/layouts'),
  // Data sources (docs/data.md) and alerts (docs/alerts.md).
  sources: () => call(z.array(SourceView), 'GET', '/api/sources'),
  createSource: (body: z.input<typeof CreateSource>) => call(SourceView, 'POST', '/api/sources', body),
  updateSource: (id: string, body: z.input<typeof UpdateSource>) => call(SourceView, 'PUT', `/api/sources/${id}`, body),
  deleteSource: (id: string) => call(z.null(), 'DELETE', `/api/sources/${id}`),
  refreshSource: (id: string) => call(SourceView, 'POST', `/api/sources/${id}/refresh`),
  sourceData: (id: string) => call(SourceData, 'GET', `/api/sources/${id}/data`),
  testSource: (body: z.input<typeof UpdateSource>) => call(SourceData, 'POST', '/api/sources/test', body),
  alerts: (state: 'active' | 'ended' | 'all' = 'all', limit = 50) =>
    call(z.array(AlertView), 'GET', `/api/alerts?state=${state}&limit=${limit}`),
  alertTemplates: () => call(z.array(AlertTemplate), 'GET', '/api/alerts/templates'),
  createAlert: (body: z.input<typeof CreateAlert>) => call(AlertAccepted, 'POST', '/api/alerts', body),
  clearAlert: (id: string, allClear: boolean) =>
    call(AlertView, 'DELETE', `/api/alerts/${id}${allClear ? '?allClear=true' : ''}`),
  setLocation: (screenId: string, location: GeoPoint | null) =>
    call(Screen, 'PUT', `/api/screens/${screenId}/location`, { location }),
};

/** What went wrong, as an operator can report it: the API's stable code and its message. */
export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) return `${error.error.code}: ${error.message}`;
  // A console older or newer than its controller: say so rather than show half a schedule.
  if (error instanceof z.ZodError) return `unexpected answer from the controller: ${z.prettifyError(error)}`;
  return error instanceof Error ? error.message : String(error);
}
