import type { SessionInfo } from '@baruga/protocol';
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
  // Who is signed in, with the role that decides which pages are offered (app/access.ts).
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const signedIn = Boolean(session);

  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    // Screen readers and the browser's own features (spelling, hyphenation, translation) follow this.
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    api.session().then(setSession, () => setSession(null));
  }, []);

  // One long poll for the whole console while signed in (api/live.ts); a 401 on it means the session ended.
  const feed = useMemo(() => (signedIn ? createLiveFeed(() => setSession(null)) : null), [signedIn]);
  useEffect(() => {
    if (!feed) return;
    feed.start();
    return () => feed.stop();
  }, [feed]);

  const toggle = () => setLang(lang === 'id' ? 'en' : 'id');
  return (
    <LangContext.Provider value={lang}>
      <LiveContext.Provider value={feed}>
        {session === undefined ? null : session === null ? (
          <SignIn onSignedIn={setSession} onToggleLanguage={toggle} />
        ) : (
          <Shell
            session={session}
            onToggleLanguage={toggle}
            onSignOut={() => void api.signOut().finally(() => setSession(null))}
          />
        )}
      </LiveContext.Provider>
    </LangContext.Provider>
  );
}
