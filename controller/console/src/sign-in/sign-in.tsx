import type { SessionInfo } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { LanguageSwitch } from '../app/language-switch';
import { useT } from '../i18n/catalogue';
import { ErrorNote } from '../ui/feedback';
import { TextField } from '../ui/fields';

export function SignIn({
  onSignedIn,
  onToggleLanguage,
}: {
  onSignedIn: (session: SessionInfo) => void;
  onToggleLanguage: () => void;
}) {
  const t = useT();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!username.trim() || !password) return;
    setBusy(true);
    try {
      // The console signs its calls with the cookie; the answer's bearer token is for scripts, not kept here.
      const { token: _forScripts, ...session } = await api.signIn(username, password);
      onSignedIn(session);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header className="bc-header">
        <p className="bc-header__title">{t('appTitle')}</p>
        <div className="bc-header__tools">
          <LanguageSwitch onToggle={onToggleLanguage} />
        </div>
      </header>
      <main className="bc-signin-page" id="page">
        <form className="bc-card bc-signin" onSubmit={submit} noValidate>
          <h1>{t('signInTitle')}</h1>
          <TextField
            label={t('username')}
            name="username"
            autoComplete="username"
            value={username}
            onChange={setUsername}
            error={tried && !username.trim() ? t('required') : null}
          />
          <TextField
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={tried && !password ? t('required') : null}
          />
          {failure ? <ErrorNote error={failure} /> : null}
          <button type="submit" className="bc-button" disabled={busy}>
            {t('signIn')}
          </button>
        </form>
      </main>
    </>
  );
}
