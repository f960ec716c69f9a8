import type { AuditVerification } from '@baruga/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatDateTime, formatNumber } from '../i18n/format';
import { Data, Empty, ErrorNote, Loading } from '../ui/feedback';
import { TextField } from '../ui/fields';
import './audit.css';

const PAGE = 50;

/** Whether the chain still holds: the same walk as `npm run audit:verify`, on opening and on request. */
function ChainCheck() {
  const t = useT();
  const lang = useLang();
  const [check, setCheck] = useState<{ state: 'ok'; value: AuditVerification } | { state: 'error'; error: unknown }>();
  const verify = () =>
    api.verifyAudit().then(
      (value) => setCheck({ state: 'ok', value }),
      (error: unknown) => setCheck({ state: 'error', error }),
    );
  useEffect(() => void verify(), []);
  return (
    <div className="bc-card bc-audit__chain">
      {check === undefined ? (
        <Loading />
      ) : check.state === 'error' ? (
        <ErrorNote error={check.error} />
      ) : (
        <p
          className={check.value.intact ? 'bc-ok' : 'bc-error'}
          role={check.value.intact ? 'status' : 'alert'}
          data-intact={check.value.intact}
        >
          {check.value.broken
            ? t('auditBroken', { seq: check.value.broken.seq, problem: check.value.broken.problem })
            : t('auditIntact', { entries: formatNumber(check.value.entries, lang) })}
        </p>
      )}
      <button type="button" className="bc-button bc-button--quiet" onClick={() => void verify()}>
        {t('auditVerify')}
      </button>
    </div>
  );
}

/**
 * The audit trail, newest first: who did what to which target with what outcome, filtered by action or actor, and
 * whether the chain still holds. It is not live: entries arrive with every request, and a moving list cannot be read.
 */
export function AuditPage() {
  const t = useT();
  const lang = useLang();
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [applied, setApplied] = useState(filter);
  const { loaded, reload } = useLoad(
    () =>
      api.audit({
        limit: PAGE,
        offset,
        action: applied.action.trim() || undefined,
        actor: applied.actor.trim() || undefined,
      }),
    [offset, applied],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setApplied(filter);
  };
  return (
    <section className="bc-page" aria-labelledby="audit-title">
      <h1 id="audit-title" tabIndex={-1}>
        {t('auditTitle')}
      </h1>
      <p className="bc-muted">{t('auditIntro')}</p>
      <ChainCheck />
      <form className="bc-form bc-form--inline" onSubmit={submit} noValidate>
        <TextField
          label={t('auditFilterAction')}
          name="action"
          maxLength={64}
          value={filter.action}
          onChange={(action) => setFilter({ ...filter, action })}
        />
        <TextField
          label={t('auditFilterActor')}
          name="actor"
          maxLength={64}
          value={filter.actor}
          onChange={(actor) => setFilter({ ...filter, actor })}
        />
        <button type="submit" className="bc-button">
          {t('auditFilter')}
        </button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorNote error={loaded.error} onRetry={reload} />
      ) : loaded.value.entries.length === 0 ? (
        <Empty>{t('auditEmpty')}</Empty>
      ) : (
        <div className="bc-card">
          <table className="bc-table">
            <thead>
              <tr>
                <th scope="col">{t('auditSeq')}</th>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditFilterActor')}</th>
                <th scope="col">{t('auditWhat')}</th>
                <th scope="col">{t('auditTarget')}</th>
                <th scope="col">{t('auditOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.value.entries.map((e) => (
                <tr key={e.seq} data-action={e.action}>
                  <td>
                    <Data>{e.seq}</Data>
                  </td>
                  <td>
                    <Data>{formatDateTime(Date.parse(e.at), DEFAULT_ZONE, lang)}</Data>
                  </td>
                  <td>
                    <Data>{e.actor.name}</Data>
                  </td>
                  <td>
                    <Data>
                      <code>{e.action}</code>
                    </Data>
                  </td>
                  <td>
                    <Data>{e.target ?? '–'}</Data>
                  </td>
                  <td>
                    <Data>{e.outcome}</Data>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="bc-audit__pages">
            <p className="bc-muted">
              {t('auditRange', {
                from: offset + 1,
                to: offset + loaded.value.entries.length,
                total: loaded.value.total,
              })}
            </p>
            <button
              type="button"
              className="bc-button bc-button--quiet"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('newer')}
            </button>
            <button
              type="button"
              className="bc-button bc-button--quiet"
              disabled={offset + PAGE >= loaded.value.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('older')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
