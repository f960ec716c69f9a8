import { type FormEvent, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { useT } from '../i18n/catalogue';

export function SignIn({ onSignedIn }: { onSignedIn: (username: string) => void }) {
  const t = useT();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const session = await api.signIn(username, password);
      onSignedIn(session.username);
    } catch (error) {
      if (error instanceof ApiFailure) setFailed(true);
      else throw error;
    }
  };

  return (
    <form className="bc-card bc-signin" onSubmit={submit}>
      <label>
        {t('username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {failed ? (
        <p className="bc-error" role="alert">
          {t('badCredentials')}
        </p>
      ) : null}
      <button type="submit">{t('signIn')}</button>
    </form>
  );
}
