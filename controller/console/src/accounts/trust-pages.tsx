import type { SessionInfo } from '@baruga/protocol';
import { ApprovalsPage } from '../approvals/approvals-page';
import { AuditPage } from '../audit/audit-page';
import { AccountsPage } from './accounts-page';

/**
 * The approval queue (everyone sees it; approvers decide), the audit trail (approvers and admins) and users and
 * access (one's own account; every user for admins), for the signed-in session.
 */
export function TrustPages({ session, onSignedOut }: { session: SessionInfo; onSignedOut: () => void }) {
  const oversees = session.role === 'approver' || session.role === 'admin';
  return (
    <>
      <ApprovalsPage session={session} />
      {oversees ? <AuditPage /> : null}
      <AccountsPage session={session} onSignedOut={onSignedOut} />
    </>
  );
}
