import {
  type BarugaError,
  type CreateLoopItem,
  LoopItemView,
  PublishResult,
  Screen,
  SessionInfo,
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
};
