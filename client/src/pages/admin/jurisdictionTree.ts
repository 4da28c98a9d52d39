import { api } from '../../api/http';
import type { JurisdictionView } from '../../api/types';

export interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

let all: Promise<JurisdictionView[]> | null = null;

/** The whole tree (about 250 rows), fetched once per page load: it changes only with a new seed. */
export function loadJurisdictions(): Promise<JurisdictionView[]> {
  all ??= api<{ jurisdictions: JurisdictionView[] }>('GET', '/api/jurisdictions').then((r) => r.jurisdictions);
  all.catch(() => (all = null));
  return all;
}

export function jurisdictionLabel(j: JurisdictionView, english: boolean): string {
  return english && j.nameEn ? j.nameEn : j.name;
}

/** Nests the flat list (ordered by path, so parents come first) for a TreeSelect. */
export function buildTree(list: JurisdictionView[], english: boolean): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const j of list) {
    const node: TreeNode = { value: j.code, title: jurisdictionLabel(j, english) };
    nodes.set(j.code, node);
    const parent = j.parentCode ? nodes.get(j.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
