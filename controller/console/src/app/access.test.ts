import { describe, expect, it } from 'vitest';
import { mayOpen } from './access';

describe('which pages a role is offered', () => {
  it('gives users and tokens to admins only, the audit trail to approvers and admins, the queue to everyone', () => {
    const offered = (role: 'admin' | 'editor' | 'approver' | 'viewer') =>
      (['approvals', 'users', 'audit', 'home'] as const).filter((page) => mayOpen(role, page));
    expect(offered('admin')).toEqual(['approvals', 'users', 'audit', 'home']);
    expect(offered('approver')).toEqual(['approvals', 'audit', 'home']);
    expect(offered('editor')).toEqual(['approvals', 'home']);
    expect(offered('viewer')).toEqual(['approvals', 'home']);
  });
});
