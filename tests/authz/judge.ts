import { isWithin, type Level } from '../../workflows/levels';
import type { Outcome, Principal } from './matrix';

export interface Me {
  id: number;
  role: string;
  jurisdictionCode: string;
  level: Level;
  department: string | null;
}

export const isUser = (p: Principal) => p !== 'anonymous' && p !== 'queryCode';

/** A refusal as the table writes it: '404 CASE_NOT_FOUND' → {status: 404, code: 'CASE_NOT_FOUND'}; '409' → any code. */
function parse(expected: Outcome): { status: number; code?: string } {
  const [status, code] = expected.split(' ');
  return { status: Number(status), code };
}

/** Null when an HTTP answer is the one expected, else what differs. */
export function judgeHttp(expected: Outcome, res: { status: number; body: any }): string | null {
  const got = `${res.status} ${res.body?.error?.code ?? ''}`.trim();
  if (expected === 'ok') return res.status >= 200 && res.status < 300 ? null : `expected ok, got ${got}`;
  const want = parse(expected);
  if (res.status !== want.status || (want.code && res.body?.error?.code !== want.code)) return `expected ${expected}, got ${got}`;
  return null;
}

/** Null when a socket answer (connected / refused, or an ack) is the one expected. */
export function judgeSocket(expected: Outcome, got: { ok: true } | { ok: false; code?: string }): string | null {
  const shown = got.ok ? 'ok' : `refused ${got.code}`;
  if (expected === 'ok') return got.ok ? null : `expected ok, got ${shown}`;
  const want = parse(expected);
  if (got.ok || (want.code && got.code !== want.code)) return `expected ${want.code ?? expected}, got ${shown}`;
  return null;
}

/** Centre steps (accept, deliver, every step at a village or town) are a clerk's; the rest a department's. */
function isCentreStep(step: { kind: string; level: string; department: string | null }): boolean {
  return step.kind === 'accept' || step.kind === 'deliver' || step.level === 'village' || step.level === 'town' || !step.department;
}

type Listed = { caseNo: string; centreCode: string; step: { kind: string; level: string; jurisdictionCode: string; department: string | null } };

/** Queues list only the caller's own desk: the cases listed that wait elsewhere. */
export function notAtOwnDesk(me: Me, cases: Listed[]): string[] {
  return cases
    .filter(({ step }) => {
      const here = step.level === me.level && step.jurisdictionCode === me.jurisdictionCode;
      const mine = me.role === 'clerk' ? isCentreStep(step) : !isCentreStep(step) && step.department === me.department;
      return !(here && mine);
    })
    .map((c) => `${c.caseNo} waits at ${c.step.kind}@${c.step.jurisdictionCode}:${c.step.department ?? 'centre'}`);
}

/** Lists stay inside the caller's jurisdiction (staff) : the cases listed from outside it. */
export function outsideJurisdiction(me: Me, cases: Listed[]): string[] {
  if (me.role === 'applicant') return [];
  return cases.filter((c) => !isWithin(c.centreCode, me.jurisdictionCode)).map((c) => `${c.caseNo} filed at ${c.centreCode}`);
}
