/** The latest case of each item of a stage (a refiled item's earlier case no longer counts). */
export function latestOfEach<C extends { itemCode: string; caseId: number }>(cases: C[]): C[] {
  const latest = new Map<string, C>();
  for (const c of cases) if ((latest.get(c.itemCode)?.caseId ?? 0) < c.caseId) latest.set(c.itemCode, c);
  return [...latest.values()];
}

/** The items of a stage whose latest case ended without approval (denied, refused, withdrawn). */
export function itemsToRefile(cases: { itemCode: string; caseId: number; state: string }[]): string[] {
  return latestOfEach(cases)
    .filter((c) => ['denied', 'refused', 'withdrawn'].includes(c.state))
    .map((c) => c.itemCode);
}
