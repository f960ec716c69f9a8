import type { AuditEntry, AuditVerification } from '@baruga/protocol';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, failureText } from '../api/client';
import { useT } from '../i18n/catalogue';
import { fillIn } from '../i18n/trust-words';
import '../approvals/approvals.css';

const PAGE = 50;
const when = (iso: string) =>
  new Date(iso).toLocaleString('id-ID', { timeZone: 'Asia/Makassar', dateStyle: 'short', timeStyle: 'medium' });

/**
 * The audit trail, newest first: who did what to which target with what outcome, filtered by action or actor, and
 * whether the chain still holds (the same walk as `npm run audit:verify`).
 */
export function AuditPage() {
  const t = useT();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [applied, setApplied] = useState(filter);
  const [check, setCheck] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.audit({ limit: PAGE, offset, action: applied.action || undefined, actor: applied.actor || undefined }).then(
      (page) => {
        setEntries(page.entries);
        setTotal(page.total);
      },
      (e: unknown) => setError(failureText(e)),
    );
    api.verifyAudit().then(setCheck, (e: unknown) => setError(failureText(e)));
  }, [offset, applied]);
  useEffect(() => load(), [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setApplied(filter);
  };
  return (
    <section className="bc-card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      {check ? (
        <p className={check.intact ? 'bc-ok' : 'bc-error'} data-intact={check.intact}>
          {check.broken
            ? fillIn(t('auditBroken'), { seq: check.broken.seq, problem: check.broken.problem })
            : fillIn(t('auditIntact'), { entries: check.entries })}
        </p>
      ) : null}
      <form className="bc-form__row" onSubmit={submit}>
        <label>
          {t('auditFilterAction')}
          <input
            value={filter.action}
            maxLength={64}
            onChange={(e) => setFilter({ ...filter, action: e.target.value })}
          />
        </label>
        <label>
          {t('auditFilterActor')}
          <input
            value={filter.actor}
            maxLength={64}
            onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
          />
        </label>
        <button type="submit">{t('auditFilter')}</button>
      </form>
      {error ? (
        <p className="bc-error" role="alert">
          {error}
        </p>
      ) : null}
      {entries.length === 0 ? <p className="bc-muted">{t('auditEmpty')}</p> : null}
      <table className="bc-trust-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('auditWhen')}</th>
            <th>{t('auditWho')}</th>
            <th>{t('auditWhat')}</th>
            <th>{t('auditTarget')}</th>
            <th>{t('auditOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-action={e.action}>
              <td>{e.seq}</td>
              <td>{when(e.at)}</td>
              <td>
                {e.actor.name} <span className="bc-muted">({e.actor.kind})</span>
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.target ?? '–'}</td>
              <td>{e.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bc-form__row">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          {t('newer')}
        </button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          {t('older')}
        </button>
      </div>
    </section>
  );
}
