import type { Role, TokenScope } from '@baruga/protocol';
import type { TextKey } from '../i18n/catalogue';

export const ROLE_TEXT: Record<Role, TextKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  approver: 'roleApprover',
  viewer: 'roleViewer',
};

export const SCOPE_TEXT: Record<TokenScope, TextKey> = {
  read: 'scopeRead',
  edit: 'scopeEdit',
  approve: 'scopeApprove',
  admin: 'scopeAdmin',
};
