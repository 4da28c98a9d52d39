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
  // In chunks: SQLite caps the terms of one compound insert (the demo staff are ~500 accounts).
  for (let i = 0; i < users.length; i += 200) await db('users').insert(users.slice(i, i + 200).map(newUserRow));
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

/** An applicant account's own particulars (migration 008), filled into the filing form for them. */
export interface UserProfile {
  idNumber: string | null;
  phone: string | null;
}

export async function findUserProfile(db: Knex, id: number): Promise<UserProfile> {
  const row = await db('users').select('id_number as idNumber', 'phone').where({ id }).first();
  return { idNumber: row?.idNumber ?? null, phone: row?.phone ?? null };
}

/** Writes the particulars given (undefined leaves one as it is, null clears it). */
export async function updateUserProfile(db: Knex, id: number, p: Partial<UserProfile>): Promise<void> {
  const row = { id_number: p.idNumber, phone: p.phone };
  if (row.id_number !== undefined || row.phone !== undefined) await db('users').where({ id }).update(row);
}

export async function setUserProfile(db: Knex, username: string, p: UserProfile): Promise<void> {
  await db('users').where({ username }).update({ id_number: p.idNumber, phone: p.phone });
}

export interface UserSearch {
  /** Part of the username or display name. */
  q?: string;
  role?: Role;
  /** Accounts placed at this jurisdiction or anywhere under it (materialised path). */
  under?: string;
  department?: string;
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
  if (s.department) q.where('department', s.department);
  if (s.under) {
    const root = await db('jurisdictions').select('path').where({ code: s.under }).first();
    if (!root) return { total: 0, users: [] };
    // Paths hold digits and slashes only: no LIKE wildcard to escape.
    q.whereIn('jurisdiction_code', db('jurisdictions').select('code').where('path', 'like', `${root.path as string}%`));
  }
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
