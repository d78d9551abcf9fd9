import type { TeamView } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { parentOptions } from './team-parents';

const team = (id: string, level: TeamView['level']) => ({ id, level }) as TeamView;

describe('parentOptions', () => {
  const teams = [team('c', 'corps'), team('b', 'brigade'), team('s', 'squad'), team('x', 'specialist')];
  it('offers corps to brigades, brigades to squads, anything to specialist teams, nothing to corps', () => {
    expect(parentOptions(teams, 'brigade').map((t) => t.id)).toEqual(['c']);
    expect(parentOptions(teams, 'squad').map((t) => t.id)).toEqual(['b']);
    expect(parentOptions(teams, 'specialist')).toHaveLength(4);
    expect(parentOptions(teams, 'corps')).toEqual([]);
    expect(parentOptions(teams, undefined)).toEqual([]);
  });
});
