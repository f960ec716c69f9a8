import {
  type ApiTokenView,
  type CreatedApiToken,
  type SessionInfo,
  TOKEN_SCOPES,
  type TokenScope,
  scopesOf,
} from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatDate } from '../i18n/format';
import { ConfirmDialog } from '../ui/dialog';
import { Data, Empty, ErrorNote, Loading, Notice } from '../ui/feedback';
import { TextField } from '../ui/fields';
import { SCOPE_TEXT } from './role-names';

/** The signed-in user's API tokens: make one with the scopes the role allows, see its secret once, revoke it. */
export function TokensPanel({ session }: { session: SessionInfo }) {
  const t = useT();
  const lang = useLang();
  const { loaded, reload } = useLoad(() => api.tokens(), [], ['accounts']);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const allowed = scopesOf(session.role);
  const day = (iso: string | null) => (iso ? formatDate(Date.parse(iso), DEFAULT_ZONE, lang) : t('never'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || scopes.length === 0) return;
    setFailure(null);
    try {
      setCreated(await api.createToken({ name: name.trim(), scopes }));
      setName('');
      setTried(false);
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const revoke = async (token: ApiTokenView) => {
    setRevoking(null);
    setFailure(null);
    try {
      await api.revokeToken(token.id);
      reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section className="bc-card bc-users__tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('apiTokens')}</h2>
      <p className="bc-muted">{t('apiTokensIntro')}</p>
      <form className="bc-form bc-users__form" onSubmit={submit} noValidate>
        <TextField
          label={t('tokenName')}
          name="token-name"
          maxLength={120}
          value={name}
          onChange={setName}
          error={tried && !name.trim() ? t('required') : null}
        />
        <fieldset>
          <legend>{t('tokenScopes')}</legend>
          {TOKEN_SCOPES.filter((s) => allowed.includes(s)).map((s) => (
            <label key={s} className="bc-check">
              <input
                type="checkbox"
                name={`scope-${s}`}
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
              <span>{t(SCOPE_TEXT[s])}</span>
            </label>
          ))}
          {tried && scopes.length === 0 ? <p className="bc-field__error">{t('pickScope')}</p> : null}
        </fieldset>
        <button type="submit" className="bc-button">
          {t('createToken')}
        </button>
      </form>
      {created ? (
        <div className="bc-users__secret">
          <Notice>{t('tokenCreated', { name: created.name })}</Notice>
          <p>{t('tokenShownOnce')}</p>
          <code className="bc-token" translate="no">
            {created.token}
          </code>
        </div>
      ) : null}
      {failure ? <ErrorNote error={failure} /> : null}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorNote error={loaded.error} onRetry={reload} />
      ) : loaded.value.length === 0 ? (
        <Empty>{t('noTokens')}</Empty>
      ) : (
        <table className="bc-table">
          <thead>
            <tr>
              <th scope="col">{t('tokenName')}</th>
              <th scope="col">{t('tokenScopes')}</th>
              <th scope="col">{t('tokenExpires')}</th>
              <th scope="col">{t('tokenLastUsed')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {loaded.value.map((token) => (
              <tr key={token.id} data-token-id={token.id}>
                <td>
                  <Data>{token.name}</Data>
                </td>
                <td>
                  {token.scopes.map((s) => (
                    <span key={s} className="bc-tag">
                      {t(SCOPE_TEXT[s])}
                    </span>
                  ))}
                </td>
                <td>
                  <Data>{day(token.expiresAt)}</Data>
                </td>
                <td>{token.lastUsedAt ? <Data>{day(token.lastUsedAt)}</Data> : t('never')}</td>
                <td>
                  <button type="button" className="bc-button bc-button--quiet" onClick={() => setRevoking(token)}>
                    {t('revokeToken')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking ? (
        <ConfirmDialog
          title={t('revokeTokenTitle', { name: revoking.name })}
          body={<p>{t('revokeTokenBody')}</p>}
          confirm={t('revokeToken')}
          danger
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
