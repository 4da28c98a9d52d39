import { dbTime } from '../../../db/connection';
import { agencyUsccTaken, insertAgency, type AgencyRow } from '../../../db/repositories/market/agencies';
import { insertAgencyDetails, type QualificationRow, type StaffRow } from '../../../db/repositories/market/agencyDetails';
import { existingServiceItems } from '../../../db/repositories/market/serviceItems';
import { findJurisdiction } from '../../../db/repositories/jurisdictions';
import { findUserById, findUserByUsername, insertUser } from '../../../db/repositories/users';
import { agencyMachine } from '../../../workflows/agencyMachine';
import { chinaDate } from '../../../workflows/calendar';
import { levelOfCode } from '../../../workflows/levels';
import type { AppContext } from '../../context';
import { AppError, validationFailed } from '../../errors';
import { hashPassword } from '../../auth/passwords';
import { applyCommand } from '../../commands/aggregates/applyCommand';
import type { AggregateResult } from '../../commands/aggregates/machineAggregate';
import { machineCreation } from '../../commands/aggregates/machineCreation';
import { agencyLive } from './agencyAggregate';

export interface AgencyRegistration {
  name: string;
  uscc: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  jurisdictionCode: string;
  introduction: string;
  areas: string[];
  services: string[];
  qualifications: QualificationRow[];
  staff: StaffRow[];
  account: { username: string; password: string };
}

type Planned = AgencyRegistration & { passwordHash: string };

export const usccTaken = () => new AppError('AGENCY_USCC_TAKEN', 409, 'An agency with this unified social credit code is already registered', { field: 'uscc' });
export const usernameTaken = (u: string) => new AppError('USERNAME_TAKEN', 409, `The username ${u} is already taken`, { field: 'account.username' });

const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: string }).code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
};

/**
 * 入驻: the agency's account (role intermediary) and the agency in `pending`
 * with its qualifications, staff, services and areas, and its first event
 * (REGISTER), all in one transaction; the centre's review falls due
 * MARKET_REVIEW_DAYS working days later.
 */
export const agencyRegistering = machineCreation<Planned, AgencyRow>({
  aggregate: 'agency',
  machine: agencyMachine,
  async plan(ctx, trx, p) {
    if (await agencyUsccTaken(trx, p.uscc)) throw usccTaken();
    if (await findUserByUsername(trx, p.account.username)) throw usernameTaken(p.account.username);
    for (const [field, codes] of [['jurisdictionCode', [p.jurisdictionCode]], ['areas', p.areas]] as const) {
      for (const code of codes) {
        const j = await findJurisdiction(trx, code);
        if (!j || (j.level !== 'city' && j.level !== 'county')) throw validationFailed(`${field}: ${code} is not Wenzhou or one of its counties`, { field });
      }
    }
    const known = await existingServiceItems(trx, p.services);
    const unknown = p.services.filter((c) => !known.includes(c));
    if (unknown.length) throw new AppError('SERVICE_ITEM_UNKNOWN', 422, `No service item ${unknown.join(', ')} (GET /api/market/service-items)`, { field: 'services', codes: unknown });
    const at = dbTime(ctx.now());
    let userId: number;
    try {
      userId = await insertUser(trx, { username: p.account.username, passwordHash: p.passwordHash, displayName: p.name, role: 'intermediary', jurisdictionCode: p.jurisdictionCode, level: levelOfCode(p.jurisdictionCode), department: null, createdAt: at });
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken(p.account.username);
      throw err;
    }
    const user = (await findUserById(trx, userId))!;
    const due = ctx.calendar.addWorkingDays(chinaDate(ctx.now()), ctx.config.MARKET_REVIEW_DAYS);
    return {
      actor: { kind: 'user', user },
      type: 'REGISTER',
      payload: { uscc: p.uscc, services: p.services.length },
      input: undefined,
      columns: (initial, createdAt) => ({
        userId,
        name: p.name,
        uscc: p.uscc,
        legalRepresentative: p.legalRepresentative,
        contactPhone: p.contactPhone,
        address: p.address,
        jurisdictionCode: p.jurisdictionCode,
        onSite: false,
        areas: p.areas,
        introduction: p.introduction,
        machineContext: initial.context as Record<string, unknown>,
        reviewDueOn: due,
        reviewOverdue: false,
        score: null,
        stars: null,
        ratedOrders: 0,
        completedOrders: 0,
        openOrders: 0,
        stateReason: null,
        registeredAt: createdAt,
        listedAt: null,
        updatedAt: createdAt,
      }),
    };
  },
  async insert(trx, row) {
    try {
      return await insertAgency(trx, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw usccTaken();
      throw err;
    }
  },
  live: agencyLive,
});

/** Registers an agency (the password hashed before the transaction: bcrypt holds no lock). */
export async function registerAgency(ctx: AppContext, r: AgencyRegistration): Promise<AggregateResult<AgencyRow>> {
  const passwordHash = await hashPassword(r.account.password);
  const kind = agencyRegistering;
  return applyCommand(ctx, { ...kind, effects: async (_c, trx, p, result) => insertAgencyDetails(trx, result.row.id, p) }, { ...r, passwordHash });
}
