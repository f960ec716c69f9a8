import type { Role } from '@baruga/protocol';
import type { Route } from './router';

/**
 * Whether a role may use a page. The controller refuses what a role may not do in any case (each route declares
 * its role); the console does not offer such pages, so nobody meets a page of refusals.
 */
export function mayOpen(role: Role, page: Route['page']): boolean {
  switch (page) {
    case 'users':
      return role === 'admin';
    case 'audit':
      return role === 'admin' || role === 'approver';
    default:
      return true;
  }
}
