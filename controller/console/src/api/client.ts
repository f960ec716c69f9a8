import type { CreateAlert, CreateSource, UpdateSource } from '@baruga/protocol';
import {
  AnnouncementView,
  AnnouncementWriteResult,
  AlertAccepted,
  AlertHeld,
  AlertTemplate,
  AlertView,
  type GeoPoint,
  SourceData,
  SourceView,
  type BarugaError,
  Changes,
  ApiTokenView,
  ApprovalDecision,
  ApprovalDetail,
  ApprovalPage,
  ApprovalSettings,
  type ApprovalState,
  AuditPage,
  AuditVerification,
  type ChangePassword,
  type CreateApiToken,
  CreatedApiToken,
  type CreateUser,
  SignedIn,
  type UpdateUser,
  UserView,
  CommandView,
  type CreateAnnouncement,
  type CreateLayout,
  type CreateLoopItem,
  type CreatePlaylist,
  type DaypartInput,
  Daypart,
  type EventInput,
  EventSummary,
  EventView,
  EventWriteResult,
  type IssueCommand,
  LayoutView,
  LibraryItem,
  LibraryPage,
  type LibraryQuery,
  LoopItemView,
  Manifest,
  Overview,
  type PairPlayer,
  PlaySummary,
  PlayerView,
  PlaylistView,
  type PreviewRequest,
  PublishResult,
  ResolutionView,
  SchedulePreview,
  type SchedulePreviewRequest,
  Screen,
  ScreenDelivery,
  SessionInfo,
  TagCount,
  TimelineView,
  type UpdateLayout,
  type UpdatePlayer,
  type UpdatePlaylist,
  UploadProgress,
  UploadResult,
  type CreateWall,
  type UpdateWall,
  WallView,
} from '@baruga/protocol';
import { z } from 'zod';

/** A failed API call: the server's stable error code (or `offline`/`unexpected` from this side), and details. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: BarugaError,
  ) {
    super(error.message);
  }
}

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** The codes this side gives: the controller could not be reached, or answered what this console cannot read. */
export const OFFLINE = 'offline';
export const UNEXPECTED = 'unexpected';

/**
 * The session's CSRF token (GET /api/session answers it): every state-changing call carries it as
 * `x-csrf-token`, which another site's page cannot do (docs/security.md).
 */
let csrfToken: string | null = null;

/** The header a state-changing request needs; for any call made outside `call` (an upload with progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

async function answerOf<S extends z.ZodType>(schema: S, response: Response): Promise<z.infer<S>> {
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(json);
    throw new ApiFailure(
      response.status,
      parsed.success ? parsed.data.error : { code: 'BARUGA_ERR_INTERNAL', message: `HTTP ${response.status}` },
    );
  }
  const parsed = schema.safeParse(json);
  // A console older or newer than its controller: say so rather than show half a page.
  if (!parsed.success) throw new ApiFailure(0, { code: UNEXPECTED, message: z.prettifyError(parsed.error) });
  return parsed.data;
}

export async function call<S extends z.ZodType>(
  schema: S,
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(method === 'GET' ? {} : csrfHeaders()),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, { code: OFFLINE, message: error instanceof Error ? error.message : String(error) });
  }
  return answerOf(schema, response);
}

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  // An empty value is no filter: sent as `screen=` it would be a filter on the empty id, which the API refuses.
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

const Nothing = z.null();

/** Every call the console makes (docs/api.md), each answer parsed with the protocol's own schema. */
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
  signOut: () => call(Nothing, 'DELETE', '/api/session').finally(() => (csrfToken = null)),
  changes: (after: number, waitMs: number, signal?: AbortSignal) =>
    call(Changes, 'GET', `/api/changes${query({ after, waitMs })}`, undefined, signal),
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
  audit: (q: { limit: number; offset: number; action?: string; actor?: string }) =>
    call(AuditPage, 'GET', `/api/audit${query(q)}`),
  verifyAudit: () => call(AuditVerification, 'GET', '/api/audit/verify'),

  // Screens and what they do now.
  overview: () => call(Overview, 'GET', '/api/overview'),
  screens: () => call(z.array(Screen), 'GET', '/api/screens'),
  items: (screenId: string) => call(z.array(LoopItemView), 'GET', `/api/screens/${screenId}/items`),
  addItem: (screenId: string, item: CreateLoopItem) =>
    call(LoopItemView, 'POST', `/api/screens/${screenId}/items`, item),
  removeItem: (screenId: string, itemId: string) => call(Nothing, 'DELETE', `/api/screens/${screenId}/items/${itemId}`),
  publish: (screenId: string) => call(PublishResult, 'POST', `/api/screens/${screenId}/publish`),
  groups: (screenId: string) =>
    call(z.object({ groups: z.array(z.string()) }), 'GET', `/api/screens/${screenId}/groups`),
  setGroups: (screenId: string, groups: string[]) =>
    call(z.object({ groups: z.array(z.string()) }), 'PUT', `/api/screens/${screenId}/groups`, { groups }),

  // Players and delivery (docs/api.md, "Delivery").
  deliveryScreens: () => call(z.array(ScreenDelivery), 'GET', '/api/delivery/screens'),
  players: () => call(z.array(PlayerView), 'GET', '/api/players'),
  pair: (body: PairPlayer) => call(PlayerView, 'POST', '/api/players/pair', body),
  updatePlayer: (id: string, body: UpdatePlayer) => call(PlayerView, 'PUT', `/api/players/${id}`, body),
  revoke: (id: string) => call(PlayerView, 'POST', `/api/players/${id}/revoke`),
  command: (screenId: string, body: Pick<IssueCommand, 'name'> & Partial<IssueCommand>) =>
    call(CommandView, 'POST', `/api/screens/${screenId}/commands`, body),
  commands: (screenId: string) => call(z.array(CommandView), 'GET', `/api/screens/${screenId}/commands`),

  // Proof of play.
  summary: (q: { by: 'hour' | 'day'; from: string; to: string; screen?: string }) =>
    call(PlaySummary, 'GET', `/api/proof-of-play/summary${query(q)}`),
  /** The CSV as a file: fetched (so a refusal is shown, not lost), then handed to the browser to save. */
  summaryCsv: async (q: { by: 'hour' | 'day'; from: string; to: string; screen?: string; lang: 'id' | 'en' }) => {
    const url = `/api/proof-of-play/summary${query({ ...q, format: 'csv' })}`;
    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (error) {
      throw new ApiFailure(0, { code: OFFLINE, message: error instanceof Error ? error.message : String(error) });
    }
    if (!response.ok) await answerOf(Nothing, response);
    return response.blob();
  },

  // Schedules.
  timeline: (screenId: string, from: number, to: number) =>
    call(
      TimelineView,
      'GET',
      `/api/screens/${screenId}/timeline${query({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })}`,
    ),
  now: (screenId: string, at?: number) =>
    call(
      ResolutionView,
      'GET',
      `/api/screens/${screenId}/now${query({ at: at === undefined ? undefined : new Date(at).toISOString() })}`,
    ),
  playlists: () => call(z.array(PlaylistView), 'GET', '/api/playlists'),
  playlist: (id: string) => call(PlaylistView, 'GET', `/api/playlists/${id}`),
  createPlaylist: (body: CreatePlaylist) => call(PlaylistView, 'POST', '/api/playlists', body),
  updatePlaylist: (id: string, body: UpdatePlaylist) => call(PlaylistView, 'PUT', `/api/playlists/${id}`, body),
  deletePlaylist: (id: string) => call(Nothing, 'DELETE', `/api/playlists/${id}`),
  layouts: () => call(z.array(LayoutView), 'GET', '/api/layouts'),
  layout: (id: string) => call(LayoutView, 'GET', `/api/layouts/${id}`),
  createLayout: (body: CreateLayout) => call(LayoutView, 'POST', '/api/layouts', body),
  updateLayout: (id: string, body: UpdateLayout) => call(LayoutView, 'PUT', `/api/layouts/${id}`, body),
  deleteLayout: (id: string) => call(Nothing, 'DELETE', `/api/layouts/${id}`),
  dayparts: () => call(z.array(Daypart), 'GET', '/api/dayparts'),
  createDaypart: (body: Daypart) => call(Daypart, 'POST', '/api/dayparts', body),
  updateDaypart: (id: string, body: DaypartInput) => call(Daypart, 'PUT', `/api/dayparts/${id}`, body),
  deleteDaypart: (id: string) => call(Nothing, 'DELETE', `/api/dayparts/${id}`),
  events: () => call(z.array(EventSummary), 'GET', '/api/events'),
  event: (id: string) => call(EventView, 'GET', `/api/events/${id}`),
  createEvent: (body: EventInput) => call(EventWriteResult, 'POST', '/api/events', body),
  updateEvent: (id: string, body: EventInput) => call(EventWriteResult, 'PUT', `/api/events/${id}`, body),
  deleteEvent: (id: string) => call(Nothing, 'DELETE', `/api/events/${id}`),
  schedulePreview: (body: SchedulePreviewRequest) => call(SchedulePreview, 'POST', '/api/schedule/preview', body),

  // Announcements and previews.
  announcements: () => call(z.array(AnnouncementView), 'GET', '/api/announcements'),
  announce: (body: CreateAnnouncement) => call(AnnouncementWriteResult, 'POST', '/api/announcements', body),
  endAnnouncement: (id: string) => call(AnnouncementWriteResult, 'POST', `/api/announcements/${id}/end`),
  previewManifest: (body: PreviewRequest) => call(Manifest, 'POST', '/api/preview/manifest', body),

  // The content library.
  library: (q: Partial<LibraryQuery>) => call(LibraryPage, 'GET', `/api/content${query(q)}`),
  libraryItem: (id: string) => call(LibraryItem, 'GET', `/api/content/${id}`),
  tags: () => call(z.array(TagCount), 'GET', '/api/content/tags'),
  deleteContent: (id: string) => call(Nothing, 'DELETE', `/api/content/${id}`),
  uploadProgress: (uploadId: string) => call(UploadProgress, 'GET', `/api/content/uploads/${uploadId}`),
  /**
   * Sends one file, reporting the bytes sent as they go (fetch cannot report an upload's progress; XHR can).
   * Processing after the last byte is followed with `uploadProgress`.
   */
  upload: (file: File, uploadId: string, onSent: (sent: number, total: number) => void) =>
    new Promise<UploadResult>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/content${query({ uploadId })}`);
      xhr.withCredentials = true;
      for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => onSent(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onerror = () => reject(new ApiFailure(0, { code: OFFLINE, message: 'upload failed' }));
      xhr.onload = () => {
        void answerOf(UploadResult, new Response(xhr.responseText || null, { status: xhr.status })).then(
          resolve,
          reject,
        );
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    }),

  // Video walls (docs/api.md, "Walls").
  walls: () => call(z.array(WallView), 'GET', '/api/walls'),
  createWall: (body: CreateWall) => call(WallView, 'POST', '/api/walls', body),
  updateWall: (id: string, body: UpdateWall) => call(WallView, 'PUT', `/api/walls/${id}`, body),
  deleteWall: (id: string) => call(Nothing, 'DELETE', `/api/walls/${id}`),

  // Data sources (docs/data.md) and alerts (docs/alerts.md).
  sources: () => call(z.array(SourceView), 'GET', '/api/sources'),
  createSource: (body: z.input<typeof CreateSource>) => call(SourceView, 'POST', '/api/sources', body),
  updateSource: (id: string, body: z.input<typeof UpdateSource>) => call(SourceView, 'PUT', `/api/sources/${id}`, body),
  deleteSource: (id: string) => call(Nothing, 'DELETE', `/api/sources/${id}`),
  refreshSource: (id: string) => call(SourceView, 'POST', `/api/sources/${id}/refresh`),
  sourceData: (id: string) => call(SourceData, 'GET', `/api/sources/${id}/data`),
  testSource: (body: z.input<typeof UpdateSource>) => call(SourceData, 'POST', '/api/sources/test', body),
  alerts: (state: 'active' | 'ended' | 'all' = 'all', limit = 50) =>
    call(z.array(AlertView), 'GET', `/api/alerts${query({ state, limit })}`),
  alertTemplates: () => call(z.array(AlertTemplate), 'GET', '/api/alerts/templates'),
  createAlert: (body: z.input<typeof CreateAlert>) =>
    call(z.union([AlertAccepted, AlertHeld]), 'POST', '/api/alerts', body),
  clearAlert: (id: string, allClear: boolean) =>
    call(AlertView, 'DELETE', `/api/alerts/${id}${query({ allClear: allClear ? 'true' : undefined })}`),
  setLocation: (screenId: string, location: GeoPoint | null) =>
    call(Screen, 'PUT', `/api/screens/${screenId}/location`, { location }),
};
