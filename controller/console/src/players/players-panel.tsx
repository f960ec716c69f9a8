import type { PlayerView, Screen } from '@baruga/protocol';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import { type TextKey, useT } from '../i18n/catalogue';
import '../screens/delivery.css';

const STATE_TEXT: Record<PlayerView['state'], TextKey> = {
  pending: 'statePending',
  active: 'stateActive',
  revoked: 'stateRevoked',
};

/**
 * Players: type the six-character code a new player shows, name it and pick its screens; see every
 * enrolled player and revoke one (its broker connection is cut at once).
 */
export function PlayersPanel({ screens }: { screens: Screen[] }) {
  const t = useT();
  const [players, setPlayers] = useState<PlayerView[]>([]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(() => api.players().then(setPlayers, () => undefined), []);
  useEffect(() => {
    void load();
  }, [load]);

  const report = (e: unknown) =>
    setMessage({ ok: false, text: e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e) });

  const pair = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const player = await api.pair({ code, name, screens: chosen });
      setMessage({ ok: true, text: `${t('paired')}: ${player.name} (${player.id})` });
      setCode('');
      setName('');
      setChosen([]);
      await load();
    } catch (e) {
      report(e);
    }
  };

  return (
    <section className="bc-card" aria-label={t('players')}>
      <h2>{t('players')}</h2>
      <form className="bc-form" onSubmit={pair}>
        <h3>{t('pairTitle')}</h3>
        <label>
          {t('pairingCode')}
          <input
            className="bc-code-input"
            required
            maxLength={9}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
          />
        </label>
        <label>
          {t('playerName')}
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('assignScreens')}</legend>
          {screens.map((s) => (
            <label key={s.id} className="bc-check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))}
              />
              {s.name}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('pair')}</button>
        {message ? (
          <p className={message.ok ? 'bc-ok' : 'bc-error'} role="status">
            {message.text}
          </p>
        ) : null}
      </form>
      {players.length === 0 ? <p className="bc-muted">{t('noPlayers')}</p> : null}
      <ul className="bc-items">
        {players.map((p) => (
          <li key={p.id} data-player-id={p.id}>
            <span className="bc-items__summary">
              {p.name || p.id} · {p.host} · {p.screens.join(', ') || '–'}
            </span>
            <span className="bc-tag">{t(STATE_TEXT[p.state])}</span>
            {p.state === 'active' ? (
              <button type="button" className="bc-link" onClick={() => void api.revoke(p.id).then(load, report)}>
                {t('revoke')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
