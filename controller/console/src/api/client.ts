import {
  ApiTokenView,
  ApprovalDecision,
  ApprovalDetail,
  ApprovalPage,
  ApprovalSettings,
  type ApprovalState,
  AuditPage,
  AuditVerification,
  type BarugaError,
  type ChangePassword,
  type CreateApiToken,
  CreatedApiToken,
  type CreateUser,
  SignedIn,
  type UpdateUser,
  UserView,
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

/**
 * The session's CSRF token (GET /api/session answers it): every state-changing call carries it as
 * `x-csrf-token`, which another site's page cannot do (docs/security.md).
 */
let csrfToken: string | null = null;

/** The header a state-changing request needs; for any call made outside `call` (an upload with progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  url: string,
  body?: unknown,
): Promise<z.infer<S>> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(method === 'GET' ? {} : csrfHeaders()),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
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
  session: async () => {
    const session = await call(SessionInfo, 'GET', '/api/session');
    csrfToken = session.csrfToken;
    return session;
  },
  signIn: async (username: string, password: string) => {
    const session = await call(SignedIn, 'POST', '/api/session', { username, password });
    csrfToken = session.csrfToken;
    return session;
  },
  signOut: () => call(z.null(), 'DELETE', '/api/session').finally(() => (csrfToken = null)),
  changePassword: (body: ChangePassword) => call(z.null(), 'PUT', '/api/session/password', body),
  // Accounts (docs/security.md).
  users: () => call(z.array(UserView), 'GET', '/api/users'),
  createUser: (body: CreateUser) => call(UserView, 'POST', '/api/users', body),
  updateUser: (username: string, body: UpdateUser) => call(UserView, 'PATCH', `/api/users/${username}`, body),
  tokens: () => call(z.array(ApiTokenView), 'GET', '/api/tokens'),
  createToken: (body: Pick<CreateApiToken, 'name' | 'scopes'>) => call(CreatedApiToken, 'POST', '/api/tokens', body),
  revokeToken: (id: string) => call(z.null(), 'DELETE', `/api/tokens/${id}`),
  // The approval queue and the audit trail.
  approvals: (state?: ApprovalState) => call(ApprovalPage, 'GET', `/api/approvals${state ? `?state=${state}` : ''}`),
  approval: (id: string) => call(ApprovalDetail, 'GET', `/api/approvals/${id}`),
  approve: (id: string, body: { checklist?: Record<string, boolean>; note: string }) =>
    call(ApprovalDecision, 'POST', `/api/approvals/${id}/approve`, body),
  reject: (id: string, note: string) => call(ApprovalDecision, 'POST', `/api/approvals/${id}/reject`, { note }),
  approvalSettings: () => call(ApprovalSettings, 'GET', '/api/settings/approval'),
  setApprovalSettings: (body: ApprovalSettings) => call(ApprovalSettings, 'PUT', '/api/settings/approval', body),
  audit: (query: { limit: number; offset: number; action?: string; actor?: string }) => {
    const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
    if (query.action) params.set('action', query.action);
    if (query.actor) params.set('actor', query.actor);
    return call(AuditPage, 'GET', `/api/audit?${params.toString()}`);
  },
  verifyAudit: () => call(AuditVerification, 'GET', '/api/audit/verify'),
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
};

/** What went wrong, as an operator can report it: the API's stable code and its message. */
export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) return `${error.error.code}: ${error.message}`;
  // A console older or newer than its controller: say so rather than show half a schedule.
  if (error instanceof z.ZodError) return `unexpected answer from the controller: ${z.prettifyError(error)}`;
  return error instanceof Error ? error.message : String(error);
}
