import { type TeamView, teamParentLevel } from '@wenming/contracts';

/** Teams that may be the parent of a team of `level` (总队 for 支队, 支队 for 小队, any for 专业队). */
export function parentOptions(teams: TeamView[], level: TeamView['level'] | undefined): TeamView[] {
  if (!level) return [];
  const wanted = teamParentLevel[level];
  if (wanted === null) return [];
  return wanted === 'any' ? teams : teams.filter((t) => t.level === wanted);
}
