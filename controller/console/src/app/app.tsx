import type { Screen, ScreenDelivery } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { type Lang, LangContext, dictionary } from '../i18n/catalogue';
import { PlayersPanel } from '../players/players-panel';
import { ProofOfPlayReport } from '../reports/proof-of-play-report';
import { SignIn } from '../sign-in/sign-in';
import { ScreenList } from '../screens/screen-list';
import { ScreenPanel } from '../screens/screen-panel';
import { AlertsPanel } from '../alerts/alerts-panel';
import { SourcesPanel } from '../sources/sources-panel';
import { WidgetForm } from '../widgets/widget-form';

const LANG_KEY = 'baruga.console.lang';

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id'));
  const [user, setUser] = useState<string | null | undefined>(undefined);
  const [screens, setScreens] = useState<Screen[]>([]);
  const [delivery, setDelivery] = useState<ScreenDelivery[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    document.title = dictionary.appTitle[lang];
  }, [lang]);

  useEffect(() => {
    api.session().then(
      (s) => setUser(s.username),
      () => setUser(null),
    );
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
    [],
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
          {selected ? <WidgetForm key={`widget-${selected}`} screenId={selected} onChanged={refresh} /> : null}
        </main>
      )}
      {user ? (
        <div className="bc-section">
          <AlertsPanel screens={screens} onScreensChanged={() => void refresh()} />
          <SourcesPanel />
          <PlayersPanel screens={screens} />
          <ProofOfPlayReport screens={screens} />
        </div>
      ) : null}
    </LangContext.Provider>
  );
}
