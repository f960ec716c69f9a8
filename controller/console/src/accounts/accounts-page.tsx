import {
  type ApiTokenView,
  ROLES,
  type Role,
  type SessionInfo,
  TOKEN_SCOPES,
  type TokenScope,
  type UserView,
  scopesOf,
} from '@baruga/protocol';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, failureText } from '../api/client';
import { type TextKey, useT } from '../i18n/catalogue';
import '../approvals/approvals.css';

export const ROLE_TEXT: Record<Role, TextKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  approver: 'roleApprover',
  viewer: 'roleViewer',
};
const SCOPE_TEXT: Record<TokenScope, TextKey> = {
  read: 'scopeRead',
  edit: 'scopeEdit',
  approve: 'scopeApprove',
  admin: 'scopeAdmin',
};
const day = (iso: string | null, never: string) =>
  iso ? new Date(iso).toLocaleDateString('id-ID', { timeZone: 'Asia/Makassar', dateStyle: 'medium' }) : never;

function Failure({ text }: { text: string | null }) {
  return text ? (
    <p className="bc-error" role="alert">
      {text}
    </p>
  ) : null;
}

/** One's own password, with the current one; every session ends and the console asks to sign in again. */
function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api
      .changePassword({ currentPassword: current, newPassword: next })
      .then(onChanged, (e: unknown) => setError(failureText(e)));
  };
  return (
    <form className="bc-form" onSubmit={submit}>
      <h3>{t('changePassword')}</h3>
      <label>
        {t('currentPassword')}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label>
        {t('newPassword')}
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <button type="submit">{t('changePassword')}</button>
      <Failure text={error} />
    </form>
  );
}

/** The signed-in user's API tokens: make one with the scopes the role allows, see it once, revoke it. */
function Tokens({ session }: { session: SessionInfo }) {
  const t = useT();
  const [tokens, setTokens] = useState<ApiTokenView[]>([]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.tokens().then(setTokens, (e: unknown) => setError(failureText(e))), []);
  useEffect(() => void load(), [load]);
  const allowed = scopesOf(session.role);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api.createToken({ name, scopes }).then(
      (token) => {
        setCreated(token.token);
        setName('');
        void load();
      },
      (e: unknown) => setError(failureText(e)),
    );
  };
  return (
    <div>
      <h3>{t('apiTokens')}</h3>
      <form className="bc-form" onSubmit={submit}>
        <label>
          {t('tokenName')}
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('tokenScopes')}</legend>
          {TOKEN_SCOPES.filter((s) => allowed.includes(s)).map((s) => (
            <label key={s} className="bc-check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
              {t(SCOPE_TEXT[s])}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={scopes.length === 0}>
          {t('createToken')}
        </button>
      </form>
      {created ? (
        <p role="status">
          {t('tokenShownOnce')} <code className="bc-token">{created}</code>
        </p>
      ) : null}
      <Failure text={error} />
      {tokens.length === 0 ? <p className="bc-muted">{t('noTokens')}</p> : null}
      <ul className="bc-items">
        {tokens.map((token) => (
          <li key={token.id}>
            <span className="bc-items__summary">
              {token.name} · {token.scopes.map((s) => t(SCOPE_TEXT[s])).join(', ')} · {t('tokenExpires')}{' '}
              {day(token.expiresAt, '')} · {t('tokenLastUsed')} {day(token.lastUsedAt, t('never'))}
            </span>
            <button type="button" className="bc-link" onClick={() => void api.revokeToken(token.id).then(load)}>
              {t('revokeToken')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const EMPTY_USER = { username: '', displayName: '', password: '', role: 'editor' as Role };

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const [form, setForm] = useState(EMPTY_USER);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api.createUser(form).then(
      () => {
        setForm(EMPTY_USER);
        setError(null);
        onCreated();
      },
      (e: unknown) => setError(failureText(e)),
    );
  };
  return (
    <form className="bc-form" onSubmit={submit}>
      <h3>{t('addUser')}</h3>
      <label>
        {t('username')}
        <input
          name="new-username"
          required
          pattern="[a-z0-9][a-z0-9._\-]{1,31}"
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
        />
      </label>
      <label>
        {t('displayName')}
        <input
          maxLength={120}
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        />
      </label>
      <label>
        {t('initialPassword')}
        <input
          name="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
      </label>
      <label>
        {t('roleLabel')}
        <select name="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_TEXT[r])}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('addUser')}</button>
      <Failure text={error} />
    </form>
  );
}

/** Admins: everyone's role, disable or enable an account, set a new password. */
function Users() {
  const t = useT();
  const [users, setUsers] = useState<UserView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => api.users().then(setUsers, (e: unknown) => setError(failureText(e))), []);
  useEffect(() => void load(), [load]);
  const update = (username: string, body: Parameters<typeof api.updateUser>[1]) =>
    api.updateUser(username, body).then(
      () => {
        setError(null);
        void load();
      },
      (e: unknown) => setError(failureText(e)),
    );
  return (
    <div>
      <h3>{t('usersTitle')}</h3>
      <Failure text={error} />
      <table className="bc-trust-table">
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-username={u.username}>
              <td>
                <strong>{u.username}</strong> {u.displayName}{' '}
                {u.disabled ? <span className="bc-tag">{t('userDisabled')}</span> : null}
              </td>
              <td>
                <select
                  aria-label={`${t('roleLabel')} ${u.username}`}
                  value={u.role}
                  onChange={(e) => void update(u.username, { role: e.target.value as Role })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(ROLE_TEXT[r])}
                    </option>
                  ))}
                </select>
              </td>
              <td className="bc-muted">
                {t('lastSignIn')} {day(u.lastSignInAt, t('never'))}
              </td>
              <td>
                <button
                  type="button"
                  className="bc-link"
                  onClick={() => void update(u.username, { disabled: !u.disabled })}
                >
                  {u.disabled ? t('enableUser') : t('disableUser')}
                </button>
                <button
                  type="button"
                  className="bc-link"
                  onClick={() => {
                    const password = window.prompt(t('newPassword'));
                    if (password) void update(u.username, { password });
                  }}
                >
                  {t('resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUserForm onCreated={() => void load()} />
    </div>
  );
}

/** Users and access: one's own password and API tokens; for admins, every user and their role. */
export function AccountsPage({ session, onSignedOut }: { session: SessionInfo; onSignedOut: () => void }) {
  const t = useT();
  return (
    <section className="bc-card" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('accountsTitle')}</h2>
      <h3>
        {t('myAccount')}: {session.username} · {t('roleLabel')} {t(ROLE_TEXT[session.role])}
      </h3>
      <PasswordForm onChanged={onSignedOut} />
      <Tokens session={session} />
      {session.role === 'admin' ? <Users /> : null}
    </section>
  );
}
