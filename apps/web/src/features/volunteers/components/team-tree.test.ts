import type { TeamView } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { buildTeamTree } from './team-tree';

const team = (id: string, level: TeamView['level'], parentId: string | null = null): TeamView => ({
  id,
  name: id,
  level,
  parentId,
  parentName: null,
  siteId: null,
  siteName: null,
  unitId: null,
  unitName: null,
  regionCode: '620302',
  specialty: null,
  description: null,
  memberCount: 0,
  pendingCount: 0,
  version: 1,
});

describe('buildTeamTree', () => {
  it('nests corps, brigades and squads, and keeps top-level specialist teams apart', () => {
    const tree = buildTeamTree([
      team('c', 'corps'),
      team('b', 'brigade', 'c'),
      team('s', 'squad', 'b'),
      team('sp', 'specialist'),
      team('sp2', 'specialist', 'b'),
    ]);
    expect(tree.hierarchy.map((n) => n.key)).toEqual(['c']);
    expect(tree.hierarchy[0].children[0].children.map((n) => n.key)).toEqual(['s', 'sp2']);
    expect(tree.specialist.map((n) => n.key)).toEqual(['sp']);
  });
  it('treats a team whose parent is out of scope as a root', () => {
    const tree = buildTeamTree([team('b', 'brigade', 'hidden'), team('s', 'squad', 'b')]);
    expect(tree.hierarchy.map((n) => n.key)).toEqual(['b']);
    expect(tree.hierarchy[0].children.map((n) => n.key)).toEqual(['s']);
  });
  it('does not loop on a cycle', () => {
    const tree = buildTeamTree([team('a', 'brigade', 'b'), team('b', 'brigade', 'a'), team('r', 'corps')]);
    expect(tree.hierarchy.map((n) => n.key)).toEqual(['r']);
  });
});
