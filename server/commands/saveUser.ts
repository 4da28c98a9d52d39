import type { Knex } from 'knex';
import { dbTime } from '../../db/connection';
import { departmentExists } from '../../db/repositories/departments';
import { findJurisdiction } from '../../db/repositories/jurisdictions';
import { findUserById, findUserByUsername, insertUser, updateUserProfile, updateUserRow, type UserChanges, type UserRow } from '../../db/repositories/users';
import type { Level } from '../../workflows/levels';
import { hashPassword } from '../auth/passwords';
import type { AppContext } from '../context';
import { AppError, notFound, validationFailed } from '../errors';
import type { AccountRole } from '../http/userSchemas';

export interface CreateUserProps {
  username: string;
  displayName: string;
  password: string;
  role: AccountRole;
  jurisdictionCode: string;
  department?: string | null;
  /** An applicant's own particulars (migration 008). */
  idNumber?: string | null;
  phone?: string | null;
}

export interface UpdateUserProps {
  /** The administrator making the change: they may not lock themselves out. */
  actorId: number;
  id: number;
  displayName?: string;
  role?: AccountRole;
  jurisdictionCode?: string;
  department?: string | null;
  active?: boolean;
  password?: string;
  idNumber?: string | null;
  phone?: string | null;
}

const invalid = (field: string, message: string) => validationFailed(`Invalid request: ${field}: ${message}`, { issues: [{ field, message }] });
const usernameTaken = (username: string) => new AppError('USERNAME_TAKEN', 409, `The username ${username} is already taken`, { field: 'username' });

/**
 * Where an account sits: its level comes from its jurisdiction, and only a
 * reviewer belongs to a department (the queue matches reviewers by it).
 */
async function placement(db: Knex, role: AccountRole, jurisdictionCode: string, department: string | null | undefined): Promise<{ level: Level; department: string | null }> {
  const j = await findJurisdiction(db, jurisdictionCode);
  if (!j) throw invalid('jurisdictionCode', `no jurisdiction ${jurisdictionCode}`);
  if (role !== 'reviewer') return { level: j.level, department: null };
  if (!department) throw invalid('department', 'a reviewer needs a department');
  if (!(await departmentExists(db, department))) throw invalid('department', `unknown department ${department}`);
  return { level: j.level, department };
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
}

/** Creates a staff or applicant account; the password is stored as a bcrypt hash only. */
export async function createUser(ctx: AppContext, props: CreateUserProps): Promise<UserRow> {
  const db = ctx.db.knex;
  if (await findUserByUsername(db, props.username)) throw usernameTaken(props.username);
  const where = await placement(db, props.role, props.jurisdictionCode, props.department);
  const passwordHash = await hashPassword(props.password);
  let id: number;
  try {
    id = await insertUser(db, { username: props.username, passwordHash, displayName: props.displayName, role: props.role, jurisdictionCode: props.jurisdictionCode, ...where, createdAt: dbTime(ctx.now()) });
  } catch (err) {
    // Two administrators creating the same name at once: the unique index decides.
    if (isUniqueViolation(err)) throw usernameTaken(props.username);
    throw err;
  }
  await updateUserProfile(db, id, { idNumber: props.idNumber, phone: props.phone });
  ctx.events.emit('userSaved', { userId: id });
  return (await findUserById(db, id))!;
}

/**
 * A token stands for the account as it was when issued: a new password, role,
 * placement (level, jurisdiction, department) or active flag revokes every
 * token issued before. A new display name does not.
 */
function revokesTokens(user: UserRow, c: UserChanges): boolean {
  if (c.passwordHash !== undefined) return true;
  const fields = ['role', 'jurisdictionCode', 'level', 'department', 'active'] as const;
  return fields.some((f) => c[f] !== undefined && c[f] !== user[f]);
}

/** Changes an account: name, role and placement, active flag, or a password reset. */
export async function updateUser(ctx: AppContext, props: UpdateUserProps): Promise<UserRow> {
  const db = ctx.db.knex;
  const user = await findUserById(db, props.id);
  if (!user) throw notFound('User');
  if (props.id === props.actorId) {
    if (props.active === false) throw new AppError('CANNOT_DEACTIVATE_SELF', 409, 'You cannot deactivate your own account', { field: 'active' });
    if (props.role !== undefined && props.role !== user.role) throw new AppError('CANNOT_DEMOTE_SELF', 409, 'You cannot change your own role', { field: 'role' });
  }
  if (user.role === 'system') throw new AppError('SYSTEM_ACCOUNT', 409, 'The system account cannot be edited');
  const changes: UserChanges = { displayName: props.displayName, active: props.active };
  const role = props.role ?? (user.role as AccountRole);
  const placementChanged = props.role !== undefined || props.jurisdictionCode !== undefined || props.department !== undefined;
  if (placementChanged) {
    // Re-checked as a whole: becoming a reviewer needs a department, leaving that role drops it.
    const where = await placement(db, role, props.jurisdictionCode ?? user.jurisdictionCode, props.department !== undefined ? props.department : user.department);
    Object.assign(changes, { role, jurisdictionCode: props.jurisdictionCode ?? user.jurisdictionCode, ...where });
  }
  if (props.password !== undefined) changes.passwordHash = await hashPassword(props.password);
  changes.revokeTokens = revokesTokens(user, changes);
  await updateUserRow(db, props.id, changes);
  await updateUserProfile(db, props.id, { idNumber: props.idNumber, phone: props.phone });
  // Committed: cached copies of the row are dropped first, then the user's open sockets, on every process, are cut (the gateway listens).
  ctx.events.emit('userSaved', { userId: props.id });
  if (changes.revokeTokens) ctx.events.emit('userChanged', { userId: props.id });
  return (await findUserById(db, props.id))!;
}
