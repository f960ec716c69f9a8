import { ROLES, type Role, type SessionInfo, type UpdateUser, type UserView } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatDateTime } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { Data, ErrorNote, Loading, Notice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import { ROLE_TEXT } from './role-names';
import { TokensPanel } from './tokens-panel';
import './users.css';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const EMPTY_USER = { username: '', displayName: '', password: '', role: 'editor' as Role };

function NewUserForm({ onAdded }: { onAdded: (name: string) => void }) {
  const t = useT();
  const [form, setForm] = useState(EMPTY_USER);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!USERNAME.test(form.username) || form.password.length < 12) return;
    setFailure(null);
    try {
      const user = await api.createUser(form);
      setForm(EMPTY_USER);
      setTried(false);
      onAdded(user.username);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <form className="bc-card bc-form bc-users__form" onSubmit={submit} noValidate aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('addUser')}</h2>
      <TextField
        label={t('username')}
        name="new-username"
        autoComplete="off"
        maxLength={32}
        value={form.username}
        onChange={(username) => setForm({ ...form, username })}
        hint={t('usernameRule')}
        error={tried && !USERNAME.test(form.username) ? t('usernameRule') : null}
      />
      <TextField
        label={t('displayName')}
        name="new-display-name"
        maxLength={120}
        value={form.displayName}
        onChange={(displayName) => setForm({ ...form, displayName })}
      />
      <TextField
        label={t('initialPassword')}
        name="new-password"
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={(password) => setForm({ ...form, password })}
        hint={t('passwordRule')}
        error={tried && form.password.length < 12 ? t('passwordRule') : null}
      />
      <SelectField
        label={t('roleLabel')}
        name="new-role"
        value={form.role}
        options={ROLES.map((r) => ({ value: r, label: t(ROLE_TEXT[r]) }))}
        onChange={(role) => setForm({ ...form, role })}
      />
      {failure ? <ErrorNote error={failure} /> : null}
      <button type="submit" className="bc-button">
        {t('addUser')}
      </button>
    </form>
  );
}

/** Everyone's role and whether they may sign in; the last active admin stays (the controller refuses). */
function UsersTable({ users, onChanged }: { users: UserView[]; onChanged: (message: string) => void }) {
  const t = useT();
  const lang = useLang();
  const [failure, setFailure] = useState<unknown>(null);
  const [disabling, setDisabling] = useState<UserView | null>(null);
  const update = async (user: UserView, body: UpdateUser, message: string) => {
    setFailure(null);
    try {
      await api.updateUser(user.username, body);
      onChanged(message);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section className="bc-card" aria-labelledby="users-list-title">
      <h2 id="users-list-title">{t('usersList')}</h2>
      {failure ? <ErrorNote error={failure} /> : null}
      <table className="bc-table">
        <thead>
          <tr>
            <th scope="col">{t('userName')}</th>
            <th scope="col">{t('roleLabel')}</th>
            <th scope="col">{t('userState')}</th>
            <th scope="col">{t('lastSignIn')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-username={u.username}>
              <td>
                <Data>
                  <strong>{u.username}</strong>
                  {u.displayName ? ` · ${u.displayName}` : ''}
                </Data>
              </td>
              <td>
                <select
                  aria-label={t('roleOf', { name: u.username })}
                  value={u.role}
                  onChange={(e) => {
                    const role = ROLES.find((r) => r === e.target.value);
                    if (role) {
                      void update(u, { role }, t('roleChanged', { name: u.username, role: t(ROLE_TEXT[role]) }));
                    }
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(ROLE_TEXT[r])}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <span className={u.disabled ? 'bc-tag bc-tag--danger' : 'bc-tag'}>
                  {u.disabled ? t('userDisabled') : t('userActive')}
                </span>
              </td>
              <td>
                {u.lastSignInAt ? (
                  <Data>{formatDateTime(Date.parse(u.lastSignInAt), DEFAULT_ZONE, lang)}</Data>
                ) : (
                  t('never')
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="bc-button bc-button--quiet"
                  onClick={() => (u.disabled ? void update(u, { disabled: false }, t('saved')) : setDisabling(u))}
                >
                  {u.disabled ? t('enableUser') : t('disableUser')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {disabling ? (
        <ConfirmDialog
          title={t('disableUserTitle', { name: disabling.username })}
          body={<p>{t('disableUserBody', { name: disabling.username })}</p>}
          confirm={t('disableUser')}
          danger
          onConfirm={() => {
            const user = disabling;
            setDisabling(null);
            void update(user, { disabled: true }, t('saved'));
          }}
          onCancel={() => setDisabling(null)}
        />
      ) : null}
    </section>
  );
}

/** Users and access, for admins: every user and their role, a new user, and one's own API tokens. */
export function UsersPage({ session }: { session: SessionInfo }) {
  const t = useT();
  const { loaded, reload } = useLoad(() => api.users(), [], ['accounts']);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    reload();
  };
  return (
    <section className="bc-page" aria-labelledby="users-title">
      <h1 id="users-title" tabIndex={-1}>
        {t('usersTitle')}
      </h1>
      {message ? <Notice>{message}</Notice> : null}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorNote error={loaded.error} onRetry={reload} />
      ) : (
        <UsersTable users={loaded.value} onChanged={changed} />
      )}
      <div className="bc-two">
        <NewUserForm onAdded={(name) => changed(t('userAdded', { name }))} />
        <TokensPanel session={session} />
      </div>
    </section>
  );
}
