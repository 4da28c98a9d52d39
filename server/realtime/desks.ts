import type { UserRow } from '../../db/repositories/users';
import { isCentreStep, type Level } from '../../workflows/levels';
import { rooms } from '../../workflows/socketContract';

/** The desk a step is worked at: a centre's window (accept, deliver, any village or town step) or a department at a jurisdiction. */
export function deskOf(level: Level, jurisdictionCode: string, department: string | null, kind: string, deedNo?: string | null): string {
  return rooms.desk(jurisdictionCode, isCentreStep({ kind, level, department, deedNo }) ? null : department);
}

export function deskOfUser(u: UserRow): string | null {
  if (u.role === 'clerk') return rooms.desk(u.jurisdictionCode, null);
  if (u.role === 'reviewer') return rooms.desk(u.jurisdictionCode, u.department);
  return null;
}
