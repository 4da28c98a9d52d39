import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ROLES, type Role } from '../../workflows/caseEvents';
import { idNumber, phone } from './schemas';

extendZodWithOpenApi(z);

// Request schemas of the administrator's user management; they also feed /api/openapi.json.

/** Every role a person can hold: 'system' is the scheduler's, never an account's. */
export type AccountRole = Exclude<Role, 'system'>;
export const ACCOUNT_ROLES = ROLES.filter((r): r is AccountRole => r !== 'system') as [AccountRole, ...AccountRole[]];
const role = z.enum(ACCOUNT_ROLES);
const areaCode = z.string().regex(/^\d{12}$/, 'a 12-digit area code');
const displayName = z.string().trim().min(1).max(64);
const password = z.string().min(8, 'at least 8 characters').max(128);
const department = z.string().trim().min(1).max(32).nullable();

// An applicant account's own particulars (filled into their filing form), checked like a filing's.
const profile = {
  idNumber: idNumber.nullable().optional().openapi({ description: 'the account holder’s resident ID number (GB 11643 check character verified)' }),
  phone: phone.nullable().optional().openapi({ description: 'the account holder’s phone' }),
};

export const UsersQuery = z
  .object({
    q: z.string().trim().max(64).optional().openapi({ description: 'part of the username or display name' }),
    role: role.optional(),
    jurisdiction: areaCode.optional().openapi({ description: 'accounts placed at this area code or anywhere under it' }),
    department: z.string().trim().min(1).max(32).optional().openapi({ description: 'department code (reviewers)' }),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const UserIdParam = z.coerce.number().int().min(1);

export const CreateUserBody = z
  .object({
    // Lower case only: MariaDB compares usernames without case, SQLite with it; one spelling avoids both surprises.
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'letters, digits, dot, dash or underscore, 3–64'),
    displayName,
    password,
    role,
    jurisdictionCode: areaCode,
    department: department.optional().openapi({ description: 'department code; required for reviewers, ignored for other roles' }),
    ...profile,
  })
  .strict()
  .openapi('CreateUserBody');

export const UpdateUserBody = z
  .object({
    displayName: displayName.optional(),
    role: role.optional(),
    jurisdictionCode: areaCode.optional(),
    department: department.optional(),
    active: z.boolean().optional(),
    password: password.optional().openapi({ description: 'a new password (reset)' }),
    ...profile,
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' })
  .openapi('UpdateUserBody');
