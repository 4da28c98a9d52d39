/**
 * The API's response shapes, taken from the server's presenters (type-only
 * imports: nothing of the server is bundled), so client and server cannot drift.
 */
import type { presentCase, presentEvent } from '../../../server/presenters/case';
import type { presentItem, presentJurisdiction, presentUser } from '../../../server/presenters/misc';
import type { ActionType } from '../../../workflows/caseEvents';

export type { ActionType, DeliveryMode, SpecialProcedure } from '../../../workflows/caseEvents';
export type { Level } from '../../../workflows/levels';
export type { Light } from '../../../workflows/clock';
export type * from '../../../workflows/socketContract';
export type { AreaCount, Dashboard, DurationStat, LevelDuration, StepDuration } from '../../../db/repositories/statsQueries';

/** A case as lists show it (search, drill-down, 已办, my cases): without `actions`, which only one case's screen offers. */
export type CaseRowView = ReturnType<typeof presentCase>;
export type CaseView = CaseRowView & { actions: ActionType[] };
export type CaseEventView = ReturnType<typeof presentEvent>;
export type ItemView = ReturnType<typeof presentItem>;
export type JurisdictionView = ReturnType<typeof presentJurisdiction>;
export type UserView = ReturnType<typeof presentUser>;

export type ItemsPage = { total: number; page: number; pageSize: number; items: ItemView[] };
export type CasesPage = { total: number; page: number; pageSize: number; cases: CaseRowView[] };

// The administrator's screens.
export type { AccountRole } from '../../../server/http/userSchemas';
export type { ImportProblem } from '../../../server/commands/importItems';
export type UsersPage = { total: number; page: number; pageSize: number; users: UserView[] };
export type CalendarSaved = Awaited<ReturnType<typeof import('../../../server/commands/saveCalendarYear').saveCalendarYear>>;

// The written decision of a case and the rights notice its refusal or denial carries (issue 9, §5).
export type { DecisionDocument } from '../../../server/documents/decisionDocument';
export type { RightsNotice } from '../../../workflows/rightsNotice';
export type CentreView = { code: string; name: string; level: import('../../../workflows/levels').Level; acceptsLinked: boolean; address: string | null; hours: string | null; phone: string | null };
