import type { AggregateLive } from '../../db/repositories/aggregateEvents';
import type { ProjectRow } from '../../db/repositories/projects/projects';
import { ancestorCode } from '../../workflows/levels';
import { rooms, type ProjectUpdated } from '../../workflows/socketContract';

/** One project event, live: its owner, the agents acting for the owner, and the supervisors of its county and city. */
export function projectLive(p: ProjectRow, e: { type: string; seq: number; createdAt: string }): AggregateLive {
  const to = [
    rooms.user(p.ownerUserId),
    ...(p.actingUserIds ?? []).map((id) => rooms.user(id)),
    rooms.supervision(ancestorCode(p.jurisdictionCode, 'county')),
    rooms.supervision(ancestorCode(p.jurisdictionCode, 'city')),
  ];
  const message: ProjectUpdated = {
    id: p.id,
    code: p.code,
    type: e.type,
    state: p.state,
    currentStage: p.currentStage,
    countedDays: p.countedDays,
    countedWorkingDays: p.countedWorkingDays,
    light: p.light,
    revision: p.rowVersion,
    seq: e.seq,
    at: e.createdAt,
  };
  return { event: 'project:updated', rooms: [...new Set(to)], message };
}
