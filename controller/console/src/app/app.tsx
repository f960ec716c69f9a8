import type { Screen, ScreenDelivery, SessionInfo } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { type Lang, LangContext, dictionary } from '../i18n/catalogue';
import { TrustPages } from '../accounts/trust-pages';
import { PlayersPanel } from '../players/players-panel';
import { ProofOfPlayReport } from '../reports/proof-of-play-report';
import { SignIn } from '../sign-in/sign-in';
import { ScreenList } from '../screens/screen-list';
import { ScreenPanel } from '../screens/screen-panel';

const LANG_KEY = 'baruga.console.lang';

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id'));
  // Who is signed in, with the role the pages follow and the CSRF token the API client keeps (api/client.ts).
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const user = session === undefined ? undefined : (session?.username ?? null);
  const setUser = useCallback((signedIn: string | null) => {
    if (signedIn === null) setSession(null);
    else api.session().then(setSession, () => setSession(null));
  }, []);
  const [screens, setScreens] = useState<Screen[]>([]);
  const [delivery, setDelivery] = useState<ScreenDelivery[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    document.title = dictionary.appTitle[lang];
  }, [lang]);

  useEffect(() => {
    api.session().then(setSession, () => setSession(null));
  }, []);

  const refresh = useCallback(
    () =>
      Promise.all([
        api.screens().then(setScreens, (error: unknown) => {
          if (error instanceof ApiFailure && error.status === 401) setUser(null);
        }),
        // Online, late or offline from the players' heartbeats (docs/delivery.md).
        api.deliveryScreens().then(setDelivery, () => undefined),
      ]),
    [setUser],
  );

  // Presence changes on the players' side: poll while signed in.
  useEffect(() => {
    if (!user) return;
    const timer = setInterval(() => void refresh(), 3000);
    void refresh();
    return () => clearInterval(timer);
  }, [user, refresh]);

  const t = (key: keyof typeof dictionary) => dictionary[key][lang];
  return (
    <LangContext.Provider value={lang}>
      <header className="bc-header">
        <h1>{t('appTitle')}</h1>
        <div className="bc-header__tools">
          <button
            type="button"
            className="bc-link"
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
            aria-label="Bahasa / Language"
          >
            {lang === 'id' ? 'English' : 'Bahasa Indonesia'}
          </button>
          {user ? (
            <button type="button" className="bc-link" onClick={() => void api.signOut().finally(() => setUser(null))}>
              {t('signOut')} ({user})
            </button>
          ) : null}
        </div>
      </header>
      {user === undefined ? null : user === null ? (
        <SignIn onSignedIn={setUser} />
      ) : (
        <main className="bc-main">
          <ScreenList screens={screens} delivery={delivery} selected={selected} onSelect={setSelected} />
          <ScreenPanel
            key={selected ?? 'none'}
            screen={screens.find((s) => s.id === selected) ?? null}
            delivery={delivery.find((d) => d.screenId === selected) ?? null}
            onChanged={refresh}
          />
        </main>
      )}
      {user ? (
        <div className="bc-section">
          <PlayersPanel screens={screens} />
          <ProofOfPlayReport screens={screens} />
          {session ? <TrustPages session={session} onSignedOut={() => setUser(null)} /> : null}
        </div>
      ) : null}
    </LangContext.Provider>
  );
}
