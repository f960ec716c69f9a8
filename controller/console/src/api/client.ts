import {
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
  TOTAL_COUNT_HEADER,
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
  return (await send(schema, method, url, body)).value;
}

async function send<S extends z.ZodType>(
  schema: S,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ value: z.infer<S>; response: Response }> {
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
  return { value: schema.parse(json), response };
}

/** Query parameters of a list (docs/api.md, "Lists"): `limit`, `offset`, `sort`, and its filters. */
export type ListParams = Record<string, string | number | boolean | undefined>;

const withQuery = (path: string, params: ListParams = {}) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/** One page of a list that answers a bare array, with the number of matching rows from `X-Total-Count`. */
async function page<S extends z.ZodType>(schema: S, path: string, params?: ListParams) {
  const { value, response } = await send(z.array(schema), 'GET', withQuery(path, params));
  const total = Number(response.headers.get(TOTAL_COUNT_HEADER));
  return { rows: value, total: Number.isFinite(total) ? total : value.length };
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
  // Lists take paging, filters and a sort (docs/api.md, "Lists"); without them, the first 500 rows as before.
  screens: (params?: ListParams) => call(z.array(Screen), 'GET', withQuery('/api/screens', params)),
  screensPage: (params?: ListParams) => page(Screen, '/api/screens', params),
  items: (screenId: string) => call(z.array(LoopItemView), 'GET', `/api/screens/${screenId}/items`),
  addItem: (screenId: string, item: Omit<CreateLoopItem, 'sample'>) =>
    call(LoopItemView, 'POST', `/api/screens/${screenId}/items`, item),
  removeItem: (screenId: string, itemId: string) =>
    call(z.null(), 'DELETE', `/api/screens/${screenId}/items/${itemId}`),
  publish: (screenId: string) => call(PublishResult, 'POST', `/api/screens/${screenId}/publish`),
  // Players and delivery (docs/api.md, "Delivery").
  deliveryScreens: (params?: ListParams) =>
    call(z.array(ScreenDelivery), 'GET', withQuery('/api/delivery/screens', params)),
  deliveryPage: (params?: ListParams) => page(ScreenDelivery, '/api/delivery/screens', params),
  players: (params?: ListParams) => call(z.array(PlayerView), 'GET', withQuery('/api/players', params)),
  playersPage: (params?: ListParams) => page(PlayerView, '/api/players', params),
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
};

/** What went wrong, as an operator can report it: the API's stable code and its message. */
export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) return `${error.error.code}: ${error.message}`;
  // A console older or newer than its controller: say so rather than show half a schedule.
  if (error instanceof z.ZodError) return `unexpected answer from the controller: ${z.prettifyError(error)}`;
  return error instanceof Error ? error.message : String(error);
}
