import type { Knex } from 'knex';
import type { Role } from '../../workflows/caseEvents';
import type { Level } from '../../workflows/levels';
import { toBool } from '../connection';

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
];

function toUser(row: Record<string, unknown> | undefined): UserRow | undefined {
  return row ? ({ ...row, active: toBool(row.active) } as UserRow) : undefined;
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
  await db('users').insert(
    users.map((u) => ({
      username: u.username,
      password_hash: u.passwordHash,
      display_name: u.displayName,
      role: u.role,
      jurisdiction_code: u.jurisdictionCode,
      level: u.level,
      department: u.department,
      active: true,
      created_at: u.createdAt,
    })),
  );
}
