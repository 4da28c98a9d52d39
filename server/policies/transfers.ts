import type { Actor } from '../auth/actor';
import { forbidden } from '../errors';

/**
 * The function-transfer list is public to read; only the administrators who
 * keep the lists record agreements and annual evaluations (issue 14). The
 * routes check the role before a body is read; the commands check it again,
 * so a caller other than a route (a script, a test) meets the same rule.
 */
export function mayKeepTransferList(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.role === 'admin';
}

export function requireTransferKeeper(actor: Actor): void {
  if (!mayKeepTransferList(actor)) throw forbidden('Only an administrator keeps the function-transfer list');
}
