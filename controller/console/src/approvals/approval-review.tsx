import { type ApprovalDetail, POLICY_CHECKS, type PolicyCheck, type SessionInfo } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { type TextKey, useT } from '../i18n/catalogue';
import { Data, ErrorNote, Loading } from '../ui/feedback';
import { TextField } from '../ui/fields';
import { ApprovalContent } from './approval-content';

const POLICY_TEXT: Record<PolicyCheck, TextKey> = {
  noSara: 'policyNoSara',
  noPornography: 'policyNoPornography',
  noTobacco: 'policyNoTobacco',
  noAlcohol: 'policyNoAlcohol',
  noCampaign: 'policyNoCampaign',
};
const NONE_CHECKED = Object.fromEntries(POLICY_CHECKS.map((c) => [c, false])) as Record<PolicyCheck, boolean>;

/** The approve or reject form of a pending request the signed-in approver did not help make. */
function Decision({ detail, onDecided }: { detail: ApprovalDetail; onDecided: (text: string) => void }) {
  const t = useT();
  const [checked, setChecked] = useState(NONE_CHECKED);
  const [note, setNote] = useState('');
  const [noteNeeded, setNoteNeeded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // The content policy is for what reaches a public screen; a held alert needs only the second person's word.
  const publication = detail.kind === 'publication';
  const allChecked = !publication || POLICY_CHECKS.every((c) => checked[c]);

  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !note.trim()) {
      setNoteNeeded(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      if (decision === 'reject') {
        await api.reject(detail.id, note.trim());
        onDecided(t('rejectedOk'));
        return;
      }
      const done = await api.approve(detail.id, { ...(publication ? { checklist: checked } : {}), note: note.trim() });
      onDecided(
        done.published
          ? t('approvedAs', { version: done.published.version })
          : publication
            ? t('approvedNotPublished')
            : t('approvedHeld'),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void decide('approve');
  };
  return (
    <form className="bc-form bc-approval__decision" onSubmit={submit} noValidate>
      {publication ? (
        <fieldset>
          <legend>{t('approvalChecklist')}</legend>
          {POLICY_CHECKS.map((c) => (
            <label key={c} className="bc-check">
              <input
                type="checkbox"
                name={c}
                checked={checked[c]}
                onChange={(e) => setChecked({ ...checked, [c]: e.target.checked })}
              />
              <span>{t(POLICY_TEXT[c])}</span>
            </label>
          ))}
          {allChecked ? null : <p className="bc-field__hint">{t('approvalChecklistNeeded')}</p>}
        </fieldset>
      ) : null}
      <TextField
        label={t('approvalNote')}
        name="note"
        multiline
        rows={2}
        maxLength={500}
        value={note}
        onChange={(value) => {
          setNote(value);
          setNoteNeeded(false);
        }}
        error={noteNeeded ? t('approvalNoteNeeded') : null}
      />
      {failure ? <ErrorNote error={failure} /> : null}
      <div className="bc-approval__actions">
        <button type="submit" className="bc-button bc-button--primary" disabled={!allChecked || busy}>
          {t('approve')}
        </button>
        <button
          type="button"
          className="bc-button bc-button--caution"
          disabled={busy}
          onClick={() => void decide('reject')}
        >
          {t('reject')}
        </button>
      </div>
    </form>
  );
}

/** One request under review: what it would show, and, for an approver who did not make it, the decision. */
export function ApprovalReview({
  id,
  session,
  onDecided,
}: {
  id: string;
  session: SessionInfo;
  onDecided: (text: string) => void;
}) {
  const t = useT();
  const { loaded, reload } = useLoad(() => api.approval(id), [id], ['approvals']);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorNote error={loaded.error} onRetry={reload} />;
  const detail = loaded.value;
  const approver = session.role === 'approver' || session.role === 'admin';
  return (
    <div className="bc-approval__review">
      {detail.kind === 'publication' ? (
        <ApprovalContent content={detail.content} onScreen={detail.onScreen} />
      ) : (
        <>
          <h3>{t('approvalHeldAlert')}</h3>
          <Data>
            <pre className="bc-approval__held">{JSON.stringify(detail.content, null, 2)}</pre>
          </Data>
        </>
      )}
      {detail.hash ? (
        <p className="bc-muted">
          {t('approvalHash')}: <Data className="bc-approval__hash">{detail.hash}</Data>
        </p>
      ) : null}
      {detail.state !== 'pending' ? null : detail.mayDecide ? (
        <Decision detail={detail} onDecided={onDecided} />
      ) : (
        <p className="bc-muted" role="note">
          {approver ? t('approvalOwn') : t('approvalNotApprover')}
        </p>
      )}
    </div>
  );
}
