import {
  type ApprovalDetail,
  type ApprovalState,
  type ApprovalView,
  POLICY_CHECKS,
  type PolicyCheck,
  type SessionInfo,
} from '@baruga/protocol';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, failureText } from '../api/client';
import { type TextKey, useT } from '../i18n/catalogue';
import { fillIn } from '../i18n/trust-words';
import { ApprovalContent } from './approval-content';
import './approvals.css';

const POLICY_TEXT: Record<PolicyCheck, TextKey> = {
  noSara: 'policyNoSara',
  noPornography: 'policyNoPornography',
  noTobacco: 'policyNoTobacco',
  noAlcohol: 'policyNoAlcohol',
  noCampaign: 'policyNoCampaign',
};
const STATE_TEXT: Record<ApprovalState, TextKey> = {
  pending: 'approvalStatePending',
  approved: 'approvalStateApproved',
  rejected: 'approvalStateRejected',
  superseded: 'approvalStateSuperseded',
};
const NONE_CHECKED = Object.fromEntries(POLICY_CHECKS.map((c) => [c, false])) as Record<PolicyCheck, boolean>;

const when = (iso: string) =>
  new Date(iso).toLocaleString('id-ID', { timeZone: 'Asia/Makassar', dateStyle: 'medium', timeStyle: 'short' });

/** One request under review: what it would show, and, for an approver who did not make it, the decision. */
function Review({ id, session, onDecided }: { id: string; session: SessionInfo; onDecided: (text: string) => void }) {
  const t = useT();
  const [detail, setDetail] = useState<ApprovalDetail | null>(null);
  const [checked, setChecked] = useState(NONE_CHECKED);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.approval(id).then(setDetail, (e: unknown) => setError(failureText(e)));
  }, [id]);
  if (!detail) return error ? <p className="bc-error">{error}</p> : null;

  const decide = async (event: FormEvent, decision: 'approve' | 'reject') => {
    event.preventDefault();
    try {
      if (decision === 'reject') {
        await api.reject(id, note);
        onDecided(t('rejectedOk'));
        return;
      }
      const done = await api.approve(id, { ...(detail.kind === 'publication' ? { checklist: checked } : {}), note });
      onDecided(
        done.published ? fillIn(t('approvedAs'), { version: done.published.version }) : t('approvedNotPublished'),
      );
    } catch (e) {
      setError(failureText(e));
    }
  };
  const approver = session.role === 'approver' || session.role === 'admin';
  // The content policy is for what reaches a public screen; a held alert needs only the second person's word.
  const allChecked = detail.kind !== 'publication' || POLICY_CHECKS.every((c) => checked[c]);
  return (
    <div className="bc-approval__review" aria-label={t('approvalReview')}>
      {detail.kind === 'publication' ? (
        <ApprovalContent content={detail.content} onScreen={detail.onScreen} />
      ) : (
        <>
          <p>
            <strong>{detail.summary}</strong>
          </p>
          <pre className="bc-approval__held">{JSON.stringify(detail.content, null, 2)}</pre>
        </>
      )}
      {detail.hash ? (
        <p className="bc-muted">
          {t('approvalHash')}: <code>{detail.hash}</code>
        </p>
      ) : null}
      {detail.state !== 'pending' ? null : detail.mayDecide ? (
        <form className="bc-form" onSubmit={(e) => void decide(e, 'approve')}>
          <fieldset hidden={detail.kind !== 'publication'}>
            <legend>{t('approvalChecklist')}</legend>
            {POLICY_CHECKS.map((c) => (
              <label key={c} className="bc-check">
                <input
                  type="checkbox"
                  name={c}
                  checked={checked[c]}
                  onChange={(e) => setChecked({ ...checked, [c]: e.target.checked })}
                />
                {t(POLICY_TEXT[c])}
              </label>
            ))}
          </fieldset>
          <label>
            {t('approvalNote')} / {t('approvalNoteRequired')}
            <textarea maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="bc-form__row">
            <button type="submit" disabled={!allChecked}>
              {t('approve')}
            </button>
            <button type="button" disabled={note.trim() === ''} onClick={(e) => void decide(e, 'reject')}>
              {t('reject')}
            </button>
          </div>
        </form>
      ) : (
        <p className="bc-muted" role="note">
          {approver ? t('approvalOwn') : t('approvalNotApprover')}
        </p>
      )}
      {error ? (
        <p className="bc-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Admins choose whether manual emergency alerts need a second person. */
function ApprovalSettingsForm() {
  const t = useT();
  const [value, setValue] = useState<boolean | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    api.approvalSettings().then(
      (s) => setValue(s.manualAlertsNeedTwoPeople),
      () => undefined,
    );
  }, []);
  if (value === null) return null;
  const save = (next: boolean) =>
    api.setApprovalSettings({ manualAlertsNeedTwoPeople: next }).then(
      (s) => {
        setValue(s.manualAlertsNeedTwoPeople);
        setSaved(t('saved'));
      },
      (e: unknown) => setSaved(failureText(e)),
    );
  return (
    <section className="bc-card">
      <h3>{t('approvalSettings')}</h3>
      <label className="bc-check">
        <input type="checkbox" checked={value} onChange={(e) => void save(e.target.checked)} />
        {t('alertsTwoPeople')}
      </label>
      {saved ? <p role="status">{saved}</p> : null}
    </section>
  );
}

/**
 * The approval queue: every publication to a public screen that waits for a second person, who reviews what it would
 * show, affirms the content policy and approves (it goes on screen at once) or rejects it with a reason.
 */
export function ApprovalsPage({ session }: { session: SessionInfo }) {
  const t = useT();
  const [showDecided, setShowDecided] = useState(false);
  const [requests, setRequests] = useState<ApprovalView[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api.approvals(showDecided ? undefined : 'pending').then(
        (page) => setRequests(page.approvals),
        (e: unknown) => setMessage(failureText(e)),
      ),
    [showDecided],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section className="bc-card bc-approvals" aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t('approvalsTitle')}</h2>
      <p className="bc-muted">{t('approvalsIntro')}</p>
      <label className="bc-check">
        <input type="checkbox" checked={showDecided} onChange={(e) => setShowDecided(e.target.checked)} />
        {t('approvalsShowDecided')}
      </label>
      {message ? <p role="status">{message}</p> : null}
      {requests.length === 0 ? <p className="bc-muted">{t('approvalsEmpty')}</p> : null}
      <ul className="bc-approvals__list">
        {requests.map((r) => (
          <li key={r.id} data-approval-id={r.id} data-state={r.state}>
            <div className="bc-approvals__head">
              <strong>{r.screenId ? `${t('approvalScreen')} ${r.screenId}` : r.summary}</strong>
              <span className="bc-tag">{t(STATE_TEXT[r.state])}</span>
              <span className="bc-muted">
                {t('approvalAuthors')}: {r.authors.map((a) => a.name).join(', ')} · {t('approvalRequestedAt')}{' '}
                {when(r.requestedAt)}
              </span>
              <button type="button" className="bc-link" onClick={() => setOpen(open === r.id ? null : r.id)}>
                {open === r.id ? t('approvalClose') : t('approvalReview')}
              </button>
            </div>
            {r.note ? <p>{r.note}</p> : null}
            {open === r.id ? (
              <Review
                id={r.id}
                session={session}
                onDecided={(text) => {
                  setMessage(text);
                  setOpen(null);
                  void load();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {session.role === 'admin' ? <ApprovalSettingsForm /> : null}
    </section>
  );
}
