import bcrypt from 'bcryptjs';

// bcryptjs: pure JavaScript, so nothing to compile on a fresh machine; cost 10 ≈ 60 ms here.
const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummy: Promise<string> | undefined;

/** Checked when the user does not exist, so that answer takes as long as a wrong password. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('no-such-user');
  return dummy;
}
