import type { ApprovalState, ApprovalView, SessionInfo } from '@baruga/protocol';
import { useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { type TextKey, useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatDateTime } from '../i18n/format';
import { Data, Empty, ErrorNote, Loading, Notice } from '../ui/feedback';
import { CheckField } from '../ui/fields';
import { ApprovalReview } from './approval-review';
import './approvals.css';

const STATE_TEXT: Record<ApprovalState, TextKey> = {
  pending: 'approvalStatePending',
  approved: 'approvalStateApproved',
  rejected: 'approvalStateRejected',
  superseded: 'approvalStateSuperseded',
};

/** Admins choose whether manual emergency alerts need a second person. */
function ApprovalSettingsCard() {
  const t = useT();
  const { loaded, reload } = useLoad(() => api.approvalSettings(), [], ['approvals']);
  const [outcome, setOutcome] = useState<'saved' | { error: unknown } | null>(null);
  const save = (next: boolean) =>
    api.setApprovalSettings({ manualAlertsNeedTwoPeople: next }).then(
      () => {
        setOutcome('saved');
        reload();
      },
      (error: unknown) => setOutcome({ error }),
    );
  return (
    <section className="bc-card" aria-labelledby="approval-settings-title">
      <h2 id="approval-settings-title">{t('approvalSettings')}</h2>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorNote error={loaded.error} onRetry={reload} />
      ) : (
        <CheckField
          label={t('alertsTwoPeople')}
          name="alerts-two-people"
          checked={loaded.value.manualAlertsNeedTwoPeople}
          onChange={(next) => void save(next)}
        />
      )}
      {outcome === 'saved' ? <Notice>{t('saved')}</Notice> : null}
      {outcome && outcome !== 'saved' ? <ErrorNote error={outcome.error} /> : null}
    </section>
  );
}

/** One request in the queue: what it is for, who made it, when; opened, the review and the decision. */
function Request({
  request,
  session,
  open,
  onToggle,
  onDecided,
}: {
  request: ApprovalView;
  session: SessionInfo;
  open: boolean;
  onToggle: () => void;
  onDecided: (text: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const when = (iso: string) => formatDateTime(Date.parse(iso), DEFAULT_ZONE, lang);
  return (
    <li className="bc-card bc-approvals__request" data-approval-id={request.id} data-state={request.state}>
      <div className="bc-approvals__head">
        <h2>{request.screenId ? t('approvalForScreen', { screen: request.screenId }) : t('approvalForAlert')}</h2>
        <span className="bc-tag">{t(STATE_TEXT[request.state])}</span>
        <button type="button" className="bc-button bc-button--quiet" aria-expanded={open} onClick={onToggle}>
          {open ? t('close') : t('approvalReview')}
        </button>
      </div>
      <p>
        <Data>{request.summary}</Data>
      </p>
      <dl className="bc-facts">
        <dt>{t('approvalAuthors')}</dt>
        <dd>
          <Data>{request.authors.map((a) => a.name).join(', ')}</Data>
        </dd>
        <dt>{t('approvalRequestedAt')}</dt>
        <dd>
          <Data>{when(request.requestedAt)}</Data>
        </dd>
        {request.decidedBy && request.decidedAt ? (
          <>
            <dt>{t('approvalDecidedBy')}</dt>
            <dd>
              <Data>
                {request.decidedBy.name} · {when(request.decidedAt)}
              </Data>
            </dd>
          </>
        ) : null}
      </dl>
      {request.note ? (
        <p>
          <Data>{request.note}</Data>
        </p>
      ) : null}
      {open ? <ApprovalReview id={request.id} session={session} onDecided={onDecided} /> : null}
    </li>
  );
}

/**
 * The approval queue: every publication to a public screen (and every action held for a second person) that waits
 * for an approver who did not make it, who reviews what it would show, affirms the content policy and approves (it
 * goes on screen at once) or rejects it with a reason. Everyone reads the queue; approvers decide.
 */
export function ApprovalsPage({ session }: { session: SessionInfo }) {
  const t = useT();
  const [showDecided, setShowDecided] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Edits to a public screen's content queue requests without an approval action of their own (approval-gate.ts).
  const { loaded, reload } = useLoad(
    () => api.approvals(showDecided ? undefined : 'pending'),
    [showDecided],
    ['approvals', 'screens', 'schedule'],
  );
  return (
    <section className="bc-page" aria-labelledby="approvals-title">
      <h1 id="approvals-title" tabIndex={-1}>
        {t('approvalsTitle')}
      </h1>
      <p className="bc-muted">{t('approvalsIntro')}</p>
      <CheckField label={t('approvalsShowDecided')} checked={showDecided} onChange={setShowDecided} />
      {message ? <Notice>{message}</Notice> : null}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <ErrorNote error={loaded.error} onRetry={reload} />
      ) : loaded.value.approvals.length === 0 ? (
        <Empty>{t('approvalsEmpty')}</Empty>
      ) : (
        <ul className="bc-approvals__list">
          {loaded.value.approvals.map((r) => (
            <Request
              key={r.id}
              request={r}
              session={session}
              open={open === r.id}
              onToggle={() => setOpen(open === r.id ? null : r.id)}
              onDecided={(text) => {
                setMessage(text);
                setOpen(null);
                reload();
              }}
            />
          ))}
        </ul>
      )}
      {session.role === 'admin' ? <ApprovalSettingsCard /> : null}
    </section>
  );
}
