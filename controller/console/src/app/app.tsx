import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { LiveContext, createLiveFeed } from '../api/live';
import { type Lang, LangContext } from '../i18n/catalogue';
import { SignIn } from '../sign-in/sign-in';
import { Shell } from './shell';

const LANG_KEY = 'baruga.console.lang';

/** The console: Indonesian unless the operator chose English; signed in or not; live while signed in. */
export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id'));
  const [user, setUser] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    // Screen readers and the browser's own features (spelling, hyphenation, translation) follow this.
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    api.session().then(
      (s) => setUser(s.username),
      () => setUser(null),
    );
  }, []);

  // One long poll for the whole console while signed in (api/live.ts); a 401 on it means the session ended.
  const feed = useMemo(() => (user ? createLiveFeed(() => setUser(null)) : null), [user]);
  useEffect(() => {
    if (!feed) return;
    feed.start();
    return () => feed.stop();
  }, [feed]);

  const toggle = () => setLang(lang === 'id' ? 'en' : 'id');
  return (
    <LangContext.Provider value={lang}>
      <LiveContext.Provider value={feed}>
        {user === undefined ? null : user === null ? (
          <SignIn onSignedIn={setUser} onToggleLanguage={toggle} />
        ) : (
          <Shell
            user={user}
            onToggleLanguage={toggle}
            onSignOut={() => void api.signOut().finally(() => setUser(null))}
          />
        )}
      </LiveContext.Provider>
    </LangContext.Provider>
  );
}
