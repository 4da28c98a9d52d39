import type { Knex } from 'knex';
import type { Role } from '../../workflows/caseEvents';
import type { Level } from '../../workflows/levels';
import { likeText, toBool } from '../connection';

export interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  level: Level;
  department: string | null;
  active: boolean;
  /** Carried in every token issued to the user; a token with another version is refused. */
  tokenVersion: number;
}

const COLUMNS = [
  'id',
  'username',
  'password_hash as passwordHash',
  'display_name as displayName',
  'role',
  'jurisdiction_code as jurisdictionCode',
  'level',
  'department',
  'active',
  'token_version as tokenVersion',
];

function toUser(row: Record<string, unknown> | undefined): UserRow | undefined {
  return row ? ({ ...row, active: toBool(row.active), tokenVersion: Number(row.tokenVersion) } as UserRow) : undefined;
}

export async function findUserByUsername(db: Knex, username: string): Promise<UserRow | undefined> {
  return toUser(await db('users').select(COLUMNS).where({ username }).first());
}

export async function findUserById(db: Knex, id: number): Promise<UserRow | undefined> {
  return toUser(await db('users').select(COLUMNS).where({ id }).first());
}

export interface NewUser {
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  level: Level;
  department: string | null;
  createdAt: string;
}

export async function insertUsers(db: Knex, users: NewUser[]): Promise<void> {
  if (users.length === 0) return;
  await db('users').insert(users.map(newUserRow));
}

function newUserRow(u: NewUser): Record<string, unknown> {
  return {
    username: u.username,
    password_hash: u.passwordHash,
    display_name: u.displayName,
    role: u.role,
    jurisdiction_code: u.jurisdictionCode,
    level: u.level,
    department: u.department,
    active: true,
    created_at: u.createdAt,
  };
}

export interface UserSearch {
  /** Part of the username or display name. */
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

export async function listUsers(db: Knex, s: UserSearch): Promise<{ total: number; users: UserRow[] }> {
  const q = db('users');
  if (s.q) {
    const like = `%${likeText(s.q)}%`;
    q.where((w) => w.whereRaw("username like ? escape '!'", [like]).orWhereRaw("display_name like ? escape '!'", [like]));
  }
  if (s.role) q.where('role', s.role);
  const [{ n }] = await q.clone().count({ n: '*' });
  const rows = await q.select(COLUMNS).orderBy('id').limit(s.limit).offset(s.offset);
  return { total: Number(n), users: rows.map((r) => toUser(r)!) };
}

/** Inserts one account and answers its id. */
export async function insertUser(db: Knex, u: NewUser): Promise<number> {
  const [id] = await db('users').insert(newUserRow(u));
  return Number(id);
}

export type UserChanges = Partial<Pick<UserRow, 'passwordHash' | 'displayName' | 'role' | 'jurisdictionCode' | 'level' | 'department' | 'active'>> & {
  /** Revoke every token issued so far (in the same statement as the change it stands for). */
  revokeTokens?: boolean;
};

export async function updateUserRow(db: Knex, id: number, c: UserChanges): Promise<void> {
  const row: Record<string, unknown> = {
    password_hash: c.passwordHash,
    display_name: c.displayName,
    role: c.role,
    jurisdiction_code: c.jurisdictionCode,
    level: c.level,
    department: c.department,
    active: c.active,
    token_version: c.revokeTokens ? db.raw('token_version + 1') : undefined,
  };
  for (const k of Object.keys(row)) if (row[k] === undefined) delete row[k];
  if (Object.keys(row).length) await db('users').where({ id }).update(row);
}
