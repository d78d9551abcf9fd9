// Display rules of the orders pages: durations, and whether a response met its urgency target.

/** Minutes → whole days, hours and minutes (for "2 天 3 小时 5 分钟"). */
export function splitMinutes(minutes: number): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.round(minutes));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

export type TargetState = 'met' | 'missed' | 'none';

/** An average (or single) response against its target in minutes; 'none' when there is nothing to compare. */
export function targetState(
  actualMinutes: number | null | undefined,
  targetMinutes: number | null | undefined,
): TargetState {
  if (actualMinutes === null || actualMinutes === undefined || !targetMinutes) return 'none';
  return actualMinutes <= targetMinutes ? 'met' : 'missed';
}
