import type { AccountRole } from '../../api/types';

/** Roles an account may hold, in the order people think of them ('system' is the scheduler's own). */
export const ACCOUNT_ROLES: AccountRole[] = ['applicant', 'clerk', 'reviewer', 'proxy_agent', 'intermediary', 'supervisor', 'admin'];
