// Teams as a tree: 总队 → 支队 → 小队, specialist teams under their parent or in their own group.
import type { TeamView } from '@wenming/contracts';

export interface TeamNode {
  key: string;
  team: TeamView;
  children: TeamNode[];
}

/** Roots are teams without a (visible) parent; children keep the order of `teams`. */
export function buildTeamTree(teams: TeamView[]): { hierarchy: TeamNode[]; specialist: TeamNode[] } {
  const ids = new Set(teams.map((t) => t.id));
  const childrenOf = new Map<string | null, TeamView[]>();
  for (const t of teams) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), t]);
  }
  const build = (t: TeamView, seen: Set<string>): TeamNode => {
    const next = new Set(seen).add(t.id);
    const kids = (childrenOf.get(t.id) ?? []).filter((c) => !next.has(c.id));
    return { key: t.id, team: t, children: kids.map((c) => build(c, next)) };
  };
  const roots = (childrenOf.get(null) ?? []).map((t) => build(t, new Set()));
  return {
    hierarchy: roots.filter((n) => n.team.level !== 'specialist'),
    specialist: roots.filter((n) => n.team.level === 'specialist'),
  };
}
