import type { Role, TokenScope } from '@baruga/protocol';
import type { RunningController } from '../controller';

/** A user of `role` (made once per name) signed in with a session, as `Authorization: Bearer` headers. */
export function sessionAs(controller: RunningController, role: Role, username = `${role}-uji`) {
  const user =
    controller.repos.users.get(username) ?? controller.repos.users.create(username, `sandi-${username}-123`, role);
  const { token } = controller.repos.sessions.create(user);
  return { authorization: `Bearer ${token}` };
}

/** An API token of `role`'s user with these scopes, as headers. */
export function tokenAs(controller: RunningController, role: Role, scopes: TokenScope[], username = `${role}-uji`) {
  const user =
    controller.repos.users.get(username) ?? controller.repos.users.create(username, `sandi-${username}-123`, role);
  const { token } = controller.repos.apiTokens.create(user, { name: 'uji', scopes, expiresInDays: 1 });
  return { authorization: `Bearer ${token}` };
}
