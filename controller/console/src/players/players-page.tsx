import { PAIRING_ALPHABET, type PlayerView } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { type TextKey, useT } from '../i18n/catalogue';
import { ConfirmDialog } from '../ui/dialog';
import { Data, Empty, ErrorNote, Loading, Notice } from '../ui/feedback';
import { TextField } from '../ui/fields';

const STATE: Record<PlayerView['state'], TextKey> = {
  pending: 'statePending',
  active: 'stateActive',
  revoked: 'stateRevoked',
};

/** The code as typed off a screen: case and spaces do not matter, look-alikes do not occur (protocol PAIRING_ALPHABET). */
const cleanCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();
const codeOk = (code: string) => code.length === 6 && [...code].every((c) => PAIRING_ALPHABET.includes(c));

function PairForm({ screens, onPaired }: { screens: { id: string; name: string }[]; onPaired: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [outcome, setOutcome] = useState<{ name: string } | { error: unknown } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!codeOk(cleanCode(code)) || !name.trim() || chosen.length === 0) return;
    try {
      const player = await api.pair({ code: cleanCode(code), name: name.trim(), screens: chosen });
      setOutcome({ name: player.name });
      setCode('');
      setName('');
      setChosen([]);
      setTried(false);
      onPaired();
    } catch (error) {
      setOutcome({ error });
    }
  };
  return (
    <form className="bc-card bc-form" onSubmit={submit} noValidate aria-labelledby="pair-title">
      <h2 id="pair-title">{t('pairTitle')}</h2>
      <p className="bc-muted">{t('pairHelp')}</p>
      <TextField
        label={t('pairingCode')}
        name="code"
        value={code}
        onChange={setCode}
        maxLength={9}
        autoComplete="off"
        error={tried && !codeOk(cleanCode(code)) ? t('badCode') : null}
      />
      <TextField
        label={t('playerName')}
        name="player-name"
        value={name}
        onChange={setName}
        maxLength={120}
        error={tried && !name.trim() ? t('required') : null}
      />
      <fieldset>
        <legend>{t('assignScreens')}</legend>
        {screens.map((s) => (
          <label key={s.id} className="bc-check">
            <input
              type="checkbox"
              checked={chosen.includes(s.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))}
            />
            <Data>{s.name}</Data>
          </label>
        ))}
        {tried && chosen.length === 0 ? <p className="bc-field__error">{t('pickScreen')}</p> : null}
      </fieldset>
      {outcome && 'name' in outcome ? <Notice>{t('paired', { name: outcome.name })}</Notice> : null}
      {outcome && 'error' in outcome ? <ErrorNote error={outcome.error} /> : null}
      <button type="submit" className="bc-button">
        {t('pair')}
      </button>
    </form>
  );
}

/** Players: pair a new one with the code it shows; see the enrolled ones; revoke one (asks first). */
export function PlayersPage() {
  const t = useT();
  const { loaded, reload } = useLoad(() => Promise.all([api.players(), api.screens()]), [], ['players']);
  const [revoking, setRevoking] = useState<PlayerView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const screenName = (id: string) =>
    (loaded.state === 'ok' ? loaded.value[1].find((s) => s.id === id)?.name : undefined) ?? id;
  return (
    <section className="bc-page" aria-labelledby="players-title">
      <div className="bc-page__head">
        <h1 id="players-title" tabIndex={-1}>
          {t('playersTitle')}
        </h1>
      </div>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        <div className="bc-two">
          <PairForm screens={loaded.value[1].map((s) => ({ id: s.id, name: s.name }))} onPaired={reload} />
          <section className="bc-card" aria-labelledby="enrolled-title">
            <h2 id="enrolled-title">{t('enrolled')}</h2>
            {failure ? <ErrorNote error={failure} /> : null}
            {loaded.value[0].length === 0 ? <Empty>{t('noPlayers')}</Empty> : null}
            <ul className="bc-list">
              {loaded.value[0].map((p) => (
                <li key={p.id} data-player-id={p.id}>
                  <div className="bc-list__main">
                    <p>
                      <Data>{p.name || p.id}</Data>
                    </p>
                    <p className="bc-muted">
                      {t('playerScreens', { names: p.screens.map(screenName).join(', ') || '–' })}
                    </p>
                  </div>
                  <span className={`bc-tag bc-tag--${p.state}`}>{t(STATE[p.state])}</span>
                  {p.state === 'active' ? (
                    <button
                      type="button"
                      className="bc-button bc-button--quiet bc-button--danger-text"
                      onClick={() => setRevoking(p)}
                    >
                      {t('revoke')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('confirmRevokeTitle')}
          body={<p>{t('confirmRevoke', { name: revoking.name || revoking.id })}</p>}
          confirm={t('revoke')}
          danger
          onConfirm={() => {
            const p = revoking;
            setRevoking(null);
            api.revoke(p.id).then(reload, setFailure);
          }}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
