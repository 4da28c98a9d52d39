/**
 * The dispatch rule (派单) of free proxy orders, pure: who may be offered an
 * order and in which order. Candidates are the active agents whose area holds
 * the order's jurisdiction (area = path prefix), who have not declined it (or
 * let its time pass) and who hold fewer open orders than the limit. They are
 * compared by the configured keys in turn:
 * - area: the nearest area first (the deeper area path: a county's agent before the city's);
 * - skills: an agent whose skills cover every stage of the order first;
 * - load: the fewest open orders first;
 * and, tied on every key, by id (the longest-serving agent).
 */
export type DispatchKey = 'area' | 'skills' | 'load';

export interface DispatchAgent {
  id: number;
  jurisdictionPath: string;
  skills: number[];
  load: number;
  active: boolean;
}

export interface DispatchOrder {
  jurisdictionPath: string;
  stages: number[];
  declined: number[];
}

export interface DispatchRule {
  order: DispatchKey[];
  maxLoad: number;
}

const covers = (a: DispatchAgent, stages: number[]) => stages.every((s) => a.skills.includes(s));

/** Whether an agent may be offered the order at all. */
export function isCandidate(a: DispatchAgent, o: DispatchOrder, rule: DispatchRule): boolean {
  return a.active && o.jurisdictionPath.startsWith(a.jurisdictionPath) && !o.declined.includes(a.id) && a.load < rule.maxLoad;
}

function compareBy(key: DispatchKey, a: DispatchAgent, b: DispatchAgent, o: DispatchOrder): number {
  switch (key) {
    case 'area':
      return b.jurisdictionPath.length - a.jurisdictionPath.length;
    case 'skills':
      return Number(covers(b, o.stages)) - Number(covers(a, o.stages));
    case 'load':
      return a.load - b.load;
  }
}

/** The candidates, best first. */
export function rankCandidates(agents: DispatchAgent[], o: DispatchOrder, rule: DispatchRule): DispatchAgent[] {
  return agents
    .filter((a) => isCandidate(a, o, rule))
    .sort((a, b) => {
      for (const key of rule.order) {
        const d = compareBy(key, a, b, o);
        if (d !== 0) return d;
      }
      return a.id - b.id;
    });
}

/** The agent the rule picks, or null when nobody is left. */
export function pickAgent(agents: DispatchAgent[], o: DispatchOrder, rule: DispatchRule): DispatchAgent | null {
  return rankCandidates(agents, o, rule)[0] ?? null;
}
